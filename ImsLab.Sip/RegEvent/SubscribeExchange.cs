using ImsLab.Sip.Subscribers;

namespace ImsLab.Sip.RegEvent;

/// <summary>
/// A SUBSCRIBE that created or refreshed a subscription, waiting for its first NOTIFY: the RegEventSubscribed event is
/// published once that NOTIFY went out, so the trace shows the whole exchange (SUBSCRIBE, 200, NOTIFY and its answer,
/// RFC 6665 4.2.1) like REGISTER events show theirs.
/// </summary>
/// <param name="Reason">"subscribed", "fetched" or "refreshed".</param>
/// <param name="Trace">The SUBSCRIBE and its 200, or null when tracing is off.</param>
internal sealed record SubscribeExchange(string Reason, IReadOnlyList<SipTraceEntry>? Trace);
