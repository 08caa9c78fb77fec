using ImsLab.Data;
using ImsLab.Sip.Subscribers;
using ImsLab.Tests.Support;

namespace ImsLab.Tests.Data.Stores;

[Collection(PostgresCollection.Name)]
public sealed class RegistrationEventLogTests(PgFixture postgres)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task EventsAreQueriedByTimeIdentityAndTypeNewestFirstAndPrunedByAge(DatabaseProvider provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var log = host.Get<IRegistrationEventLog>();
        var t0 = host.Time.GetUtcNow();
        RegistrationEvent Event(int minutes, RegistrationEventType type, string impu) => new()
        {
            Id = Guid.CreateVersion7(t0.AddMinutes(minutes)), OccurredAt = t0.AddMinutes(minutes), Type = type,
            Impu = impu, Impi = "Alice@IMS.example.org", Contact = "sip:alice@192.0.2.1", Flow = "UDP 192.0.2.1:5060 -> 127.0.0.1:5060",
            Reason = "200 OK", Actor = "ue",
            SipTrace = [new SipTraceEntry(SipTraceDirection.Received, t0.AddMinutes(minutes), "192.0.2.1:5060/UDP", "REGISTER sip:ims.example.org SIP/2.0\r\n\r\n")],
        };
        var events = new[]
        {
            Event(0, RegistrationEventType.Challenged, "sip:alice@ims.example.org"),
            Event(1, RegistrationEventType.Registered, "sip:alice@ims.example.org"),
            Event(2, RegistrationEventType.Registered, "sip:bob@ims.example.org"),
            Event(3, RegistrationEventType.Deregistered, "sip:alice@ims.example.org"),
        };
        await log.AppendAsync(events, default);
        await log.AppendAsync([events[0]], default);

        var all = await log.QueryAsync(new RegistrationEventQuery(), default);
        Assert.Equal(events.Reverse().Select(e => e.Id), all.Select(e => e.Id));
        Assert.Null(all[0].SipTrace);

        var alice = await log.QueryAsync(new RegistrationEventQuery { Impus = ["sip:ALICE@ims.example.org"], IncludeSipTrace = true }, default);
        Assert.Equal(3, alice.Count);
        Assert.Equal("REGISTER sip:ims.example.org SIP/2.0\r\n\r\n", alice[0].SipTrace![0].Text);
        Assert.Equal("alice@ims.example.org", alice[0].Impi);

        var registered = await log.QueryAsync(new RegistrationEventQuery { Type = RegistrationEventType.Registered, Since = t0.AddMinutes(2) }, default);
        Assert.Equal([events[2].Id], registered.Select(e => e.Id));
        Assert.Equal(2, (await log.QueryAsync(new RegistrationEventQuery { Impi = "alice@ims.example.org", Until = t0.AddMinutes(2) }, default)).Count);
        Assert.Single(await log.QueryAsync(new RegistrationEventQuery { Limit = 1 }, default));

        Assert.Equal(2, await log.PruneAsync(t0.AddMinutes(2), default));
        Assert.Equal(2, (await log.QueryAsync(new RegistrationEventQuery(), default)).Count);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task EventsAreQueriedByASetOfImpusReturningTheEventsOfEachAndNoOthers(DatabaseProvider provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var log = host.Get<IRegistrationEventLog>();
        var t0 = host.Time.GetUtcNow();
        RegistrationEvent Event(int minutes, string? impu) => new()
        {
            Id = Guid.CreateVersion7(t0.AddMinutes(minutes)), OccurredAt = t0.AddMinutes(minutes), Type = RegistrationEventType.Registered,
            Impu = impu, Impi = "alice@ims.example.org",
        };
        var events = new[]
        {
            Event(0, "sip:alice@ims.example.org"),
            Event(1, "tel:+15550000001"),
            Event(2, "sip:alice-work@ims.example.org"),
            Event(3, null),
            Event(4, "sip:bob@ims.example.org"),
        };
        await log.AppendAsync(events, default);

        // One implicit registration set (TS 23.228 4.3.3.4) as the resolver hands it over, in any case.
        var set = await log.QueryAsync(
            new RegistrationEventQuery { Impus = ["SIP:Alice@IMS.example.org", "tel:+15550000001", "sip:nobody@ims.example.org"] }, default);
        var none = await log.QueryAsync(new RegistrationEventQuery { Impus = [] }, default);

        Assert.Equal([events[1].Id, events[0].Id], set.Select(e => e.Id));
        Assert.Empty(none);
    }
}
