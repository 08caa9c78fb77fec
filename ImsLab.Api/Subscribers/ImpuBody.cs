namespace ImsLab.Api.Subscribers;

/// <summary>An IMPU of a subscriber as written (POST, PUT, import): <c>{ uri, barred, implicitSet, serviceProfile }</c>.</summary>
internal sealed record ImpuBody
{
    /// <summary>sip:, sips: or tel: URI.</summary>
    public string? Uri { get; init; }

    /// <summary>TS 23.008 3.5.3 barring indication; default false.</summary>
    public bool Barred { get; init; }

    /// <summary>Implicit registration set number (TS 23.228 4.3.3.4); default 1.</summary>
    public int ImplicitSet { get; init; } = 1;

    /// <summary>Name of an existing service profile, or null.</summary>
    public string? ServiceProfile { get; init; }

    /// <summary>Whether it may be registered explicitly; default true.</summary>
    public bool CanRegister { get; init; } = true;
}
