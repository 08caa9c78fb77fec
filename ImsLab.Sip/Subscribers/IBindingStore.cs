namespace ImsLab.Sip.Subscribers;

/// <summary>
/// Durable registration bindings. The registrar group-commits: concurrent registrations hand their changes to one
/// writer, which calls <see cref="ApplyAsync"/> once per batch and answers 200 OK only after it completed.
/// </summary>
public interface IBindingStore
{
    /// <summary>
    /// Applies every change in ONE transaction, in order: when a batch touches the same id twice, the last change
    /// wins. Either all are durable when the task completes, or none (the task faults).
    /// </summary>
    Task ApplyAsync(IReadOnlyList<BindingChange> changes, CancellationToken cancellationToken);

    /// <summary>Every binding that has not expired at <paramref name="now"/> (start-up reload).</summary>
    Task<IReadOnlyList<RegistrationBinding>> LoadActiveAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes every binding that expired at or before <paramref name="now"/>; returns how many.</summary>
    Task<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
