using ImsLab.Sip.Registrar;
using ImsLab.Sip.Subscribers;
using ImsLab.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImsLab.Tests.Sip.Registrar;

public sealed class BindingCommitQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly InMemoryBindingStore _store = new();
    private readonly RegistrarMetrics _metrics = new();

    private BindingCommitQueue Create(int maxBatch = 512)
    {
        var queue = new BindingCommitQueue(_store, maxBatch, NullLogger.Instance, _metrics);
        queue.Start();
        return queue;
    }

    private static BindingChange Upsert(int n) => new BindingChange.Upsert(new RegistrationBinding
    {
        Id = Guid.NewGuid(), Impu = $"sip:u{n}@ims.lab", Impi = $"u{n}@ims.lab", ContactUri = $"sip:u{n}@10.0.0.1",
        ContactParameters = "", ExpiresAt = DateTimeOffset.UnixEpoch.AddHours(1),
        Flow = new BindingFlow("UDP", "10.0.0.1", 5060, "127.0.0.1", 5060, 0), CallId = $"c{n}", CSeq = 1,
        ScscfUri = "sip:scscf.ims.lab", RegisteredAt = DateTimeOffset.UnixEpoch, RefreshedAt = DateTimeOffset.UnixEpoch,
    });

    // One registration's batch is held in the store while twenty more queue up behind it.
    private async Task CommitTwentyWhileTheFirstBatchIsInTheStoreAsync(BindingCommitQueue queue)
    {
        _store.Hold();
        var first = queue.CommitAsync([Upsert(0)]);
        await _store.FirstApplyStarted.Task.WaitAsync(Patience);
        var waiting = Enumerable.Range(1, 20).Select(i => queue.CommitAsync([Upsert(i)])).ToList();
        _store.Open();
        await Task.WhenAll(waiting.Append(first)).WaitAsync(Patience);
    }

    [Fact]
    public async Task CommitCompletesOnlyOnceTheStoreAppliedTheChanges()
    {
        await using var queue = Create();
        _store.Hold();

        var commit = queue.CommitAsync([Upsert(1)]);
        await _store.FirstApplyStarted.Task.WaitAsync(Patience);
        Assert.False(commit.IsCompleted);

        _store.Open();
        await commit.WaitAsync(Patience);
        Assert.Single(_store.Bindings);
    }

    [Fact]
    public async Task RegistrationsQueuedWhileTheStoreIsBusyShareOneTransaction()
    {
        await using var queue = Create();

        await CommitTwentyWhileTheFirstBatchIsInTheStoreAsync(queue);

        Assert.Equal([1, 20], _store.Batches.Select(b => b.Count));
    }

    [Fact]
    public async Task BatchesNeverExceedTheLimit()
    {
        await using var queue = Create(maxBatch: 8);

        await CommitTwentyWhileTheFirstBatchIsInTheStoreAsync(queue);

        Assert.Equal([1, 8, 8, 4], _store.Batches.Select(b => b.Count));
    }

    [Fact]
    public async Task ChangesOfOneRegistrationStayInOneBatchAndInOrder()
    {
        await using var queue = Create(maxBatch: 2);
        var changes = new[] { Upsert(1), Upsert(2), Upsert(3) };

        await queue.CommitAsync(changes).WaitAsync(Patience);

        Assert.Equal(changes, _store.Batches.Single());
    }

    [Fact]
    public async Task AFailedBatchFailsEveryRegistrationInIt()
    {
        await using var queue = Create();
        _store.FailWith = new InvalidOperationException("database down");

        var commit = queue.CommitAsync([Upsert(1)]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => commit.WaitAsync(Patience));
        Assert.Empty(_store.Bindings);
    }

    [Fact]
    public async Task TheWriterKeepsGoingAfterAFailedBatch()
    {
        await using var queue = Create();
        _store.FailWith = new InvalidOperationException("database down");
        await Assert.ThrowsAsync<InvalidOperationException>(() => queue.CommitAsync([Upsert(1)]).WaitAsync(Patience));

        _store.FailWith = null;
        await queue.CommitAsync([Upsert(2)]).WaitAsync(Patience);

        Assert.Single(_store.Bindings);
    }

    [Fact]
    public async Task CommitAfterDisposeFails()
    {
        var queue = Create();
        await queue.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => queue.CommitAsync([Upsert(1)]));
    }
}
