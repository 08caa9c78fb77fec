namespace ImsLab.Api.Subscribers;

/// <summary>
/// PATCH: only what is given changes. <c>{ "enabled": false }</c>, <c>{ "barred": { "sip:a@x": true } }</c>,
/// <c>{ "auth": { "k": "...", "opc": "..." } }</c> (rotate keys), <c>{ "auth": { "sqn": "000000000000" } }</c> (reset SQN).
/// </summary>
internal sealed class SubscriberPatchRequest
{
    /// <summary>Enable or disable the IMPI.</summary>
    public bool? Enabled { get; init; }

    /// <summary>Bar (true) or unbar (false) IMPUs of this IMPI, by URI.</summary>
    public IReadOnlyDictionary<string, bool>? Barred { get; init; }

    /// <summary>New K, OP or OPc, AMF, SQN or password; schemes and HA1 values change with PUT only.</summary>
    public AuthBody? Auth { get; init; }
}
