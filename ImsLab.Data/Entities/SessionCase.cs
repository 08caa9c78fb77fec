namespace ImsLab.Data.Entities;

/// <summary>TS 29.228 B.2.2 SessionCase values.</summary>
public enum SessionCase
{
    /// <summary>0 ORIGINATING_REGISTERED.</summary>
    OriginatingRegistered = 0,
    /// <summary>1 TERMINATING_REGISTERED.</summary>
    TerminatingRegistered = 1,
    /// <summary>2 TERMINATING_UNREGISTERED.</summary>
    TerminatingUnregistered = 2,
    /// <summary>3 ORIGINATING_UNREGISTERED.</summary>
    OriginatingUnregistered = 3,
    /// <summary>4 ORIGINATING_CDIV.</summary>
    OriginatingCdiv = 4,
}
