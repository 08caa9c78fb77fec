using ImsLab.Sip.Subscribers;

namespace ImsLab.Sip.RegEvent;

/// <summary>
/// A live reg-event subscription: the stored dialog state plus the queue that keeps its NOTIFYs in order (RFC 6665
/// 4.2.2: one at a time per dialog, CSeq counting up). <see cref="State"/> is replaced under <see cref="Gate"/>.
/// </summary>
internal sealed class RegEventDialog(RegEventSubscription state)
{
    public Lock Gate { get; } = new();

    public RegEventSubscription State { get; set; } = state;

    public Queue<NotifyWork> Pending { get; } = new();

    /// <summary>
    /// The notifier's change stamp when the dialog joined: a registration change stamped no later than this is already
    /// in the dialog's first, full-state NOTIFY (see <see cref="RegEventNotifier.StampChange"/>).
    /// </summary>
    public long JoinedAtChange { get; set; }

    public bool Pumping { get; set; }

    /// <summary>
    /// The IMPI whose registration is watched, for the event log: learnt from the bindings while the set is
    /// registered, and kept for the events after it is gone (the terminating NOTIFY of a deregistration).
    /// </summary>
    public string? Impi { get; set; }

    /// <summary>Set once a terminating NOTIFY was queued or the dialog failed; nothing is queued after it.</summary>
    public bool Ending { get; set; }
}
