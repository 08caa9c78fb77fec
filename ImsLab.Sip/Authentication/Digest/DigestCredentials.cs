using System.Globalization;

namespace ImsLab.Sip.Authentication.Digest;

/// <summary>
/// Digest credentials (Authorization / Proxy-Authorization value, RFC 7616 3.4, RFC 3310 3.3/3.4, TS 24.229 7.2A.2).
/// The initial IMS REGISTER carries them with nonce="" and response="" (TS 24.229 5.1.1.2.1); those parse fine.
/// </summary>
public sealed class DigestCredentials
{
    /// <summary>username: the IMPI for IMS.</summary>
    public required string Username { get; init; }

    /// <summary>realm.</summary>
    public required string Realm { get; init; }

    /// <summary>nonce, empty on an initial REGISTER.</summary>
    public required string Nonce { get; init; }

    /// <summary>digest-uri.</summary>
    public required string Uri { get; init; }

    /// <summary>response (hex), empty on an initial REGISTER.</summary>
    public required string Response { get; init; }

    /// <summary>The algorithm token; null when absent.</summary>
    public string? AlgorithmName { get; init; }

    /// <summary>The algorithm (MD5 when absent, RFC 2617 3.2.2), or null when the token is unknown.</summary>
    public DigestAlgorithm? Algorithm => AlgorithmName is null ? DigestAlgorithm.Md5
        : DigestAlgorithms.TryParse(AlgorithmName, out var algorithm) ? algorithm : null;

    /// <summary>cnonce; present whenever qop is.</summary>
    public string? Cnonce { get; init; }

    /// <summary>opaque echoed from the challenge.</summary>
    public string? Opaque { get; init; }

    /// <summary>qop chosen by the client; null for the RFC 2069 compatible form.</summary>
    public DigestQop? Qop { get; init; }

    /// <summary>nc as a number; present whenever qop is.</summary>
    public uint? NonceCount { get; init; }

    /// <summary>auts (base64 of AUTS) on an AKA synchronisation failure (RFC 3310 3.4).</summary>
    public string? Auts { get; init; }

    /// <summary>integrity-protected as a P-CSCF set it, or null when absent.</summary>
    public IntegrityProtection? IntegrityProtected => IntegrityProtectedValue is null ? null : IntegrityProtectionNames.Parse(IntegrityProtectedValue);

    /// <summary>The raw integrity-protected value.</summary>
    public string? IntegrityProtectedValue { get; init; }

    /// <summary>Parameters not interpreted here, in order.</summary>
    public IReadOnlyList<DigestParameter> OtherParameters { get; init; } = [];

    /// <summary>True for the credentials of an unchallenged request (empty nonce and response).</summary>
    public bool IsUnchallenged => Nonce.Length == 0 && Response.Length == 0;

    /// <summary>Reads one set of credentials (the first if the value holds several).</summary>
    public static DigestParseResult<DigestCredentials> Parse(ReadOnlySpan<char> value)
    {
        var reader = new DigestHeaderReader(value);
        var sink = new Sink();
        var error = DigestHeaderParsing.Read(ref reader, sink, out string? parameter);
        if (error != DigestParseError.None) return DigestParseResult<DigestCredentials>.Failure(error, reader.Position, parameter);
        string? missing = sink.Username is null ? "username" : sink.Realm is null ? "realm" : sink.Nonce is null ? "nonce"
            : sink.Uri is null ? "uri" : sink.Response is null ? "response"
            : sink.Qop is not null && sink.Cnonce is null ? "cnonce" : sink.Qop is not null && sink.NonceCount is null ? "nc" : null;
        if (missing is not null) return DigestParseResult<DigestCredentials>.Failure(DigestParseError.MissingParameter, reader.Position, missing);
        return DigestParseResult<DigestCredentials>.Success(new DigestCredentials
        {
            Username = sink.Username!,
            Realm = sink.Realm!,
            Nonce = sink.Nonce!,
            Uri = sink.Uri!,
            Response = sink.Response!,
            AlgorithmName = sink.Algorithm,
            Cnonce = sink.Cnonce,
            Opaque = sink.Opaque,
            Qop = sink.Qop,
            NonceCount = sink.NonceCount,
            Auts = sink.Auts,
            IntegrityProtectedValue = sink.IntegrityProtected,
            OtherParameters = sink.Others,
        });
    }

    /// <summary>Reads every Digest credentials element in the value.</summary>
    public static DigestParseResult<IReadOnlyList<DigestCredentials>> ParseAll(ReadOnlySpan<char> value) =>
        DigestHeaderParsing.ReadAll(value, static text => Parse(text));

    /// <summary>nc as the 8 hex digits that go on the wire and into the response hash.</summary>
    public static string FormatNonceCount(uint nonceCount) => nonceCount.ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>The header value to send.</summary>
    public string ToHeaderValue() => new DigestHeaderWriter()
        .Quoted("username", Username)
        .Quoted("realm", Realm)
        .Quoted("nonce", Nonce)
        .Quoted("uri", Uri)
        .Quoted("response", Response)
        .Token("algorithm", AlgorithmName)
        .Quoted("cnonce", Cnonce)
        .Quoted("opaque", Opaque)
        .Token("qop", Qop is { } qop ? QopName(qop) : null)
        .Token("nc", NonceCount is { } nc ? FormatNonceCount(nc) : null)
        .Quoted("auts", Auts)
        .Quoted("integrity-protected", IntegrityProtectedValue)
        .Others(OtherParameters)
        .ToString();

    /// <inheritdoc />
    public override string ToString() =>
        $"DigestCredentials {{ Username = {Username}, Realm = {Realm}, Nonce = {Nonce}, Uri = {Uri}, Algorithm = {AlgorithmName}, Qop = {Qop}, Nc = {NonceCount}, Auts = {(Auts is null ? "-" : "present")}, Response = <redacted> }}";

    internal static string QopName(DigestQop qop) => qop == DigestQop.AuthInt ? "auth-int" : "auth";

    private sealed class Sink : IDigestParameterSink
    {
        public string? Username, Realm, Nonce, Uri, Response, Algorithm, Cnonce, Opaque, Auts, IntegrityProtected, QopText, NcText;
        public DigestQop? Qop;
        public uint? NonceCount;
        public readonly List<DigestParameter> Others = [];

        public DigestParseError Accept(string name, string value, bool quoted, out string? parameter)
        {
            parameter = name;
            switch (name.ToLowerInvariant())
            {
                case "username": return DigestHeaderParsing.SetOnce(ref Username, value);
                case "realm": return DigestHeaderParsing.SetOnce(ref Realm, value);
                case "nonce": return DigestHeaderParsing.SetOnce(ref Nonce, value);
                case "uri": return DigestHeaderParsing.SetOnce(ref Uri, value);
                case "response": return DigestHeaderParsing.SetOnce(ref Response, value);
                case "algorithm": return DigestHeaderParsing.SetOnce(ref Algorithm, value);
                case "cnonce": return DigestHeaderParsing.SetOnce(ref Cnonce, value);
                case "opaque": return DigestHeaderParsing.SetOnce(ref Opaque, value);
                case "auts": return DigestHeaderParsing.SetOnce(ref Auts, value);
                case "integrity-protected": return DigestHeaderParsing.SetOnce(ref IntegrityProtected, value);
                case "qop":
                    var qopError = DigestHeaderParsing.SetOnce(ref QopText, value);
                    if (qopError != DigestParseError.None) return qopError;
                    if (value.Equals("auth", StringComparison.OrdinalIgnoreCase)) Qop = DigestQop.Auth;
                    else if (value.Equals("auth-int", StringComparison.OrdinalIgnoreCase)) Qop = DigestQop.AuthInt;
                    else return DigestParseError.InvalidQop;
                    return DigestParseError.None;
                case "nc":
                    var ncError = DigestHeaderParsing.SetOnce(ref NcText, value);
                    if (ncError != DigestParseError.None) return ncError;
                    // RFC 7616 3.4: nc-value = 8LHEX
                    if (value.Length != 8 || !uint.TryParse(value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint nc))
                        return DigestParseError.InvalidNonceCount;
                    NonceCount = nc;
                    return DigestParseError.None;
                default:
                    return DigestHeaderParsing.AddOther(Others, name, value, quoted);
            }
        }
    }
}
