using ImsLab.Sip.Events;
using ImsLab.Sip.Monitoring;
using ImsLab.Sip.Subscribers;
using ImsLab.Sip.Transport;
using ImsLab.Tests.EndToEnd;
using ImsLab.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImsLab.Tests.Sip.Monitoring;

public sealed class RegistrationQueriesTests : IAsyncLifetime
{
    private readonly InMemoryRegistrationEventLog _log = new();
    private readonly CancellationTokenSource _stop = new();
    private ImsCoreHarness _core = null!;
    private RegistrationQueries _queries = null!;
    private Task _logWriter = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _core = await ImsCoreHarness.StartAsync(ImsCoreHarness.InMemory());
        _queries = new RegistrationQueries(_core.Engine, _log);
        var writer = new RegistrationEventLogWriter(_core.Engine.Events, _log, NullLogger<RegistrationEventLogWriter>.Instance);
        _logWriter = writer.RunAsync(_stop.Token);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _logWriter;
        await _core.DisposeAsync();
        _stop.Dispose();
    }

    private async Task RegisterBothTestUesAsync()
    {
        await using var aka = await RawUe.ConnectAsync(_core, SipTransportProtocol.Udp);
        Assert.Equal(200, (await aka.RegisterWithAkaAsync()).StatusCode);
        await using var md5 = await RawUe.ConnectAsync(_core, SipTransportProtocol.Udp, TestSubscribers.Md5Impi, TestSubscribers.Md5Impu);
        Assert.Equal(200, (await md5.RegisterWithPasswordAsync(TestSubscribers.Md5Password)).StatusCode);
    }

    [Fact]
    public async Task EveryLiveBindingIsListedOrderedByImpu()
    {
        await RegisterBothTestUesAsync();

        var page = _queries.List(new RegistrationFilter());

        Assert.Equal(2, page.Total);
        Assert.Equal([TestSubscribers.Md5Impu, TestSubscribers.AkaImpu], page.Items.Select(b => b.Impu));
    }

    [Fact]
    public async Task TheListFiltersByImpuImpiAndSearchText()
    {
        await RegisterBothTestUesAsync();

        Assert.Equal(TestSubscribers.AkaImpu, Assert.Single(_queries.List(new RegistrationFilter { Impu = TestSubscribers.AkaImpu.ToUpperInvariant() }).Items).Impu);
        Assert.Equal(TestSubscribers.Md5Impu, Assert.Single(_queries.List(new RegistrationFilter { Impi = TestSubscribers.Md5Impi }).Items).Impu);
        Assert.Equal(TestSubscribers.AkaImpu, Assert.Single(_queries.List(new RegistrationFilter { Search = "user1_pub" }).Items).Impu);
        Assert.Equal(0, _queries.List(new RegistrationFilter { Search = "nobody" }).Total);
    }

    [Fact]
    public async Task AnImplicitlyRegisteredImpuFindsTheContactsItShares()
    {
        await RegisterBothTestUesAsync();

        Assert.Equal(TestSubscribers.AkaImpu, Assert.Single(_queries.List(new RegistrationFilter { Impu = TestSubscribers.AkaTel }).Items).Impu);
        Assert.Equal(TestSubscribers.AkaImpu, Assert.Single(_queries.List(new RegistrationFilter { Search = TestSubscribers.AkaTel["tel:+".Length..] }).Items).Impu);
    }

    [Fact]
    public async Task PagesAreCutAfterFilteringAndReportTheTotal()
    {
        await RegisterBothTestUesAsync();

        var second = _queries.List(new RegistrationFilter { Page = 2, PageSize = 1 });
        var beyond = _queries.List(new RegistrationFilter { Page = 3, PageSize = 1 });

        Assert.Equal((2, 2, 1), (second.Total, second.Page, second.PageSize));
        Assert.Equal(TestSubscribers.AkaImpu, Assert.Single(second.Items).Impu);
        Assert.Empty(beyond.Items);
    }

    [Fact]
    public async Task ABindingIsFoundByItsIdAndBySubscriber()
    {
        await RegisterBothTestUesAsync();
        var binding = Assert.Single(_queries.OfSubscriber(TestSubscribers.AkaImpi));

        Assert.Equal(binding, _queries.Find(binding.Id));
        Assert.Null(_queries.Find(Guid.NewGuid()));
        Assert.Equal(2, _queries.RegisteredContacts);
    }

    [Fact]
    public async Task TheRecentExchangesOfABindingAreItsTracedRegisterSteps()
    {
        await RegisterBothTestUesAsync();
        var binding = Assert.Single(_queries.OfSubscriber(TestSubscribers.AkaImpi));
        await RegistrationEndToEndTests.WaitUntilAsync(() => _log.Count >= 4);

        var exchanges = await _queries.RecentExchangesAsync(binding, 10, CancellationToken.None);

        // The fake clock stands still, so both steps carry one timestamp: compare without order here.
        var challenge = Assert.Single(exchanges, e => e.Type == RegistrationEventType.Challenged);
        var success = Assert.Single(exchanges, e => e.Type == RegistrationEventType.Registered);
        Assert.All(exchanges, e => Assert.Equal(TestSubscribers.AkaImpu, e.Impu));
        Assert.StartsWith("REGISTER ", challenge.SipTrace![0].Text, StringComparison.Ordinal);
        Assert.StartsWith("SIP/2.0 401", challenge.SipTrace![1].Text, StringComparison.Ordinal);
        Assert.StartsWith("SIP/2.0 200", success.SipTrace![1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyTheLatestTracedExchangesAreGivenOldestFirst()
    {
        await RegisterBothTestUesAsync();
        var binding = Assert.Single(_queries.OfSubscriber(TestSubscribers.AkaImpi));
        var at = DateTimeOffset.UtcNow.AddHours(1);
        SipTraceEntry[] trace = [new(SipTraceDirection.Received, at, "192.0.2.1:5060/UDP", "REGISTER sip:home1.net SIP/2.0")];
        await _log.AppendAsync(
        [
            new RegistrationEvent { Id = Guid.NewGuid(), OccurredAt = at, Type = RegistrationEventType.Refreshed, Impu = binding.Impu, SipTrace = trace },
            new RegistrationEvent { Id = Guid.NewGuid(), OccurredAt = at.AddSeconds(1), Type = RegistrationEventType.Expired, Impu = binding.Impu },
            new RegistrationEvent { Id = Guid.NewGuid(), OccurredAt = at.AddSeconds(2), Type = RegistrationEventType.Deregistered, Impu = binding.Impu, SipTrace = trace },
        ], CancellationToken.None);

        var exchanges = await _queries.RecentExchangesAsync(binding, 2, CancellationToken.None);

        Assert.Equal([RegistrationEventType.Refreshed, RegistrationEventType.Deregistered], exchanges.Select(e => e.Type));
    }
}
