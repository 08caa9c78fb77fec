using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using ImsLab.Api.Live;
using ImsLab.Data.Access;
using ImsLab.Data.Provisioning;
using ImsLab.Sip.Events;
using ImsLab.Sip.Subscribers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ImsLab.Benchmarks.Live;

/// <summary>
/// The registration-storm measurement of issue 6: Node SignalR clients (ImsLab.Tests/Node/storm.mjs) subscribe to
/// every event on the real host while this process publishes N events a second on the host's
/// <see cref="RegistrationEventBus"/>, as the registrar does. Reports what each client received per second, what the
/// hub dropped, and how long each Publish took (the SIP side must never wait for the hub).
/// Usage: <c>dotnet run -c Release --project ImsLab.Benchmarks -- hub-storm [--clients 20] [--processes 2]
/// [--rate 5000] [--seconds 10] [--stalled 0]</c>.
/// </summary>
internal static class HubStorm
{
    public static async Task<int> RunAsync(string[] args)
    {
        var clients = Option(args, "--clients", 20);
        var processes = Math.Clamp(Option(args, "--processes", 2), 1, clients);
        var rate = Option(args, "--rate", 5000);
        var seconds = Option(args, "--seconds", 10);
        var stalled = Option(args, "--stalled", 0);

        await using var host = new StormHost();
        host.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        var baseUrl = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var created = await host.Services.GetRequiredService<AccessStore>().CreateApiKeyAsync("storm", UserRole.Viewer, "storm", CancellationToken.None);
        var key = ((ProvisioningResult<CreatedApiKey>.Created)created).Value.Key;
        var hubUrl = baseUrl + LiveEventsExtensions.HubPath;

        var nodes = new List<NodeStormProcess>();
        for (var p = 0; p < processes; p++)
        {
            var share = clients / processes + (p < clients % processes ? 1 : 0);
            nodes.Add(NodeStormProcess.Start(hubUrl, key, share, stall: false));
        }
        if (stalled > 0)
        {
            nodes.Add(NodeStormProcess.Start(hubUrl, key, stalled, stall: true));
        }
        foreach (var node in nodes)
        {
            await node.ConnectedAsync();
        }
        Console.WriteLine($"{clients} clients (+{stalled} stalled) connected to {hubUrl}; publishing {rate} events/s for {seconds} s");

        var bus = host.Services.GetRequiredService<RegistrationEventBus>();
        var broadcaster = host.Services.GetRequiredService<RegistrationEventsBroadcaster>();
        var connections = host.Services.GetRequiredService<LiveConnections>();
        var publish = await Task.Factory.StartNew(() => Publish(bus, rate, TimeSpan.FromSeconds(seconds)), TaskCreationOptions.LongRunning);
        await Task.Delay(TimeSpan.FromSeconds(3)); // let the last batches arrive
        var openAtEnd = connections.Count;

        var reports = new List<ClientReport>();
        var stalledReports = new List<ClientReport>();
        foreach (var node in nodes)
        {
            (node.Stalled ? stalledReports : reports).AddRange(await node.ReportAsync());
        }

        var latencies = publish.Latencies;
        Array.Sort(latencies);
        var window = publish.Elapsed.TotalSeconds;
        var perClient = reports.Select(r => r.Events / window).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            published        {publish.Count} events in {window:F2} s = {publish.Count / window:F0} events/s
            publish latency  p50 {Micros(latencies, 0.50):F2} µs, p99 {Micros(latencies, 0.99):F2} µs, p99.9 {Micros(latencies, 0.999):F2} µs, max {Micros(latencies, 1):F1} µs
            delivered        per client min {perClient.Min():F0} / avg {perClient.Average():F0} / max {perClient.Max():F0} events/s; {reports.Sum(r => r.Events)} events in {reports.Sum(r => r.Messages)} messages ({reports.Sum(r => r.Events) / (double)Math.Max(1, reports.Sum(r => r.Messages)):F0} events per message)
            complete         {reports.Count(r => r.Events == publish.Count)} of {reports.Count} clients received all {publish.Count} events
            hub dropped      {broadcaster.Dropped} events before fan-out (the broadcaster fell behind the bus); {connections.Dropped} messages in slow clients' outboxes
            """));
        if (stalledReports.Count > 0)
        {
            Console.WriteLine($"stalled clients  {stalledReports.Count} stalled; {openAtEnd} of {clients + stalledReports.Count} connections still open on the server at the end (a stalled one is closed after {LiveConnection.SendTimeout.TotalSeconds} s)");
        }
        return 0;
    }

    private static double Micros(long[] sorted, double quantile) =>
        sorted.Length == 0 ? 0 : Stopwatch.GetElapsedTime(0, sorted[Math.Min(sorted.Length - 1, (int)(quantile * sorted.Length))]).TotalMicroseconds;

    private static PublishResult Publish(RegistrationEventBus bus, int rate, TimeSpan duration)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var latencies = new long[total];
        var started = Stopwatch.GetTimestamp();
        var published = 0;
        while (published < total)
        {
            var due = Math.Min(total, (int)(rate * Stopwatch.GetElapsedTime(started).TotalSeconds));
            for (; published < due; published++)
            {
                var registrationEvent = StormEvent(published);
                var before = Stopwatch.GetTimestamp();
                bus.Publish(registrationEvent);
                latencies[published] = Stopwatch.GetTimestamp() - before;
            }
            Thread.Sleep(1);
        }
        return new PublishResult(published, Stopwatch.GetElapsedTime(started), latencies);
    }

    // The shape the registrar publishes for a successful REGISTER, spread over 5000 subscribers.
    private static RegistrationEvent StormEvent(int n)
    {
        var user = "storm" + (n % 5000).ToString(CultureInfo.InvariantCulture);
        return new RegistrationEvent
        {
            Id = Guid.CreateVersion7(),
            OccurredAt = DateTimeOffset.UtcNow,
            Type = RegistrationEventType.Registered,
            Impu = $"sip:{user}@storm.lab",
            Impi = $"{user}@storm.lab",
            Contact = $"<sip:{user}@192.0.2.{n % 250 + 1}:5060;transport=udp>;+sip.instance=\"<urn:gsma:imei:35000000-000000-0>\"",
            Flow = $"Udp 192.0.2.{n % 250 + 1}:5060 <-> 127.0.0.1:5060",
            Reason = "200 OK",
            Actor = "ue",
        };
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed record PublishResult(int Count, TimeSpan Elapsed, long[] Latencies);
}
