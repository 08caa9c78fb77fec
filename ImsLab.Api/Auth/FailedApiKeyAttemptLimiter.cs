using System.Threading.RateLimiting;
using ImsLab.Api.Hosting.Configuration;
using Microsoft.Extensions.Options;

namespace ImsLab.Api.Auth;

/// <summary>
/// Counts failed API-key attempts per client IP. Unlike logins, valid keys are used at high rates by automation,
/// so only failures consume the budget; once it is spent, every key attempt from that IP gets 429 until the window ends.
/// </summary>
internal sealed class FailedApiKeyAttemptLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures;

    public FailedApiKeyAttemptLimiter(IOptions<ImsLabOptions> options)
    {
        var security = options.Value.Security;
        _failures = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ =>
            new FixedWindowRateLimiterOptions
            {
                PermitLimit = security.FailedApiKeyAttemptsPerWindow,
                Window = security.AttemptWindow,
                QueueLimit = 0,
            }));
        Window = security.AttemptWindow;
    }

    public TimeSpan Window { get; }

    public bool IsBlocked(string clientAddress) => _failures.GetStatistics(clientAddress)?.CurrentAvailablePermits <= 0;

    public void RecordFailure(string clientAddress)
    {
        using var lease = _failures.AttemptAcquire(clientAddress);
    }

    public void Dispose() => _failures.Dispose();
}
