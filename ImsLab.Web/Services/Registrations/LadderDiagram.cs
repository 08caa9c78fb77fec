using ImsLab.Sip.Subscribers;

namespace ImsLab.Web.Services.Registrations;

/// <summary>Turns the traced exchanges of a registration into the arrows of a two-lane ladder (UE | ImsLab).</summary>
public static class LadderDiagram
{
    /// <summary>
    /// Every traced message of <paramref name="exchanges"/> in time order (a request before its own response when both
    /// carry the same instant), numbered from 1; events without a trace are skipped.
    /// </summary>
    public static IReadOnlyList<LadderArrow> Arrows(IReadOnlyList<RegistrationEvent> exchanges)
    {
        ArgumentNullException.ThrowIfNull(exchanges);
        var messages = exchanges
            .SelectMany((e, eventIndex) => (e.SipTrace ?? []).Select((t, traceIndex) => (Event: e, Trace: t, Order: (eventIndex, traceIndex))))
            .OrderBy(m => m.Trace.At)
            .ThenBy(m => m.Order.eventIndex)
            .ThenBy(m => m.Order.traceIndex)
            .ToList();
        var arrows = new List<LadderArrow>(messages.Count);
        foreach (var (registrationEvent, trace, _) in messages)
        {
            arrows.Add(new LadderArrow(arrows.Count + 1, trace.Direction == SipTraceDirection.Received, SipMessageText.Summary(trace.Text),
                trace.At, trace.Remote, trace.Text, registrationEvent.Type));
        }
        return arrows;
    }
}
