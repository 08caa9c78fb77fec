using System.Globalization;
using ImsLab.Sip.Messages;

namespace ImsLab.Sip.Ue;

public sealed partial class UeSimulator
{
    private UeCallLeg? _registrationLeg;
    private ITimer? _refreshTimer;

    private async Task RegisterAsync(UeRegistrationKind kind, CancellationToken ct)
    {
        var requests = _requests!;
        var authenticator = _authenticator!;
        if (kind == UeRegistrationKind.Initial || _registrationLeg is null)
        {
            // TS 24.229 5.1.1.2.1: a new registration starts from scratch, with the empty Authorization.
            _registrationLeg = new UeCallLeg(requests.AdvertisedHost);
            authenticator.Forget();
        }
        CancelRegistrationRefresh();
        SetState(kind == UeRegistrationKind.Deregister ? UeRegistrationState.Deregistering : UeRegistrationState.Registering);

        var expires = kind == UeRegistrationKind.Deregister ? 0 : _options.Expires;
        var authorization = authenticator.Reauthorize() ?? requests.CreateInitialAuthorization();
        var challenges = 0;
        var reportedMacFailure = false;
        var retriedWithMinExpires = false;
        while (true)
        {
            var request = requests.CreateRegister(_registrationLeg, expires, authorization);
            var response = await SendAsync(request, ct).ConfigureAwait(false);
            if (response is null)
            {
                Fail(UeFailureReason.NoResponse, null, "REGISTER got no response (timeout or transport error)");
                return;
            }

            switch (response.StatusCode)
            {
                case >= 200 and < 300 when kind == UeRegistrationKind.Deregister:
                    ClearRegistration();
                    SetState(UeRegistrationState.Deregistered, UeFailureReason.None, response.StatusCode, "deregistered");
                    return;

                case >= 200 and < 300:
                    OnRegistered(response);
                    return;

                case 401:
                    if (++challenges > _options.MaxConsecutiveChallenges)
                    {
                        Fail(UeFailureReason.TooManyChallenges, 401, $"the network challenged {challenges} times in a row");
                        return;
                    }
                    var answer = authenticator.Answer(response.Headers.GetAll(SipHeaderNames.WwwAuthenticate));
                    UeSimulatorLog.ChallengeAnswered(_logger, _options.Impi, answer.Algorithm ?? "none", answer.Outcome);
                    if (answer.Outcome is UeChallengeOutcome.Unsupported or UeChallengeOutcome.MissingCredentials)
                    {
                        Fail(answer.Outcome == UeChallengeOutcome.Unsupported ? UeFailureReason.UnsupportedChallenge : UeFailureReason.MissingCredentials,
                            401, answer.Detail ?? "cannot answer the challenge");
                        return;
                    }
                    reportedMacFailure = answer.Outcome == UeChallengeOutcome.MacFailure;
                    authorization = answer.Authorization;
                    break;

                // RFC 3261 10.2.8: retry once with the registrar's Min-Expires.
                case 423 when !retriedWithMinExpires && response.MinExpires is { } minExpires && minExpires > expires:
                    retriedWithMinExpires = true;
                    expires = minExpires;
                    break;

                // TS 24.229 5.1.1.5.3: after the UE reported a bad MAC the S-CSCF answers 403: network authentication failed.
                case 403 when reportedMacFailure:
                    Fail(UeFailureReason.NetworkAuthenticationFailed, 403, "the network failed authentication (AUTN MAC did not verify)");
                    return;

                default:
                    Fail(UeFailureReason.Rejected, response.StatusCode, $"REGISTER rejected: {response.StatusCode} {response.ReasonPhrase}");
                    return;
            }
        }
    }

    private void OnRegistered(SipResponse response)
    {
        var requests = _requests!;
        TimeSpan granted;
        var contacts = response.Contacts;
        var ours = contacts.FirstOrDefault(IsOurContact);
        if (ours is not null)
        {
            // RFC 3261 10.2.4: the 200 lists every binding; ours carries the expiry the registrar granted.
            granted = TimeSpan.FromSeconds(ours.Expires ?? response.Expires ?? _options.Expires);
        }
        else if (contacts.Count == 0)
        {
            granted = TimeSpan.FromSeconds(response.Expires ?? _options.Expires);
        }
        else
        {
            Fail(UeFailureReason.InvalidResponse, response.StatusCode, $"the 200 OK does not list this UE's contact {requests.ContactUri}");
            return;
        }
        if (granted <= TimeSpan.Zero)
        {
            Fail(UeFailureReason.InvalidResponse, response.StatusCode, "the 200 OK grants this UE's contact no time");
            return;
        }

        ServiceRoute = [.. response.ServiceRoutes.Select(route => route.ToString())];
        AssociatedUris = [.. response.PAssociatedUris.Select(uri => uri.Uri.ToString())];
        GrantedExpires = granted;
        RegistrationExpiresAt = _time.GetUtcNow() + granted;
        ScheduleRegistrationRefresh(granted);
        SetState(UeRegistrationState.Registered, UeFailureReason.None, response.StatusCode,
            $"registered for {granted.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");

        if (_options.SubscribeToRegEvent && _subscription is null)
        {
            RunInBackground(SubscribeAsync);
        }
    }

    private bool IsOurContact(SipContact contact)
    {
        var requests = _requests!;
        if (contact.InstanceId is { } instance) return string.Equals(instance, requests.InstanceId, StringComparison.Ordinal);
        return contact.Uri.Equals(requests.ContactUri);
    }

    /// <summary>TS 24.229 5.1.1.4.1: refresh 600 s before expiry for long registrations, at half time for short ones.</summary>
    private void ScheduleRegistrationRefresh(TimeSpan lifetime)
    {
        CancelRegistrationRefresh();
        var delay = UeRefreshPolicy.RefreshDelay(lifetime);
        NextRegistrationRefreshAt = _time.GetUtcNow() + delay;
        _refreshTimer = _time.CreateTimer(_ => OnRegistrationRefreshDue(), null, delay, Timeout.InfiniteTimeSpan);
    }

    private void OnRegistrationRefreshDue()
    {
        NextRegistrationRefreshAt = null;
        RunInBackground(async ct =>
        {
            if (State == UeRegistrationState.Registered) await RegisterAsync(UeRegistrationKind.Refresh, ct).ConfigureAwait(false);
        });
    }

    private void CancelRegistrationRefresh()
    {
        _refreshTimer?.Dispose();
        _refreshTimer = null;
        NextRegistrationRefreshAt = null;
    }

    private void ClearRegistration()
    {
        CancelRegistrationRefresh();
        GrantedExpires = null;
        RegistrationExpiresAt = null;
        ServiceRoute = [];
        AssociatedUris = [];
    }
}
