namespace ImsLab.Data.Entities;

/// <summary>TS 29.228 B.2.2 DefaultHandling: what the S-CSCF does when the application server cannot be reached.</summary>
public enum DefaultHandling
{
    /// <summary>SESSION_CONTINUED.</summary>
    SessionContinued,
    /// <summary>SESSION_TERMINATED.</summary>
    SessionTerminated,
}
