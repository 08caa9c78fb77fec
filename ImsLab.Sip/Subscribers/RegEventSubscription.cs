namespace ImsLab.Sip.Subscribers;

/// <summary>
/// A reg-event subscription dialog (RFC 3680, RFC 6665, TS 24.229 5.4.2.1): enough to send in-dialog NOTIFYs
/// after a restart.
/// </summary>
public sealed record RegEventSubscription
{
    /// <summary>Stable id of the subscription.</summary>
    public required Guid Id { get; init; }

    /// <summary>The IMPU whose registration state is watched (the SUBSCRIBE Request-URI).</summary>
    public required string ResourceImpu { get; init; }

    /// <summary>The watcher's identity (From URI of the SUBSCRIBE).</summary>
    public required string WatcherUri { get; init; }

    /// <summary>The watcher's Contact: the remote target of NOTIFYs (RFC 3261 12.1.1).</summary>
    public required string WatcherContact { get; init; }

    /// <summary>Call-ID of the dialog.</summary>
    public required string CallId { get; init; }

    /// <summary>Our tag (To tag of the SUBSCRIBE's response, From tag of our NOTIFYs).</summary>
    public required string LocalTag { get; init; }

    /// <summary>The watcher's tag (From tag of the SUBSCRIBE).</summary>
    public required string RemoteTag { get; init; }

    /// <summary>Last CSeq number we used in this dialog.</summary>
    public required uint LocalCSeq { get; init; }

    /// <summary>Last CSeq number received from the watcher.</summary>
    public required uint RemoteCSeq { get; init; }

    /// <summary>Route set from Record-Route (RFC 3261 12.1.1), in NOTIFY Route order.</summary>
    public IReadOnlyList<string> RouteSet { get; init; } = [];

    /// <summary>The flow the SUBSCRIBE arrived on.</summary>
    public required BindingFlow Flow { get; init; }

    /// <summary>When the subscription expires unless refreshed.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>RFC 3680 5.2: the reginfo version of the last NOTIFY sent (counts up from 0).</summary>
    public required int Version { get; init; }

    /// <summary>When the subscription was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
