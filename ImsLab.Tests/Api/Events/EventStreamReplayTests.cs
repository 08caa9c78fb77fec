using ImsLab.Sip.Events;
using ImsLab.Sip.Subscribers;
using ImsLab.Tests.Api.Subscribers;
using Microsoft.Extensions.DependencyInjection;

namespace ImsLab.Tests.Api.Events;

public sealed class EventStreamReplayTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AStreamWithSinceReplaysTheStoredEventsThenGoesLiveWithTheSameFilter()
    {
        using var admin = await ApiClients.AdminAsync(factory);
        var (impi, impu) = SubscriberBodies.NewIdentity("replay");
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        await SubscriberBodies.CreateAsync(admin, SubscriberBodies.Digest(impi, impu));

        var (response, reader) = await SseReader.OpenAsync(admin,
            $"/api/events/stream?impi={Uri.EscapeDataString(impi)}&since={Uri.EscapeDataString(before.ToString("O"))}");
        using var _ = response;
        using var __ = reader;
        var replayed = await reader.NextEventAsync(_ => true, Patience);
        var bus = factory.Services.GetRequiredService<RegistrationEventBus>();
        bus.Publish(new RegistrationEvent { Id = Guid.CreateVersion7(), OccurredAt = DateTimeOffset.UtcNow, Type = RegistrationEventType.Expired, Impi = "someone-else@example.org" });
        bus.Publish(new RegistrationEvent { Id = Guid.CreateVersion7(), OccurredAt = DateTimeOffset.UtcNow, Type = RegistrationEventType.Expired, Impi = impi, Impu = impu });
        var live = await reader.NextEventAsync(_ => true, Patience);

        Assert.Equal("SubscriberCreated", replayed.GetProperty("type").GetString());
        Assert.Equal("Expired", live.GetProperty("type").GetString());
        Assert.Equal(impi, live.GetProperty("impi").GetString());
    }

    [Fact]
    public async Task AuditEventsReachTheLiveStreamAsTheyHappen()
    {
        using var admin = await ApiClients.AdminAsync(factory);
        var (impi, impu) = SubscriberBodies.NewIdentity("live-audit");
        var (response, reader) = await SseReader.OpenAsync(admin, $"/api/events/stream?impi={Uri.EscapeDataString(impi)}");
        using var _ = response;
        using var __ = reader;

        await SubscriberBodies.CreateAsync(admin, SubscriberBodies.Digest(impi, impu));
        var created = await reader.NextEventAsync(_ => true, Patience);

        Assert.Equal("SubscriberCreated", created.GetProperty("type").GetString());
        Assert.Equal("admin", created.GetProperty("actor").GetString());
    }
}
