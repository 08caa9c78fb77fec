namespace ImsLab.Data.Provisioning;

/// <summary>A server-side page of subscribers.</summary>
public sealed record SubscriberQuery
{
    /// <summary>Largest page served.</summary>
    public const int MaxTake = 500;

    /// <summary>Matches IMPI, subscription, IMSI, MSISDN or an IMPU containing this text (case-insensitive).</summary>
    public string? Search { get; init; }

    /// <summary>Only enabled (true) or disabled (false) IMPIs.</summary>
    public bool? Enabled { get; init; }

    /// <summary>Sort key.</summary>
    public SubscriberSort SortBy { get; init; } = SubscriberSort.Impi;

    /// <summary>Sort descending.</summary>
    public bool Descending { get; init; }

    /// <summary>Rows to skip.</summary>
    public int Skip { get; init; }

    /// <summary>Rows to return (at most <see cref="MaxTake"/>).</summary>
    public int Take { get; init; } = 50;
}
