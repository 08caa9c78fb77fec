using System.Diagnostics;
using System.Threading.Channels;
using ImsLab.Sip.Subscribers;
using Microsoft.Extensions.Logging;

namespace ImsLab.Sip.Registrar;

/// <summary>
/// Group commit of binding changes: every registration enqueues its changes and awaits the commit of the batch they
/// landed in; ONE writer drains whatever is waiting (up to a batch limit) and applies it in one transaction. Under load
/// the batches grow by themselves, so the database sees one round trip per batch instead of one per REGISTER, and a
/// 200 OK still goes out only once its binding is durable.
/// </summary>
internal sealed partial class BindingCommitQueue : IAsyncDisposable
{
    private readonly IBindingStore _store;
    private readonly int _maxBatch;
    private readonly ILogger _logger;
    private readonly RegistrarMetrics _metrics;
    private readonly Channel<PendingCommit> _queue = Channel.CreateUnbounded<PendingCommit>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false, AllowSynchronousContinuations = false });
    private Task? _writer;

    public BindingCommitQueue(IBindingStore store, int maxBatch, ILogger logger, RegistrarMetrics metrics)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _store = store;
        _maxBatch = maxBatch;
        _logger = logger;
        _metrics = metrics;
    }

    public void Start() => _writer ??= Task.Run(WriteLoopAsync);

    /// <summary>
    /// Queues the changes without waiting; the task completes when they are durable and faults when their batch
    /// failed. Changes queued from one thread are applied in the order they were queued.
    /// </summary>
    public Task CommitAsync(IReadOnlyList<BindingChange> changes)
    {
        if (changes.Count == 0)
        {
            return Task.CompletedTask;
        }
        var pending = new PendingCommit(changes);
        if (!_queue.Writer.TryWrite(pending))
        {
            return Task.FromException(new ObjectDisposedException(nameof(BindingCommitQueue)));
        }
        return pending.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer is not null)
        {
            await _writer.ConfigureAwait(false);
        }
    }

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<PendingCommit>();
        var changes = new List<BindingChange>(_maxBatch);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            // A single commit bigger than the limit still goes in one transaction: splitting it would break its atomicity.
            while (changes.Count < _maxBatch && reader.TryRead(out var pending))
            {
                batch.Add(pending);
                changes.AddRange(pending.Changes);
            }
            try
            {
                var started = Stopwatch.GetTimestamp();
                await _store.ApplyAsync(changes, CancellationToken.None).ConfigureAwait(false);
                _metrics.RecordCommit(changes.Count, Stopwatch.GetElapsedTime(started));
                foreach (var pending in batch)
                {
                    pending.Completion.TrySetResult();
                }
            }
            catch (Exception exception)
            {
                // The store is down or refused the batch: every registration in it fails (500) rather than being
                // acknowledged without being durable.
                LogCommitFailed(_logger, changes.Count, exception);
                _metrics.CommitFailed();
                foreach (var pending in batch)
                {
                    pending.Completion.TrySetException(exception);
                }
            }
            batch.Clear();
            changes.Clear();
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Error, Message = "Committing {Count} binding changes failed")]
    private static partial void LogCommitFailed(ILogger logger, int count, Exception exception);

    private sealed class PendingCommit(IReadOnlyList<BindingChange> changes)
    {
        public IReadOnlyList<BindingChange> Changes { get; } = changes;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
