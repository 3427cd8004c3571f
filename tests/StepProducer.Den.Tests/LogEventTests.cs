using System.Reflection;
using Microsoft.Extensions.Logging;

namespace StepProducer.Den.Tests;

public class LogEventTests
{
    [Fact]
    public void LogEvents_HaveUniqueIdsAndNamesInTheDenRange()
    {
        var events = typeof(DenLog).GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(method => method.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .ToList();

        Assert.NotEmpty(events);
        Assert.Equal(events.Count, events.Select(attribute => attribute.EventId).Distinct().Count());
        Assert.Equal(events.Count, events.Select(attribute => attribute.EventName).Distinct().Count());
        Assert.All(events, attribute => Assert.InRange(attribute.EventId, 3000, 3099));
    }
}
