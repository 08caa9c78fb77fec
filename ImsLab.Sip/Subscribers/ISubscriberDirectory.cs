namespace ImsLab.Sip.Subscribers;

/// <summary>
/// Read side of the HSS for the S-CSCF. Implementations cache, so a lookup on the REGISTER path is usually served
/// from memory; a miss costs one database round trip.
/// </summary>
public interface ISubscriberDirectory
{
    /// <summary>Everything about <paramref name="impi"/> (matched case-insensitively), or null when it is unknown.</summary>
    ValueTask<SubscriberProfile?> FindByImpiAsync(string impi, CancellationToken cancellationToken);

    /// <summary>
    /// The IMPI owning a normalized IMPU, for REGISTERs without Authorization. An IMPU shared by several IMPIs
    /// yields <see cref="ImpuLookupOutcome.Ambiguous"/>, never an arbitrary pick.
    /// </summary>
    ValueTask<ImpuLookupResult> FindByImpuAsync(string impu, CancellationToken cancellationToken);
}
