namespace ImsLab.Api.Hosting.Configuration;

/// <summary>
/// The "ImsLab" configuration section. Bound from appsettings, environment variables (ImsLab__Sip__Domain=...)
/// and command-line flags (--ImsLab:Sip:Domain=...), in that order of precedence (last wins).
/// </summary>
internal sealed class ImsLabOptions
{
    public const string SectionName = "ImsLab";

    public SipOptions Sip { get; set; } = new();

    /// <summary>Folder for the embedded database and generated secrets; relative paths are taken from the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    public LoggingOutputOptions Logging { get; set; } = new();

    public AdminOptions Admin { get; set; } = new();

    public SecurityOptions Security { get; set; } = new();
}
