namespace ImsLab.Sip.RegEvent;

/// <summary>An application/reginfo+xml document (RFC 3680 5.3).</summary>
/// <param name="Version">Counts up by one with every document sent on a subscription, starting at 0.</param>
/// <param name="State">Full or partial state.</param>
/// <param name="Registrations">One element per address-of-record.</param>
internal sealed record ReginfoDocument(long Version, ReginfoState State, IReadOnlyList<ReginfoRegistration> Registrations)
{
    /// <summary>The MIME type of the document.</summary>
    public const string ContentType = "application/reginfo+xml";

    /// <summary>The XML namespace of the document (RFC 3680 7).</summary>
    public const string Namespace = "urn:ietf:params:xml:ns:reginfo";
}
