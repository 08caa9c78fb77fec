namespace ImsLab.Data.Provisioning;

/// <summary>An IMPU as provisioned.</summary>
public sealed record PublicIdentityInput
{
    /// <summary>sip:, sips: or tel: URI; stored normalized.</summary>
    public required string Uri { get; init; }

    /// <summary>TS 23.008 3.5.3 barring indication.</summary>
    public bool Barred { get; init; }

    /// <summary>Whether it may be registered explicitly.</summary>
    public bool CanRegister { get; init; } = true;

    /// <summary>IMPUs of one subscription with the same number form one implicit registration set (TS 23.228 4.3.3.4).</summary>
    public int ImplicitSetId { get; init; } = 1;

    /// <summary>Name of an existing service profile, or null.</summary>
    public string? ServiceProfile { get; init; }
}
