namespace ImsLab.Sip.Registrar;

/// <summary>How applying a REGISTER's contacts to the bindings ended.</summary>
internal enum BindingUpdateOutcome
{
    /// <summary>Applied; the changes are to be committed.</summary>
    Applied,
    /// <summary>RFC 3261 10.3 step 7: a requested expiry is shorter than Min-Expires: 423.</summary>
    IntervalTooBrief,
    /// <summary>More contacts than the per-IMPU limit would be bound: 403.</summary>
    TooManyContacts,
    /// <summary>RFC 3261 10.3 step 7: same Call-ID with a CSeq not higher than the binding's: the update is aborted (500).</summary>
    OutOfOrder,
}
