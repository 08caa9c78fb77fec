using ImsLab.Sip.Subscribers;
using ImsLab.Web.Services.Registrations;

namespace ImsLab.Tests.Web.Services.Registrations;

public sealed class LadderDiagramTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 5, 0, 0, TimeSpan.Zero);

    private static RegistrationEvent Exchange(RegistrationEventType type, DateTimeOffset at, params (SipTraceDirection Direction, string Text)[] messages) => new()
    {
        Id = Guid.NewGuid(), OccurredAt = at, Type = type, Impu = "sip:user1_public1@home1.net",
        SipTrace = messages.Select(m => new SipTraceEntry(m.Direction, at, "127.0.0.1:5070/UDP", m.Text)).ToList(),
    };

    [Fact]
    public void AnAkaRegistrationDrawsRegister401Register200InOrder()
    {
        var challenged = Exchange(RegistrationEventType.Challenged, T0,
            (SipTraceDirection.Received, "REGISTER sip:home1.net SIP/2.0\r\n\r\n"), (SipTraceDirection.Sent, "SIP/2.0 401 Unauthorized\r\n\r\n"));
        var registered = Exchange(RegistrationEventType.Registered, T0.AddMilliseconds(40),
            (SipTraceDirection.Received, "REGISTER sip:home1.net SIP/2.0\r\n\r\n"), (SipTraceDirection.Sent, "SIP/2.0 200 OK\r\n\r\n"));

        // Given newest first on purpose: the ladder orders by time, not by the order it is handed the events.
        var arrows = LadderDiagram.Arrows([registered, challenged]);

        Assert.Equal(["REGISTER", "401 Unauthorized", "REGISTER", "200 OK"], arrows.Select(a => a.Label));
        Assert.Equal([1, 2, 3, 4], arrows.Select(a => a.Number));
        Assert.Equal([true, false, true, false], arrows.Select(a => a.TowardsNetwork));
        Assert.Equal([false, true, false, true], arrows.Select(a => a.IsResponse));
        Assert.Equal(RegistrationEventType.Registered, arrows[3].EventType);
    }

    [Fact]
    public void EventsWithoutATraceDrawNothing()
    {
        var untraced = new RegistrationEvent { Id = Guid.NewGuid(), OccurredAt = T0, Type = RegistrationEventType.Expired };

        Assert.Empty(LadderDiagram.Arrows([untraced]));
    }
}
