using ImsLab.Api.Events;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Api.Registrations;

/// <summary>One recorded SIP exchange (REGISTER and its answer, SUBSCRIBE/200/NOTIFY): the event and its messages in order.</summary>
internal sealed record SipExchangeResponse(EventResponse Event, IReadOnlyList<SipTraceEntry> Messages);
