using ImsLab.Sip.Subscribers;

namespace ImsLab.Tests.Support;

/// <summary>
/// A binding store in memory that records every batch it was given and can be held shut, so group-commit tests can
/// see how changes were batched. End-to-end tests use the real PostgreSQL store instead.
/// </summary>
internal sealed class InMemoryBindingStore : IBindingStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, RegistrationBinding> _bindings = [];
    private TaskCompletionSource _gateOpen = CompletedGate();

    public List<IReadOnlyList<BindingChange>> Batches { get; } = [];

    public Exception? FailWith { get; set; }

    public IReadOnlyCollection<RegistrationBinding> Bindings
    {
        get { lock (_gate) return [.. _bindings.Values]; }
    }

    /// <summary>Makes the next ApplyAsync calls wait until <see cref="Open"/>.</summary>
    public void Hold() { lock (_gate) _gateOpen = new(TaskCreationOptions.RunContinuationsAsynchronously); }

    public void Open() { lock (_gate) _gateOpen.TrySetResult(); }

    public TaskCompletionSource FirstApplyStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task ApplyAsync(IReadOnlyList<BindingChange> changes, CancellationToken cancellationToken)
    {
        Task wait;
        lock (_gate) wait = _gateOpen.Task;
        FirstApplyStarted.TrySetResult();
        await wait;
        if (FailWith is { } failure) throw failure;
        lock (_gate)
        {
            Batches.Add([.. changes]);
            foreach (var change in changes)
            {
                switch (change)
                {
                    case BindingChange.Upsert upsert: _bindings[upsert.Binding.Id] = upsert.Binding; break;
                    case BindingChange.Remove remove: _bindings.Remove(remove.BindingId); break;
                }
            }
        }
    }

    public Task<IReadOnlyList<RegistrationBinding>> LoadActiveAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<RegistrationBinding>>([.. _bindings.Values.Where(b => b.ExpiresAt > now)]);
    }

    public Task<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var expired = _bindings.Values.Where(b => b.ExpiresAt <= now).Select(b => b.Id).ToList();
            expired.ForEach(id => _bindings.Remove(id));
            return Task.FromResult(expired.Count);
        }
    }

    private static TaskCompletionSource CompletedGate()
    {
        var open = new TaskCompletionSource();
        open.SetResult();
        return open;
    }
}
