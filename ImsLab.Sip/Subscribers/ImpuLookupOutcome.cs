namespace ImsLab.Sip.Subscribers;

/// <summary>How looking up the owner of an IMPU ended.</summary>
public enum ImpuLookupOutcome
{
    /// <summary>Exactly one enabled-or-disabled IMPI owns the IMPU; the profile is in the result.</summary>
    Found,
    /// <summary>No IMPI owns the IMPU.</summary>
    NotFound,
    /// <summary>
    /// TS 23.228 4.3.3.4: several IMPIs share the IMPU, so the IMPI cannot be derived from it (TS 33.203 6.1.1: the
    /// UE must send an Authorization with its IMPI). The candidates are in the result.
    /// </summary>
    Ambiguous,
}
