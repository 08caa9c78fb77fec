namespace ImsLab.Sip.Subscribers;

/// <summary>What happened. Stored by name, so new members may be added anywhere.</summary>
public enum RegistrationEventType
{
    /// <summary>A new binding was created (TS 24.229 5.4.1.2.2).</summary>
    Registered,
    /// <summary>A binding was refreshed by a re-REGISTER.</summary>
    Refreshed,
    /// <summary>The UE deregistered (Expires: 0).</summary>
    Deregistered,
    /// <summary>A binding expired without refresh.</summary>
    Expired,
    /// <summary>A REGISTER was answered with a 401 challenge.</summary>
    Challenged,
    /// <summary>A REGISTER failed authentication or an I-CSCF check (403, 404).</summary>
    AuthenticationFailed,
    /// <summary>AUTS received and the SEQ re-synchronised (TS 33.102 6.3.5).</summary>
    Resynchronized,
    /// <summary>Network-initiated deregistration (TS 24.229 5.4.1.5).</summary>
    NetworkDeregistered,
    /// <summary>Network-initiated re-authentication (TS 24.229 5.4.1.6).</summary>
    ReauthenticationRequested,
    /// <summary>A reg-event subscription was created or refreshed (RFC 3680).</summary>
    RegEventSubscribed,
    /// <summary>A reg-event subscription ended.</summary>
    RegEventTerminated,
    /// <summary>A reg-event NOTIFY after the first was accepted by the watcher (published only while SIP messages are traced, for the ladder).</summary>
    RegEventNotified,
    /// <summary>Audit: a subscriber was created.</summary>
    SubscriberCreated,
    /// <summary>Audit: a subscriber was changed (update, enable/disable, bar, key rotation, SQN reset).</summary>
    SubscriberUpdated,
    /// <summary>Audit: a subscriber was deleted.</summary>
    SubscriberDeleted,
    /// <summary>Audit: subscribers were imported in bulk.</summary>
    SubscribersImported,
    /// <summary>Audit: subscribers were exported (with or without keys).</summary>
    SubscribersExported,
    /// <summary>Audit: a service profile was created, changed or deleted.</summary>
    ServiceProfileChanged,
    /// <summary>Audit: a user logged in.</summary>
    UserLoggedIn,
    /// <summary>Audit: a login or API key check failed.</summary>
    AccessDenied,
    /// <summary>Audit: a user account was created or changed.</summary>
    UserAccountChanged,
    /// <summary>Audit: an API key was created.</summary>
    ApiKeyCreated,
    /// <summary>Audit: an API key was revoked.</summary>
    ApiKeyRevoked,
}
