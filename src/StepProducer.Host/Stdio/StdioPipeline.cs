using System.Buffers;
using System.IO.Pipelines;
using Microsoft.Extensions.Logging;
using StepProducer.Den;
using StepProducer.Host.Input;
using StepProducer.Host.Lifecycle;
using StepProducer.Host.Logging;

namespace StepProducer.Host.Stdio;

/// <summary>
/// stdin/stdout mode: JSON lines in (CloudEvents and received DENMs), one DENM record per line out.
/// Two loops share the single-threaded <see cref="DenService"/> through one gate: the input loop handles
/// each line as it arrives, the timer loop calls <see cref="DenService.Advance"/> every cleanupIntervalMs.
/// At end of input the timer loop keeps running until the originating table is empty.
/// </summary>
internal sealed class StdioPipeline : IDisposable
{
    /// <summary>
    /// The longest accepted input line. 256 collisions (the most one event holds) take about 80 KiB;
    /// 1 MiB leaves room for any valid event and bounds what a line without newline can hold in memory.
    /// </summary>
    private const int MaxLineBytes = 1024 * 1024;

    /// <summary>
    /// errno EPIPE (32 on Linux, asm-generic/errno-base.h, x86-64 and arm64 alike): a write to a pipe whose
    /// read end is closed. .NET ignores SIGPIPE, so the write fails with an IOException carrying this errno.
    /// </summary>
    private const int BrokenPipeErrno = 32;

    private readonly PipeReader input;
    private readonly PipeWriter output;
    private readonly RecordLineSink records;
    private readonly InputLineParser parser = new();
    private readonly DenService service;
    private readonly ILogger logger;
    private readonly ServiceNotifications notifications;
    private readonly InputRetimer? retimer;
    private readonly TimeSpan tickInterval;
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Cancelled when stdout's reader went away: nothing written from then on can arrive, so the run ends.</summary>
    private readonly CancellationTokenSource outputClosed = new();

    private long lineNumber;
    private long badLines;

    /// <summary>True while the rest of an over-long line is being dropped.</summary>
    private bool skippingLongLine;

    /// <summary>Set by the input loop at end of input, read by the timer loop; both under the gate.</summary>
    private bool inputEnded;

    public StdioPipeline(
        DenOptions options,
        Stream standardInput,
        Stream standardOutput,
        ILoggerFactory loggerFactory,
        ServiceNotifications notifications,
        bool retime)
    {
        input = PipeReader.Create(standardInput);
        output = PipeWriter.Create(standardOutput);
        records = new RecordLineSink(output);
        logger = loggerFactory.CreateLogger("StepProducer.Host.Stdio");
        this.notifications = notifications;
        retimer = retime ? new InputRetimer(TimeProvider.System, options) : null;
        tickInterval = TimeSpan.FromMilliseconds(options.CleanupIntervalMs);
        service = new DenService(options, TimeProvider.System, records, stateStore: null, loggerFactory.CreateLogger<DenService>());
    }

    public DenCounters Counters => service.Counters;

    public long Lines => lineNumber;

    public long BadLines => badLines;

    /// <summary>True when the run ended because stdout's reader closed the pipe (like <c>| head -3</c>).</summary>
    public bool OutputClosed => outputClosed.IsCancellationRequested;

    /// <summary>
    /// Runs until the input has ended and the originating table is empty, or until <paramref name="signalled"/>
    /// is cancelled; then finishes the line in flight, writes the cancel records of the active events when
    /// den.onShutdown is cancel, and flushes. Never throws for bad input. When stdout's reader goes away
    /// it stops the same way but writes nothing more (see <see cref="OutputClosed"/>).
    /// </summary>
    public async Task RunAsync(CancellationToken signalled)
    {
        using var running = CancellationTokenSource.CreateLinkedTokenSource(signalled, outputClosed.Token);
        var stop = running.Token;
        using var ticksDone = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var stopped = Task.Delay(Timeout.Infinite, stop);
        var timerLoop = RunTimerLoopAsync(ticksDone.Token);
        var inputLoop = RunInputLoopAsync(stop);

        // The timer loop ends by itself once the input has ended and the table is empty. stdin reads
        // cannot be cancelled on Unix (the read blocks in the kernel), so a stop request does not wait for
        // the input loop: it takes the gate (finishing the line in flight) and flushes.
        var first = await Task.WhenAny(timerLoop, inputLoop, stopped).ConfigureAwait(false);
        if (first == inputLoop && inputLoop.IsCompletedSuccessfully)
        {
            await Task.WhenAny(timerLoop, stopped).ConfigureAwait(false);
        }

        await ticksDone.CancelAsync().ConfigureAwait(false);
        await timerLoop.ConfigureAwait(false);
        await gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (service.Options.OnShutdown == OnShutdownAction.Cancel && !OutputClosed)
            {
                // After a signal the table may hold active events; at the natural end it is already empty.
                service.CancelAllOnShutdown();
            }

            await FlushAsync().ConfigureAwait(false);
            // Completing with an error drops what is still buffered: after a broken pipe nobody reads it.
            await output.CompleteAsync(OutputClosed ? new IOException("stdout closed by its reader") : null).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }

        if (inputLoop.IsFaulted)
        {
            await inputLoop.ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        gate.Dispose();
        outputClosed.Dispose();
    }

    private async Task RunInputLoopAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await input.ReadAsync(stop).ConfigureAwait(false);
                var buffer = result.Buffer;
                await gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
                try
                {
                    while (!stop.IsCancellationRequested && TryReadLine(ref buffer, out var line))
                    {
                        ProcessLine(line);
                    }

                    if (result.IsCompleted && !buffer.IsEmpty && !skippingLongLine && !stop.IsCancellationRequested)
                    {
                        // The last line has no newline: it is still a line.
                        ProcessLine(buffer);
                        buffer = buffer.Slice(buffer.End);
                    }

                    await FlushIfPendingAsync().ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                }

                input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return;
        }

        if (stop.IsCancellationRequested)
        {
            // Stopped between two reads (a signal, or stdout's reader gone): the input did not end.
            return;
        }

        await input.CompleteAsync().ConfigureAwait(false);
        await gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            HostLog.EndOfInput(logger, lineNumber, service.OriginatingEntryCount);
            inputEnded = true;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Advances the service every cleanupIntervalMs; returns once the input has ended and the table is empty.</summary>
    private async Task RunTimerLoopAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(tickInterval);
        var countersInterval = (long)(HostLog.CountersInterval.TotalSeconds * TimeProvider.System.TimestampFrequency);
        var nextCounters = TimeProvider.System.GetTimestamp() + countersInterval;
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                await gate.WaitAsync(stop).ConfigureAwait(false);
                try
                {
                    service.Advance();
                    await FlushIfPendingAsync().ConfigureAwait(false);
                    if (inputEnded && service.OriginatingEntryCount == 0)
                    {
                        return;
                    }
                }
                finally
                {
                    gate.Release();
                }

                notifications.PingWatchdogIfDue();
                var now = TimeProvider.System.GetTimestamp();
                if (now >= nextCounters)
                {
                    LogCounters();
                    nextCounters = now + countersInterval;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Shutdown: the caller flushes.
        }
    }

    /// <summary>The 10-second counters: one log line, and the same figures as the systemd STATUS.</summary>
    private void LogCounters()
    {
        var counters = service.Counters;
        HostLog.Counters(logger, counters.EventsIn, counters.NewOut, counters.UpdateOut, counters.RepeatOut,
            counters.CancelOut, counters.NegateOut, counters.ExpireCancelOut, badLines + counters.Rejected,
            counters.ActiveEntries);
        notifications.Status(
            $"running: stdin/stdout, {counters.EventsIn} events in, {counters.DenmsOut} DENMs out, {counters.ActiveEntries} active");
    }

    private async ValueTask FlushIfPendingAsync()
    {
        if (records.TakePending())
        {
            await FlushAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes the buffered records to stdout. A reader that went away is the normal end of a Unix pipeline
    /// (<c>step_producer | head -3</c>), not a failure: it is logged once and ends the run.
    /// </summary>
    private async ValueTask FlushAsync()
    {
        if (OutputClosed)
        {
            return;
        }

        try
        {
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (IOException error) when (error.HResult == BrokenPipeErrno)
        {
            HostLog.OutputClosed(logger);
            await outputClosed.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Takes the next complete line out of <paramref name="buffer"/>. Text that grows past
    /// <see cref="MaxLineBytes"/> without a newline is reported once as a bad line and dropped up to its
    /// newline, so a stream without newlines cannot take unbounded memory.
    /// </summary>
    private bool TryReadLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        line = default;
        while (true)
        {
            var newline = buffer.PositionOf((byte)'\n');
            if (newline is null)
            {
                if (!skippingLongLine && buffer.Length > MaxLineBytes)
                {
                    lineNumber++;
                    badLines++;
                    HostLog.BadLine(logger, RecordSource.Line(lineNumber).ToString(), "$",
                        $"line longer than {MaxLineBytes} bytes; skipped up to its end");
                    skippingLongLine = true;
                }

                if (skippingLongLine)
                {
                    buffer = buffer.Slice(buffer.End);
                }

                return false;
            }

            var next = buffer.GetPosition(1, newline.Value);
            if (skippingLongLine)
            {
                skippingLongLine = false;
                buffer = buffer.Slice(next);
                continue;
            }

            line = buffer.Slice(0, newline.Value);
            buffer = buffer.Slice(next);
            return true;
        }
    }

    private void ProcessLine(ReadOnlySequence<byte> line)
    {
        lineNumber++;
        if (line.IsSingleSegment)
        {
            ProcessLine(line.FirstSpan);
            return;
        }

        // A line split across pipe segments: copy it once into pooled memory.
        var length = (int)line.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            line.CopyTo(rented);
            ProcessLine(rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private void ProcessLine(ReadOnlySpan<byte> line)
    {
        line = line.TrimEnd((byte)'\r');
        if (line.Trim(" \t"u8).IsEmpty)
        {
            return;
        }

        var source = RecordSource.Line(lineNumber);
        try
        {
            parser.Parse(line);
        }
        catch (InputFormatException error)
        {
            badLines++;
            HostLog.BadLine(logger, source.ToString(), error.Path, error.Reason);
            return;
        }

        retimer?.Apply(parser);
        switch (parser.Kind)
        {
            case InputKind.StationCollisions:
                var reports = parser.Collisions;
                for (var index = 0; index < reports.Length; index++)
                {
                    Report(source, InputLineParser.CollisionPath(index), service.ReportCollision(reports[index], source));
                }

                break;
            case InputKind.Termination:
                Report(source, "data", service.Terminate(parser.Termination, source));
                break;
            default:
                Report(source, "uper", service.Receive(parser.Uper, source));
                break;
        }
    }

    private void Report(RecordSource source, string path, DenResult result)
    {
        if (result.IsRejected)
        {
            HostLog.BadLine(logger, source.ToString(), path, result.Reason ?? "rejected by the DEN service");
        }
        else if (logger.IsEnabled(LogLevel.Debug))
        {
            HostLog.LineProcessed(logger, source.ToString(), $"{path}: {result.Outcome} {result.ActionId}");
        }
    }
}
