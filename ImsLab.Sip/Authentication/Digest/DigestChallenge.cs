namespace ImsLab.Sip.Authentication.Digest;

/// <summary>
/// A Digest challenge (WWW-Authenticate / Proxy-Authenticate value, RFC 7616 3.3, RFC 3310 3.2).
/// ik/ck are secrets: written by <see cref="ToHeaderValue"/> only, never by ToString.
/// </summary>
public sealed class DigestChallenge
{
    /// <summary>realm (required).</summary>
    public required string Realm { get; init; }

    /// <summary>nonce (required).</summary>
    public required string Nonce { get; init; }

    /// <summary>The algorithm token as received or to send; null means absent (MD5 by RFC 2617 default).</summary>
    public string? AlgorithmName { get; init; }

    /// <summary>The algorithm (MD5 when absent, RFC 2617 3.2.1), or null when the token is not one ImsLab knows.</summary>
    public DigestAlgorithm? Algorithm => AlgorithmName is null ? DigestAlgorithm.Md5
        : DigestAlgorithms.TryParse(AlgorithmName, out var algorithm) ? algorithm : null;

    /// <summary>qop options offered ("auth", "auth-int", possibly unknown ones), empty when absent.</summary>
    public IReadOnlyList<string> QopOptions { get; init; } = [];

    /// <summary>opaque, echoed unchanged by the client.</summary>
    public string? Opaque { get; init; }

    /// <summary>stale=true: the previous nonce expired but the credentials were right (RFC 7616 3.3).</summary>
    public bool Stale { get; init; }

    /// <summary>domain (space-separated URIs).</summary>
    public string? Domain { get; init; }

    /// <summary>Integrity key in hex, only toward a P-CSCF (TS 33.203, TS 24.229 5.4.1.2.1).</summary>
    public string? Ik { get; init; }

    /// <summary>Cipher key in hex, only toward a P-CSCF.</summary>
    public string? Ck { get; init; }

    /// <summary>Parameters not interpreted here, in order.</summary>
    public IReadOnlyList<DigestParameter> OtherParameters { get; init; } = [];

    /// <summary>Reads one challenge (the first if the value holds several).</summary>
    public static DigestParseResult<DigestChallenge> Parse(ReadOnlySpan<char> value)
    {
        var reader = new DigestHeaderReader(value);
        var sink = new Sink();
        var error = DigestHeaderParsing.Read(ref reader, sink, out string? parameter);
        if (error != DigestParseError.None) return DigestParseResult<DigestChallenge>.Failure(error, reader.Position, parameter);
        if (sink.Realm is null) return DigestParseResult<DigestChallenge>.Failure(DigestParseError.MissingParameter, reader.Position, "realm");
        if (sink.Nonce is null) return DigestParseResult<DigestChallenge>.Failure(DigestParseError.MissingParameter, reader.Position, "nonce");
        return DigestParseResult<DigestChallenge>.Success(new DigestChallenge
        {
            Realm = sink.Realm,
            Nonce = sink.Nonce,
            AlgorithmName = sink.Algorithm,
            QopOptions = sink.Qop ?? [],
            Opaque = sink.Opaque,
            Stale = sink.Stale,
            Domain = sink.Domain,
            Ik = sink.Ik,
            Ck = sink.Ck,
            OtherParameters = sink.Others,
        });
    }

    /// <summary>Reads every Digest challenge in the value.</summary>
    public static DigestParseResult<IReadOnlyList<DigestChallenge>> ParseAll(ReadOnlySpan<char> value) =>
        DigestHeaderParsing.ReadAll(value, static text => Parse(text));

    /// <summary>The header value to send, ik/ck included when set.</summary>
    public string ToHeaderValue() => new DigestHeaderWriter()
        .Quoted("realm", Realm)
        .Quoted("nonce", Nonce)
        .Token("algorithm", AlgorithmName)
        .Quoted("qop", QopOptions.Count == 0 ? null : string.Join(',', QopOptions))
        .Quoted("opaque", Opaque)
        .Token("stale", Stale ? "TRUE" : null)
        .Quoted("domain", Domain)
        .Quoted("ik", Ik)
        .Quoted("ck", Ck)
        .Others(OtherParameters)
        .ToString();

    /// <inheritdoc />
    public override string ToString() =>
        $"DigestChallenge {{ Realm = {Realm}, Nonce = {Nonce}, Algorithm = {AlgorithmName}, Qop = {string.Join(',', QopOptions)}, Stale = {Stale}, Ik = {(Ik is null ? "-" : "<redacted>")}, Ck = {(Ck is null ? "-" : "<redacted>")} }}";

    private sealed class Sink : IDigestParameterSink
    {
        public string? Realm, Nonce, Algorithm, Opaque, Domain, Ik, Ck, StaleText;
        public List<string>? Qop;
        public bool Stale;
        public readonly List<DigestParameter> Others = [];

        public DigestParseError Accept(string name, string value, bool quoted, out string? parameter)
        {
            parameter = name;
            switch (name.ToLowerInvariant())
            {
                case "realm": return DigestHeaderParsing.SetOnce(ref Realm, value);
                case "nonce": return DigestHeaderParsing.SetOnce(ref Nonce, value);
                case "algorithm": return DigestHeaderParsing.SetOnce(ref Algorithm, value);
                case "opaque": return DigestHeaderParsing.SetOnce(ref Opaque, value);
                case "domain": return DigestHeaderParsing.SetOnce(ref Domain, value);
                case "ik": return DigestHeaderParsing.SetOnce(ref Ik, value);
                case "ck": return DigestHeaderParsing.SetOnce(ref Ck, value);
                case "qop":
                    if (Qop is not null) return DigestParseError.DuplicateParameter;
                    Qop = [.. value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
                    return DigestParseError.None;
                case "stale":
                    if (StaleText is not null) return DigestParseError.DuplicateParameter;
                    StaleText = value;
                    if (value.Equals("true", StringComparison.OrdinalIgnoreCase)) Stale = true;
                    else if (!value.Equals("false", StringComparison.OrdinalIgnoreCase)) return DigestParseError.InvalidStale;
                    return DigestParseError.None;
                default:
                    return DigestHeaderParsing.AddOther(Others, name, value, quoted);
            }
        }
    }
}
