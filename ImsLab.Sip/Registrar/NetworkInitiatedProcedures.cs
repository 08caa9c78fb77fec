using ImsLab.Sip.Messages;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Sip.Registrar;

/// <summary>
/// Network-initiated deregistration and re-authentication (TS 24.229 5.4.1.5 and 5.4.1.6, TS 24.228 6.7 and 6.8), the
/// one entry point the REST API, the dashboard and subscriber deletion use, so every trigger gives the same events and
/// NOTIFYs.
/// </summary>
public sealed class NetworkInitiatedProcedures : ILiveRegistrationTerminator
{
    private readonly Registrar _registrar;

    internal NetworkInitiatedProcedures(Registrar registrar) => _registrar = registrar;

    /// <summary>
    /// Deregisters <paramref name="impi"/>: only <paramref name="impu"/>'s implicit set when given (and only
    /// <paramref name="contact"/> of it when given too), else every IMPU it registered. Completes once the removal is
    /// durable; NOTIFYs go out in the background.
    /// </summary>
    /// <param name="impi">The private identity.</param>
    /// <param name="impu">A public identity of it (sip:, tel:), or null for all.</param>
    /// <param name="contact">A contact URI of that IMPU, or null for all.</param>
    /// <param name="reason">Rejected (do not re-register) or deactivated (re-register now).</param>
    /// <param name="actor">Who asked, for the event log.</param>
    /// <param name="cancellationToken">Not used to abandon a half-done deregistration; reserved for callers.</param>
    public Task<NetworkProcedureResult> DeregisterAsync(string impi, string? impu, string? contact, NetworkDeregistrationReason reason,
        string actor = "network", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(impi);
        string? normalized = null;
        if (impu is not null)
        {
            normalized = SipUri.TryParse(impu, out var uri) ? ImpuNormalizer.Normalize(uri) : null;
            if (normalized is null)
            {
                return Task.FromResult(new NetworkProcedureResult([], 0));
            }
        }
        return _registrar.DeregisterAsync(impi, normalized, contact, reason, actor);
    }

    /// <summary>
    /// Forces a fresh authentication of <paramref name="impi"/>: its registrations are marked, shortened, and
    /// announced to watchers with contact event "shortened"; its next REGISTER is challenged even if integrity-protected.
    /// </summary>
    public Task<NetworkProcedureResult> ReauthenticateAsync(string impi, string actor = "network", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(impi);
        return _registrar.RequireReauthenticationAsync(impi, actor);
    }

    /// <inheritdoc />
    public async ValueTask TerminateAsync(string impi, CancellationToken cancellationToken) =>
        await DeregisterAsync(impi, null, null, NetworkDeregistrationReason.Rejected, "provisioning", cancellationToken).ConfigureAwait(false);
}
