using System.Text.Encodings.Web;
using ImsLab.Api.Operations.Metrics;
using ImsLab.Data.Access;
using ImsLab.Sip.Subscribers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ImsLab.Api.Auth;

/// <summary>
/// Authenticates "Authorization: Bearer &lt;key&gt;" or "X-Api-Key: &lt;key&gt;" against the hashed keys of
/// <see cref="AccessStore"/>. Failures are counted per client IP; past the budget every key attempt gets 429.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    AccessStore access,
    FailedApiKeyAttemptLimiter limiter,
    ApiMetrics metrics,
    IRegistrationEventLog events,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    private const string MetricsScheme = "api-key";
    private bool _blocked;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!ApiKeyHeaders.TryRead(Request, out var key))
        {
            return AuthenticateResult.NoResult();
        }

        var client = ClientAddress.Of(Context);
        if (limiter.IsBlocked(client))
        {
            _blocked = true;
            metrics.RateLimited(MetricsScheme);
            AccessLog.ApiKeyAttemptsBlocked(Logger, client);
            return AuthenticateResult.Fail("Too many failed API-key attempts from this address.");
        }

        var info = await access.VerifyApiKeyAsync(key, Context.RequestAborted);
        if (info is null)
        {
            limiter.RecordFailure(client);
            metrics.CredentialRejected(MetricsScheme, "unknown-or-revoked");
            AccessLog.ApiKeyRejected(Logger, client);
            var now = time.GetUtcNow();
            await events.AppendAsync(
            [
                new RegistrationEvent
                {
                    Id = Guid.CreateVersion7(now), OccurredAt = now, Type = RegistrationEventType.AccessDenied,
                    Actor = "client " + client, Reason = "API key rejected: unknown or revoked",
                },
            ], Context.RequestAborted);
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(ImsLabPrincipal.ForApiKey(info, Scheme.Name), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (_blocked)
        {
            await ProblemResponses.TooManyAttemptsAsync(Context, limiter.Window);
            return;
        }

        // RFC 6750 3: a rejected bearer token is answered with a Bearer challenge.
        Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer error=\"invalid_token\"";
        await ProblemResponses.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Unauthorized", "Unknown or revoked API key.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemResponses.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden",
            "This API key's role does not allow this operation.").AsTask();
}
