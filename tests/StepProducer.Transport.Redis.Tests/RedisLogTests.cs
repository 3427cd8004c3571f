using System.Reflection;
using Microsoft.Extensions.Logging;

namespace StepProducer.Transport.Redis.Tests;

public sealed class RedisLogTests
{
    [Fact]
    public void EventIds_AreUniqueAndInTheTransportRange()
    {
        var ids = typeof(RedisLog).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(method => method.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .Select(attribute => attribute.EventId)
            .ToList();

        Assert.True(ids.Count >= 14);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.InRange(id, 5000, 5099));
    }
}
