namespace ImsLab.Api.Hosting.Configuration;

/// <summary>How the console log is written.</summary>
internal sealed class LoggingOutputOptions
{
    /// <summary>One JSON object per line (for log shippers) instead of the human-readable console format.</summary>
    public bool Json { get; set; }
}
