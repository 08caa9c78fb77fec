using ImsLab.Sip.Authentication.Aka;
using ImsLab.Sip.Authentication.Digest;
using ImsLab.Sip.Registrar;
using ImsLab.Sip.Transactions;

namespace ImsLab.Sip;

/// <summary>Everything <see cref="ImsLabSipEngine"/> is built from; bound from configuration section <c>ImsLab:Sip</c>.</summary>
public sealed class ImsLabSipEngineOptions
{
    /// <summary>Listeners, parser limits, transaction timers.</summary>
    public SipStackOptions Stack { get; set; } = new();

    /// <summary>Registrar policies.</summary>
    public RegistrarOptions Registrar { get; set; } = new();

    /// <summary>Nonce lifetime and capacity.</summary>
    public DigestNonceOptions Nonces { get; set; } = new();

    /// <summary>qop and opaque of the challenges.</summary>
    public DigestChallengeOptions Challenges { get; set; } = new();

    /// <summary>IND length of the SQNs; the block size comes from <see cref="RegistrarOptions.SequenceNumberBlockSize"/>.</summary>
    public int SequenceNumberIndBits { get; set; } = new SequenceNumberOptions().IndBits;
}
