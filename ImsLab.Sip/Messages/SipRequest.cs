namespace ImsLab.Sip.Messages;

/// <summary>A SIP request (RFC 3261 7.1).</summary>
public sealed class SipRequest : SipMessage
{
    /// <summary>Creates a request with no headers; the caller adds Via, From, To, Call-ID, CSeq and Max-Forwards.</summary>
    public SipRequest(string method, SipUri requestUri)
        : this(method, requestUri, SipVersion, new SipHeaderList())
    {
        if (!SipGrammar.IsToken(method))
        {
            SipThrowHelper.ThrowInvalidMethod(method, nameof(method));
        }
    }

    internal SipRequest(string method, SipUri requestUri, string version, SipHeaderList headers)
        : base(headers)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(requestUri);
        Method = method;
        _requestUri = requestUri;
        Version = version;
    }

    /// <summary>
    /// A parsed request whose Request-URI the parser validated but left as the octets [uriStart, uriStart+uriLength) of
    /// <paramref name="source"/>; the URI is built on first read, like the typed header views.
    /// </summary>
    internal SipRequest(string method, byte[] source, int uriStart, int uriLength, string version, SipHeaderList headers)
        : base(headers)
    {
        Method = method;
        _uriSource = source;
        _uriStart = uriStart;
        _uriLength = uriLength;
        Version = version;
    }

    private readonly byte[]? _uriSource;
    private readonly int _uriStart;
    private readonly int _uriLength;
    private SipUri? _requestUri;

    /// <summary>"SIP/2.0".</summary>
    public const string SipVersion = "SIP/2.0";

    /// <summary>The method as received; methods are case-sensitive (RFC 3261 7.1).</summary>
    public string Method { get; }

    /// <summary>The Request-URI.</summary>
    public SipUri RequestUri => _requestUri ??= BuildRequestUri();

    /// <summary>The SIP-Version of the request line.</summary>
    public string Version { get; }

    // Not synchronised: a message is used by one flow at a time (see SipMessage); a race would only parse twice.
    private SipUri BuildRequestUri() =>
        SipUri.TryParse(_uriSource.AsSpan(_uriStart, _uriLength), build: true, out var uri, out _) && uri is not null
            ? uri
            : SipThrowHelper.ThrowInvalidUri();

    /// <inheritdoc />
    public override string ToString() => $"{Method} {RequestUri} {Version}";

    internal override void WriteStartLine(ref SipMessageWriter.Utf8Writer writer)
    {
        writer.Write(Method);
        writer.Write(" "u8);
        writer.Write(RequestUri.ToWireString());
        writer.Write(" "u8);
        writer.Write(Version);
        writer.Write("\r\n"u8);
    }
}
