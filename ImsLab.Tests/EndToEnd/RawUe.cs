using System.Text;
using ImsLab.Sip.Authentication.Aka;
using ImsLab.Sip.Authentication.Digest;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Transport;
using ImsLab.Tests.Sip.Support;

namespace ImsLab.Tests.EndToEnd;

/// <summary>
/// A UE written as raw SIP text over a real socket, with the UE side of AKA (a simulated USIM) and digest from the
/// auth branch, so every byte the registrar sees and sends is checked by the test.
/// </summary>
internal sealed class RawUe(SipTestPeer peer, string impi, string impu) : IAsyncDisposable
{
    private const string Crlf = "\r\n";
    private uint _cseq;
    private uint _nc;

    public SipTestPeer Peer { get; } = peer;

    public string Impi { get; } = impi;

    public string Impu { get; } = impu;

    public string CallId { get; set; } = Guid.NewGuid().ToString("N");

    public string RequestUri { get; set; } = "sip:" + TestSubscribers.Realm;

    public string ContactUri => $"sip:{Peer.SentBy}" + (Peer.ViaTransport == "TCP" ? ";transport=tcp" : "");

    public UsimAka Usim { get; } = new(TestSubscribers.AkaCredentials(), new UsimOptions());

    public static async Task<RawUe> ConnectAsync(ImsCoreHarness harness, SipTransportProtocol protocol,
        string impi = TestSubscribers.AkaImpi, string impu = TestSubscribers.AkaImpu) =>
        new(await harness.ConnectAsync(protocol), impi, impu);

    /// <summary>A REGISTER as TS 24.228 6.2 table 6.2-2 writes it, with our contact, expiry and Authorization.</summary>
    public string Register(string? authorization = null, int? expires = 600000, string? contact = null, string? extraHeaders = null,
        bool emptyAuthorization = true)
    {
        _cseq++;
        var text = new StringBuilder()
            .Append("REGISTER ").Append(RequestUri).Append(" SIP/2.0").Append(Crlf)
            .Append($"Via: SIP/2.0/{Peer.ViaTransport} {Peer.SentBy};branch=z9hG4bK{Guid.NewGuid():N};rport").Append(Crlf)
            .Append("Max-Forwards: 70").Append(Crlf)
            .Append($"From: <{Impu}>;tag=4fa3").Append(Crlf)
            .Append($"To: <{Impu}>").Append(Crlf)
            .Append("Contact: ").Append(contact ?? $"<{ContactUri}>;+sip.instance=\"<urn:gsma:imei:35396707-002435-0>\";+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\"").Append(Crlf)
            .Append("Call-ID: ").Append(CallId).Append(Crlf)
            .Append($"CSeq: {_cseq} REGISTER").Append(Crlf)
            .Append("Supported: path").Append(Crlf)
            .Append("User-Agent: ImsLab raw UE").Append(Crlf);
        if (expires is { } e)
        {
            text.Append("Expires: ").Append(e).Append(Crlf);
        }
        if (authorization is not null)
        {
            text.Append("Authorization: ").Append(authorization).Append(Crlf);
        }
        else if (emptyAuthorization)
        {
            text.Append($"Authorization: Digest username=\"{Impi}\", realm=\"{TestSubscribers.Realm}\", nonce=\"\", uri=\"{RequestUri}\", response=\"\"").Append(Crlf);
        }
        if (extraHeaders is not null)
        {
            text.Append(extraHeaders.TrimEnd('\r', '\n')).Append(Crlf);
        }
        return text.Append("Content-Length: 0").Append(Crlf).Append(Crlf).ToString();
    }

    public async Task<SipResponse> SendAsync(string request)
    {
        await Peer.SendAsync(request);
        return await Peer.ReceiveResponseAsync();
    }

    public static DigestChallenge ChallengeOf(SipResponse response)
    {
        Assert.Equal(401, response.StatusCode);
        var parsed = DigestChallenge.Parse(response.Headers.GetFirst(SipHeaderNames.WwwAuthenticate));
        Assert.True(parsed.IsSuccess, parsed.Error.ToString());
        return parsed.Value!;
    }

    /// <summary>Every challenge of a 401, in the order of its WWW-Authenticate headers.</summary>
    public static IReadOnlyList<DigestChallenge> ChallengesOf(SipResponse response)
    {
        Assert.Equal(401, response.StatusCode);
        return [.. response.Headers.GetAll(SipHeaderNames.WwwAuthenticate).Select(value =>
        {
            var parsed = DigestChallenge.Parse(value);
            Assert.True(parsed.IsSuccess, parsed.Error.ToString());
            return parsed.Value!;
        })];
    }

    /// <summary>Answers an AKA challenge with the simulated USIM (AUTN checked, RES, or AUTS on a sync failure).</summary>
    public DigestAkaAnswer AnswerAka(DigestChallenge challenge) =>
        DigestClient.RespondAka(challenge, new DigestClientRequest(Impi, "REGISTER", RequestUri, "0a4f113b", ++_nc), Usim);

    public DigestCredentials AnswerPassword(DigestChallenge challenge, string password) =>
        DigestClient.Respond(challenge, new DigestClientRequest(Impi, "REGISTER", RequestUri, "0a4f113b", ++_nc), password);

    /// <summary>The whole TS 24.228 6.2 exchange: REGISTER, 401, REGISTER with RES, 200.</summary>
    public async Task<SipResponse> RegisterWithAkaAsync(int expires = 600000, string? contact = null, string? extraHeaders = null)
    {
        var challenge = ChallengeOf(await SendAsync(Register(expires: expires, contact: contact, extraHeaders: extraHeaders)));
        var answer = AnswerAka(challenge);
        return await SendAsync(Register(answer.Credentials.ToHeaderValue(), expires, contact, extraHeaders));
    }

    public async Task<SipResponse> RegisterWithPasswordAsync(string password, int expires = 3600)
    {
        var challenge = ChallengeOf(await SendAsync(Register(expires: expires)));
        return await SendAsync(Register(AnswerPassword(challenge, password).ToHeaderValue(), expires));
    }

    public string SubscribeCallId { get; set; } = Guid.NewGuid().ToString("N");

    private uint _subscribeCseq = 60;

    /// <summary>A SUBSCRIBE for the reg event package of our IMPU (TS 24.229 5.1.1.3, TS 24.228 6.5).</summary>
    public string Subscribe(int expires = 600000, string? toTag = null, string? extraHeaders = null, string? contact = null)
    {
        _subscribeCseq++;
        var text = new StringBuilder()
            .Append("SUBSCRIBE ").Append(Impu).Append(" SIP/2.0").Append(Crlf)
            .Append($"Via: SIP/2.0/{Peer.ViaTransport} {Peer.SentBy};branch=z9hG4bK{Guid.NewGuid():N};rport").Append(Crlf)
            .Append("Max-Forwards: 70").Append(Crlf)
            .Append($"From: <{Impu}>;tag=31415").Append(Crlf)
            .Append($"To: <{Impu}>").Append(toTag is null ? "" : ";tag=" + toTag).Append(Crlf)
            .Append("Call-ID: ").Append(SubscribeCallId).Append(Crlf)
            .Append($"CSeq: {_subscribeCseq} SUBSCRIBE").Append(Crlf)
            .Append("Event: reg").Append(Crlf)
            .Append("Expires: ").Append(expires).Append(Crlf)
            .Append("Accept: application/reginfo+xml").Append(Crlf)
            .Append("Contact: ").Append(contact ?? $"<{ContactUri}>").Append(Crlf);
        if (extraHeaders is not null)
        {
            text.Append(extraHeaders.TrimEnd('\r', '\n')).Append(Crlf);
        }
        return text.Append("Content-Length: 0").Append(Crlf).Append(Crlf).ToString();
    }

    /// <summary>Receives the next NOTIFY and answers it with <paramref name="status"/>.</summary>
    public async Task<SipRequest> ReceiveNotifyAsync(int status = 200)
    {
        var notify = await Peer.ReceiveRequestAsync();
        Assert.Equal("NOTIFY", notify.Method);
        await Peer.SendAsync(SipResponse.CreateFor(notify, status).ToBytes());
        return notify;
    }

    /// <summary>
    /// Receives NOTIFYs (answering each 200) until one matches. A REGISTER's own NOTIFY is queued just after its 200
    /// went out, so on a busy machine the SUBSCRIBE that follows can overtake it and the watcher gets one more
    /// "active" NOTIFY first — legal (RFC 3680: the version counts on), so such tests wait for the one they mean.
    /// </summary>
    public async Task<SipRequest> ReceiveNotifyAsync(Func<SipRequest, bool> match, int maxSkipped = 3)
    {
        for (var skipped = 0; ; skipped++)
        {
            var notify = await ReceiveNotifyAsync();
            if (match(notify) || skipped == maxSkipped)
            {
                return notify;
            }
        }
    }

    public ValueTask DisposeAsync() => Peer.DisposeAsync();
}
