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
        RequestUri = requestUri;
        Version = version;
    }

    /// <summary>"SIP/2.0".</summary>
    public const string SipVersion = "SIP/2.0";

    /// <summary>The method as received; methods are case-sensitive (RFC 3261 7.1).</summary>
    public string Method { get; }

    /// <summary>The Request-URI.</summary>
    public SipUri RequestUri { get; }

    /// <summary>The SIP-Version of the request line.</summary>
    public string Version { get; }

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
