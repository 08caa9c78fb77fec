using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Transport;

namespace ImsLab.Sip.Ue;

/// <summary>Builds the UE's REGISTER and SUBSCRIBE requests the way TS 24.229 5.1.1.2, 5.1.1.3 and the seeds show them.</summary>
internal sealed class UeRequestFactory
{
    private const string MaxForwards = "70";
    private const string MmtelIcsi = "\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\"";

    // The simulator answers NOTIFY itself and the stack answers OPTIONS; nothing else is claimed.
    private const string Allow = "NOTIFY, OPTIONS";

    private readonly UeSimulatorOptions _options;
    private readonly string _registerUri;

    public UeRequestFactory(UeSimulatorOptions options, IPEndPoint advertised)
    {
        _options = options;
        Impu = SipUri.Parse(options.Impu);
        _registerUri = $"sip:{options.Domain}";
        InstanceId = options.InstanceId ?? DefaultInstanceId(options.Impi);
        AdvertisedHost = advertised.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{advertised.Address}]" : advertised.Address.ToString();
        var user = Impu.User is { Length: > 0 } u ? u + "@" : string.Empty;
        var transport = options.Transport == SipTransportProtocol.Tcp ? ";transport=tcp" : string.Empty;
        ContactUri = SipUri.Parse($"sip:{user}{AdvertisedHost}:{advertised.Port.ToString(CultureInfo.InvariantCulture)}{transport}");
        ContactHeader = BuildContactHeader();
    }

    public SipUri Impu { get; }

    public SipUri ContactUri { get; }

    /// <summary>The +sip.instance value without quotes and angle brackets.</summary>
    public string InstanceId { get; }

    /// <summary>The host (IPv6 in brackets) that goes into Call-IDs.</summary>
    public string AdvertisedHost { get; }

    /// <summary>The Contact header value of REGISTER: URI, +sip.instance, reg-id and feature tags.</summary>
    public string ContactHeader { get; }

    /// <summary>The digest-uri of REGISTER (RFC 2617 3.2.2: the Request-URI).</summary>
    public string RegisterUri => _registerUri;

    public SipRequest CreateRegister(UeCallLeg leg, int expires, string? authorization)
    {
        var request = new SipRequest("REGISTER", SipUri.Parse(_registerUri));
        var headers = request.Headers;
        headers.Add(SipHeaderNames.MaxForwards, MaxForwards);
        AddDialogHeaders(request, leg, "REGISTER");
        headers.Add(SipHeaderNames.Contact, ContactHeader);
        // TS 24.229 5.1.1.2.1 / 5.1.1.6: the expiry in an Expires header (0 to deregister).
        headers.Add(SipHeaderNames.Expires, expires.ToString(CultureInfo.InvariantCulture));
        if (authorization is not null) headers.Add(SipHeaderNames.Authorization, authorization);
        // TS 24.229 5.1.1.2.1: the UE supports Path (RFC 3327).
        headers.Add(SipHeaderNames.Supported, "path");
        headers.Add(SipHeaderNames.Allow, Allow);
        AddAccessHeaders(request);
        if (_options.SecurityClient is { } securityClient) headers.Add(SipHeaderNames.SecurityClient, securityClient);
        return request;
    }

    /// <summary>TS 24.229 5.1.1.3: SUBSCRIBE to the reg event package of the UE's own IMPU, routed by the Service-Route.</summary>
    public SipRequest CreateSubscribe(UeCallLeg leg, int expires, IReadOnlyList<string> serviceRoute)
    {
        var request = new SipRequest("SUBSCRIBE", Impu);
        var headers = request.Headers;
        headers.Add(SipHeaderNames.MaxForwards, MaxForwards);
        // TS 24.229 5.1.2A.1.1: requests after registration carry the Service-Route as a preloaded Route.
        foreach (var route in serviceRoute) headers.Add(SipHeaderNames.Route, route);
        AddDialogHeaders(request, leg, "SUBSCRIBE");
        headers.Add(SipHeaderNames.Contact, $"<{ContactUri}>");
        headers.Add(SipHeaderNames.Event, "reg");
        headers.Add(SipHeaderNames.Accept, ReginfoDocumentReader.ContentType);
        headers.Add(SipHeaderNames.Expires, expires.ToString(CultureInfo.InvariantCulture));
        headers.Add(SipHeaderNames.Allow, Allow);
        AddAccessHeaders(request);
        return request;
    }

    /// <summary>The empty Authorization of an initial REGISTER (TS 24.229 5.1.1.2.1, as in the seeds).</summary>
    public string CreateInitialAuthorization() =>
        $"Digest username=\"{_options.Impi}\",realm=\"{_options.EffectiveRealm}\",nonce=\"\",uri=\"{_registerUri}\",response=\"\"";

    private void AddDialogHeaders(SipRequest request, UeCallLeg leg, string method)
    {
        var headers = request.Headers;
        // TS 24.229 5.1.1.2.1: From and To carry the IMPU being registered (or watched).
        headers.Add(SipHeaderNames.From, $"<{Impu}>;tag={leg.LocalTag}");
        headers.Add(SipHeaderNames.To, leg.RemoteTag is null ? $"<{Impu}>" : $"<{Impu}>;tag={leg.RemoteTag}");
        headers.Add(SipHeaderNames.CallId, leg.CallId);
        headers.Add(SipHeaderNames.CSeq, $"{leg.NextCSeq().ToString(CultureInfo.InvariantCulture)} {method}");
    }

    private void AddAccessHeaders(SipRequest request)
    {
        if (_options.AccessNetworkInfo is { } accessNetworkInfo) request.Headers.Add(SipHeaderNames.PAccessNetworkInfo, accessNetworkInfo);
        request.Headers.Add(SipHeaderNames.UserAgent, _options.UserAgent);
    }

    private string BuildContactHeader()
    {
        var contact = new StringBuilder();
        contact.Append('<').Append(ContactUri).Append('>');
        // RFC 5626 4.1 and GSMA IR.92: the instance id in angle brackets inside a quoted string.
        contact.Append(";+sip.instance=\"<").Append(InstanceId).Append(">\"");
        if (_options.RegId is { } regId) contact.Append(";reg-id=").Append(regId.ToString(CultureInfo.InvariantCulture));
        var tags = _options.FeatureTags;
        if (tags.HasFlag(UeFeatureTag.Mmtel)) contact.Append(";+g.3gpp.icsi-ref=").Append(MmtelIcsi);
        if (tags.HasFlag(UeFeatureTag.SmsIp)) contact.Append(";+g.3gpp.smsip");
        if (tags.HasFlag(UeFeatureTag.Video)) contact.Append(";video");
        return contact.ToString();
    }

    /// <summary>A stable urn:uuid per IMPI, so one simulated device keeps its instance id across runs (RFC 5626 4.1).</summary>
    private static string DefaultInstanceId(string impi)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(impi), hash);
        return $"urn:uuid:{new Guid(hash[..16])}";
    }
}
