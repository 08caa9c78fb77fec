using ImsLab.Api.Events;
using ImsLab.Sip.Events;
using ImsLab.Sip.Subscribers;
using ImsLab.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ImsLab.Tests.Api.Events;

/// <summary>The SSE stream's heartbeat runs on the host's TimeProvider, so a manual clock drives it without waiting.</summary>
public sealed class EventStreamHeartbeatTests : IAsyncLifetime
{
    private sealed class ManualClockFactory(ManualTimeProvider clock) : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        }
    }

    private readonly ManualTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private ApiFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new ManualClockFactory(_clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task AnIdleStreamSendsAHeartbeatCommentEveryFifteenSeconds()
    {
        using var admin = await ApiClients.AdminAsync(_factory);
        var (response, reader) = await SseReader.OpenAsync(admin, "/api/events/stream");
        using var _ = response;
        using var __ = reader;

        // Just before the interval, an event is the next thing on the wire: no heartbeat came early.
        _clock.Advance(EventsApi.HeartbeatInterval - TimeSpan.FromSeconds(1));
        _factory.Services.GetRequiredService<RegistrationEventBus>().Publish(new RegistrationEvent
        {
            Id = Guid.CreateVersion7(), OccurredAt = _clock.GetUtcNow(), Type = RegistrationEventType.Expired, Impu = "sip:quiet@example.org",
        });
        var first = reader.NextLineAsync(TimeSpan.FromSeconds(10));
        for (var step = 0; step < 90 && await Task.WhenAny(first, Task.Delay(20)) != first; step++)
        {
            // The batcher waits one batch interval on the manual clock before it hands the event out; small steps keep
            // the clock well short of the heartbeat while it gets there.
            _clock.Advance(EventsApi.BatchInterval / 10);
        }
        Assert.Equal("event: registration", await first);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(": heartbeat", await reader.NextCommentAsync(TimeSpan.FromSeconds(10)));
        _clock.Advance(EventsApi.HeartbeatInterval);
        Assert.Equal(": heartbeat", await reader.NextCommentAsync(TimeSpan.FromSeconds(10)));
    }
}
