namespace ImsLab.Data.Provisioning;

/// <summary>Sort keys of subscriber lists.</summary>
public enum SubscriberSort
{
    /// <summary>By IMPI.</summary>
    Impi,
    /// <summary>By subscription name, then IMPI.</summary>
    Subscription,
    /// <summary>By MSISDN, then IMPI.</summary>
    Msisdn,
    /// <summary>By creation time, then IMPI.</summary>
    CreatedAt,
}
