using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace StepProducer.Transport.Redis.Tests.Support;

/// <summary>A logger that keeps every formatted line, so tests can read what an operator would see.</summary>
public sealed class ListLogger : ILogger
{
    private readonly ConcurrentQueue<(LogLevel Level, EventId Id, string Message)> entries = new();

    public IReadOnlyList<(LogLevel Level, EventId Id, string Message)> Entries => entries.ToArray();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        entries.Enqueue((logLevel, eventId, formatter(state, exception)));
}
