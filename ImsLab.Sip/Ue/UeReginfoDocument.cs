namespace ImsLab.Sip.Ue;

/// <summary>A parsed application/reginfo+xml document (RFC 3680 5.3), as the UE reads it.</summary>
/// <param name="Version">The version counter; a watcher ignores documents older than the last one it applied.</param>
/// <param name="State">Full or partial.</param>
/// <param name="Registrations">The registrations in document order.</param>
public sealed record UeReginfoDocument(
    long Version,
    ReginfoDocumentState State,
    IReadOnlyList<UeReginfoRegistration> Registrations);
