using System.Reflection;
using Microsoft.Extensions.Logging;
using StepProducer.Host.Logging;

namespace StepProducer.Host.Tests;

public sealed class LogEventTests
{
    [Fact]
    public void HostLog_EventIdsAndNames_AreUniqueAndInTheHostRange()
    {
        var events = typeof(HostLog).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(method => method.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .ToArray();

        Assert.True(events.Length >= 10, $"expected the host's log events, found {events.Length}");
        Assert.Equal(events.Length, events.Select(item => item.EventId).Distinct().Count());
        Assert.Equal(events.Length, events.Select(item => item.EventName).Distinct().Count());

        // 1000..1099 is the host's block; other assemblies use other blocks so ids stay unique program-wide.
        Assert.All(events, item => Assert.InRange(item.EventId, 1000, 1099));
    }
}
