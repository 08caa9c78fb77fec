namespace ImsLab.Web.Services.Provisioning;

/// <summary>One editable IMPU row of the subscriber editor.</summary>
internal sealed class PublicIdentityRow
{
    /// <summary>sip:, sips: or tel: URI.</summary>
    public string Uri { get; set; } = "";

    /// <summary>Implicit registration set number (TS 23.228 4.3.3.4): IMPUs with the same number register together.</summary>
    public int ImplicitSetId { get; set; } = 1;

    /// <summary>TS 23.008 3.5.3 barring indication.</summary>
    public bool Barred { get; set; }

    /// <summary>Whether the IMPU may be registered explicitly.</summary>
    public bool CanRegister { get; set; } = true;

    /// <summary>Service profile name, or null for none.</summary>
    public string? ServiceProfile { get; set; }
}
