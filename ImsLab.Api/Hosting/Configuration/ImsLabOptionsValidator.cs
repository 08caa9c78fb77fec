using System.Net;
using Microsoft.Extensions.Options;

namespace ImsLab.Api.Hosting.Configuration;

/// <summary>
/// Checked at start-up (ValidateOnStart) so that a typo in a flag stops the server with a message naming the
/// setting, instead of surfacing later as a SIP or HTTP failure.
/// </summary>
internal sealed class ImsLabOptionsValidator : IValidateOptions<ImsLabOptions>
{
    private const int MaxPort = 65535;

    public ValidateOptionsResult Validate(string? name, ImsLabOptions options)
    {
        var errors = new List<string>();
        ValidateSip(options.Sip, errors);
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            errors.Add("ImsLab:DataDirectory must name a folder.");
        }

        var security = options.Security;
        if (security.LoginAttemptsPerWindow < 1)
        {
            errors.Add($"ImsLab:Security:LoginAttemptsPerWindow must be at least 1 (got {security.LoginAttemptsPerWindow}).");
        }

        if (security.FailedApiKeyAttemptsPerWindow < 1)
        {
            errors.Add($"ImsLab:Security:FailedApiKeyAttemptsPerWindow must be at least 1 (got {security.FailedApiKeyAttemptsPerWindow}).");
        }

        if (security.AttemptWindow <= TimeSpan.Zero)
        {
            errors.Add($"ImsLab:Security:AttemptWindow must be positive (got {security.AttemptWindow}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateSip(SipOptions sip, List<string> errors)
    {
        if (Uri.CheckHostName(sip.Domain) is not (UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6))
        {
            errors.Add($"ImsLab:Sip:Domain must be a host name (got '{sip.Domain}').");
        }

        if (!sip.EffectiveScscfUri.StartsWith("sip:", StringComparison.OrdinalIgnoreCase)
            && !sip.EffectiveScscfUri.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"ImsLab:Sip:ScscfUri must be a sip: or sips: URI (got '{sip.ScscfUri}').");
        }

        for (var i = 0; i < sip.Listeners.Count; i++)
        {
            var listener = sip.Listeners[i];
            if (!IPAddress.TryParse(listener.Address, out _))
            {
                errors.Add($"ImsLab:Sip:Listeners:{i}:Address must be an IP address (got '{listener.Address}').");
            }

            if (listener.Port is < 0 or > MaxPort)
            {
                errors.Add($"ImsLab:Sip:Listeners:{i}:Port must be between 0 and {MaxPort} (got {listener.Port}).");
            }
        }

        var timers = sip.Timers;
        if (timers.T1 <= TimeSpan.Zero)
        {
            errors.Add($"ImsLab:Sip:Timers:T1 must be positive (got {timers.T1}).");
        }

        // RFC 3261 17.1.2.2: retransmissions double from T1 and are capped at T2, so T2 below T1 is meaningless.
        if (timers.T2 < timers.T1)
        {
            errors.Add($"ImsLab:Sip:Timers:T2 must not be shorter than T1 (got T1 {timers.T1}, T2 {timers.T2}).");
        }

        if (timers.T4 <= TimeSpan.Zero)
        {
            errors.Add($"ImsLab:Sip:Timers:T4 must be positive (got {timers.T4}).");
        }

        var policy = sip.Registration;
        if (policy.MinExpires < 1)
        {
            errors.Add($"ImsLab:Sip:Registration:MinExpires must be at least 1 second (got {policy.MinExpires}).");
        }

        if (policy.MaxExpires < policy.MinExpires)
        {
            errors.Add($"ImsLab:Sip:Registration:MaxExpires ({policy.MaxExpires}) must not be below MinExpires ({policy.MinExpires}).");
        }

        if (policy.DefaultExpires < policy.MinExpires || policy.DefaultExpires > policy.MaxExpires)
        {
            errors.Add($"ImsLab:Sip:Registration:DefaultExpires ({policy.DefaultExpires}) must lie between MinExpires ({policy.MinExpires}) and MaxExpires ({policy.MaxExpires}).");
        }

        if (policy.MaxContactsPerImpu < 1)
        {
            errors.Add($"ImsLab:Sip:Registration:MaxContactsPerImpu must be at least 1 (got {policy.MaxContactsPerImpu}).");
        }

        if (policy.MaxAuthFailures < 1)
        {
            errors.Add($"ImsLab:Sip:Registration:MaxAuthFailures must be at least 1 (got {policy.MaxAuthFailures}).");
        }
    }
}
