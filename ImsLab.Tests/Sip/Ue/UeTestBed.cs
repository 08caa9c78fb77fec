using System.Net;
using System.Threading.Channels;
using ImsLab.Sip.Authentication.Aka;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Transport;
using ImsLab.Sip.Ue;
using ImsLab.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImsLab.Tests.Sip.Ue;

/// <summary>A simulated UE on fake time, a scripted network peer on a real loopback socket, and the UE's state changes.</summary>
internal sealed class UeTestBed : IAsyncDisposable
{
    public const string Domain = "ims.mnc001.mcc001.3gppnetwork.org";
    public const string Impi = "001010123456789@" + Domain;
    public const string Impu = "sip:001010123456789@" + Domain;
    public const string ScscfRoute = "<sip:orig@scscf." + Domain + ":5060;lr>";

    // TS 35.208 test set 1 (also the auth branch's known answers).
    public static readonly byte[] K = Convert.FromHexString("465b5ce8b199b49faa5f0a2ee238a6bc");
    public static readonly byte[] Opc = Convert.FromHexString("cd63cb71954a9f4e48a5994e37a02baf");
    public static readonly byte[] Amf = Convert.FromHexString("8000");

    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(15);
    private readonly Channel<UeStateChange> _changes = Channel.CreateUnbounded<UeStateChange>();
    private readonly Channel<UeNotification> _notifications = Channel.CreateUnbounded<UeNotification>();

    private UeTestBed(SipTransportProtocol protocol, Func<IPEndPoint, UeSimulatorOptions>? configure)
    {
        Peer = ScriptedImsPeer.Start(protocol);
        Options = configure?.Invoke(Peer.EndPoint) ?? CreateOptions(Peer.EndPoint, protocol);
        Ue = new UeSimulator(Options, Time, NullLoggerFactory.Instance);
        Ue.StateChanged += (_, change) => _changes.Writer.TryWrite(change);
        Ue.NotifyReceived += (_, notification) => _notifications.Writer.TryWrite(notification);
    }

    public ManualTimeProvider Time { get; } = new();

    public ScriptedImsPeer Peer { get; }

    public UeSimulatorOptions Options { get; }

    public UeSimulator Ue { get; }

    public Task<UeRegistrationState>? Started { get; private set; }

    public static UeTestBed Create(SipTransportProtocol protocol = SipTransportProtocol.Udp, Func<IPEndPoint, UeSimulatorOptions>? configure = null) =>
        new(protocol, configure);

    public static UeAkaCredentials AkaCredentials(long initialSqnMs = 0) =>
        new(ImsLab.Sip.Authentication.Aka.AkaCredentials.FromOpc(K, Opc, Amf), initialSqnMs);

    public static UeSimulatorOptions CreateOptions(IPEndPoint registrar, SipTransportProtocol protocol = SipTransportProtocol.Udp, UeCredentials? credentials = null) => new()
    {
        Impi = Impi,
        Impu = Impu,
        Domain = Domain,
        Registrar = registrar,
        Transport = protocol,
        LocalEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
        Credentials = credentials ?? AkaCredentials(),
        InstanceId = "urn:gsma:imei:35425006-000655-0",
    };

    /// <summary>A test bed whose UE does not subscribe to its reg event (registration-only scenarios).</summary>
    public static UeTestBed CreateWithoutRegEvent(UeCredentials? credentials = null, SipTransportProtocol protocol = SipTransportProtocol.Udp) =>
        new(protocol, registrar => CreateOptions(registrar, protocol, credentials) with { SubscribeToRegEvent = false });

    /// <summary>Answers <paramref name="request"/> with a 401 carrying <paramref name="wwwAuthenticate"/> and returns the UE's next REGISTER.</summary>
    public async Task<PeerRequest> ChallengeAsync(PeerRequest request, string wwwAuthenticate)
    {
        await Peer.RespondAsync(request, 401, response => response.Headers.Add(SipHeaderNames.WwwAuthenticate, wwwAuthenticate));
        return await Peer.ReceiveAsync("REGISTER");
    }

    /// <summary>Registers without a challenge, accepts the reg-event subscription and consumes the full-state NOTIFY.</summary>
    public async Task<(PeerRequest Register, PeerRequest Subscribe)> RegisterAndSubscribeAsync()
    {
        var register = await RegisterWithoutChallengeAsync();
        var subscribe = await AcceptSubscriptionAsync(register);
        await NextNotificationAsync();
        return (register, subscribe);
    }

    /// <summary>Starts the UE and returns its initial REGISTER as the peer received it.</summary>
    public async Task<PeerRequest> StartAsync()
    {
        Started = Ue.StartAsync(CancellationToken.None);
        return await Peer.ReceiveAsync("REGISTER");
    }

    /// <summary>Starts the UE and accepts its first REGISTER without a challenge; returns the REGISTER.</summary>
    public async Task<PeerRequest> RegisterWithoutChallengeAsync(int grantedExpires = 600_000)
    {
        var register = await StartAsync();
        await AcceptAsync(register, grantedExpires);
        Assert.Equal(UeRegistrationState.Registered, await Started!.WaitAsync(WaitLimit));
        await NextStateAsync(UeRegistrationState.Registered);
        return register;
    }

    /// <summary>Answers a REGISTER with the 200 OK an S-CSCF sends (TS 24.229 5.4.1.2.2).</summary>
    public Task AcceptAsync(PeerRequest register, int grantedExpires = 600_000) =>
        Peer.RespondAsync(register, 200, response =>
        {
            var contact = register.Request.Contacts.Single();
            response.Headers.Add(SipHeaderNames.Contact, $"{contact};expires={grantedExpires}");
            response.Headers.Add(SipHeaderNames.ServiceRoute, ScscfRoute);
            response.Headers.Add(SipHeaderNames.PAssociatedUri, $"<{Impu}>, <tel:+11234567890>");
        });

    /// <summary>Receives the reg-event SUBSCRIBE, accepts it and sends the full-state NOTIFY for <paramref name="register"/>'s contact.</summary>
    public async Task<PeerRequest> AcceptSubscriptionAsync(PeerRequest register)
    {
        var subscribe = await Peer.ReceiveAsync("SUBSCRIBE");
        await Peer.RespondAsync(subscribe, 200, response => response.Headers.Add(SipHeaderNames.Expires, "600000"));
        var answer = await NotifyAsync(subscribe, version: 0, "active", ContactXml(register, "active", "registered", 600_000));
        Assert.Equal(200, answer.StatusCode);
        // The 200 to SUBSCRIBE and the NOTIFY race each other; before a test moves the clock, both must be applied.
        await WhenIdleAsync();
        return subscribe;
    }

    /// <summary>Sends a reg-event NOTIFY in <paramref name="subscribe"/>'s dialog and returns the UE's answer.</summary>
    public Task<SipResponse> NotifyAsync(PeerRequest subscribe, long version, string registrationState, string contactsXml,
        string subscriptionState = "active;expires=600000", string? callId = null)
    {
        var request = subscribe.Request;
        var notify = new SipRequest("NOTIFY", request.Contacts.Single().Uri);
        notify.Headers.Add(SipHeaderNames.MaxForwards, "70");
        notify.Headers.Add(SipHeaderNames.From, $"<{Impu}>;tag=peer{request.CSeq?.Number}");
        notify.Headers.Add(SipHeaderNames.To, request.Headers.GetFirst(SipHeaderNames.From)!);
        notify.Headers.Add(SipHeaderNames.CallId, callId ?? request.CallId!);
        notify.Headers.Add(SipHeaderNames.CSeq, $"{version + 1} NOTIFY");
        notify.Headers.Add(SipHeaderNames.Event, "reg");
        notify.Headers.Add(SipHeaderNames.SubscriptionState, subscriptionState);
        notify.Headers.Add(SipHeaderNames.ContentType, ReginfoDocumentReader.ContentType);
        notify.Body = System.Text.Encoding.UTF8.GetBytes(
            $"""<?xml version="1.0"?><reginfo xmlns="urn:ietf:params:xml:ns:reginfo" version="{version}" state="full"><registration aor="{Impu}" id="r1" state="{registrationState}">{contactsXml}</registration></reginfo>""");
        return Peer.SendRequestAsync(notify, subscribe);
    }

    /// <summary>A reginfo contact element for the contact of <paramref name="register"/>.</summary>
    public static string ContactXml(PeerRequest register, string state, string contactEvent, int? expires)
    {
        var contact = register.Request.Contacts.Single();
        var expiresAttribute = expires is { } e ? $" expires=\"{e}\"" : string.Empty;
        return $"""<contact id="c1" state="{state}" event="{contactEvent}"{expiresAttribute}><uri>{System.Security.SecurityElement.Escape(contact.Uri.ToString())}</uri><unknown-param name="+sip.instance">"&lt;{contact.InstanceId}&gt;"</unknown-param></contact>""";
    }

    /// <summary>Waits for the UE's next transition into <paramref name="state"/>, skipping others.</summary>
    public async Task<UeStateChange> NextStateAsync(UeRegistrationState state)
    {
        using var timeout = new CancellationTokenSource(WaitLimit);
        while (true)
        {
            var change = await _changes.Reader.ReadAsync(timeout.Token);
            if (change.Current == state) return change;
        }
    }

    /// <summary>Waits until the UE has applied everything it received (see <see cref="UeSimulator.WhenIdleAsync"/>).</summary>
    public Task WhenIdleAsync() => Ue.WhenIdleAsync(CancellationToken.None).WaitAsync(WaitLimit);

    public async Task<UeNotification> NextNotificationAsync()
    {
        using var timeout = new CancellationTokenSource(WaitLimit);
        return await _notifications.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await Ue.DisposeAsync();
        await Peer.DisposeAsync();
    }
}
