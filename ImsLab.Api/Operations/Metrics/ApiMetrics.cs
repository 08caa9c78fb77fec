using System.Diagnostics.Metrics;

namespace ImsLab.Api.Operations.Metrics;

/// <summary>The host's own instruments, on the "ImsLab.Api" meter.</summary>
internal sealed class ApiMetrics
{
    public const string MeterName = "ImsLab.Api";

    private readonly Histogram<double> _requestDuration;
    private readonly Counter<long> _credentialFailures;
    private readonly Counter<long> _rateLimited;

    public ApiMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _requestDuration = meter.CreateHistogram<double>(
            "imslab.api.http.request.duration", unit: "s", description: "Time to answer HTTP requests, by method, route template and status code.");
        _credentialFailures = meter.CreateCounter<long>(
            "imslab.api.auth.failures", description: "Rejected credentials, by scheme (password, api-key) and reason.");
        _rateLimited = meter.CreateCounter<long>(
            "imslab.api.rate_limited", description: "Requests refused with 429 because a client IP made too many credential attempts.");
    }

    public void RequestCompleted(string method, string route, int statusCode, TimeSpan elapsed) =>
        _requestDuration.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("method", method),
            new KeyValuePair<string, object?>("route", route),
            new KeyValuePair<string, object?>("status", statusCode));

    public void CredentialRejected(string scheme, string reason) =>
        _credentialFailures.Add(1,
            new KeyValuePair<string, object?>("scheme", scheme),
            new KeyValuePair<string, object?>("reason", reason));

    public void RateLimited(string limiter) =>
        _rateLimited.Add(1, new KeyValuePair<string, object?>("limiter", limiter));
}
