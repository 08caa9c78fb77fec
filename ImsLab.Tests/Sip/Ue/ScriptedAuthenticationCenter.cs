using System.Security.Cryptography;
using ImsLab.Sip.Authentication.Aka;
using ImsLab.Sip.Authentication.Digest;
using ImsLab.Sip.Messages;
using ImsLab.Tests.Support;

namespace ImsLab.Tests.Sip.Ue;

/// <summary>
/// The network's side of authentication for the scripted peer: challenges built from Milenage vectors for known
/// K/OPc/SQN (or for passwords), and the UE's answers checked independently with the auth branch's server-side
/// DigestAuthenticator, exactly as an S-CSCF would.
/// </summary>
internal sealed class ScriptedAuthenticationCenter
{
    public const string Password = "Circle Of Life";

    private readonly DigestAuthenticator _authenticator;

    public ScriptedAuthenticationCenter(ManualTimeProvider time)
    {
        _authenticator = new DigestAuthenticator(new DigestNonceStore(time, new DigestNonceOptions()),
            new DigestChallengeOptions { Opaque = "5ccc069c403ebaf9f0171e9517f40e41" });
    }

    public AkaCredentials Subscriber { get; } = AkaCredentials.FromOpc(UeTestBed.K, UeTestBed.Opc, UeTestBed.Amf);

    /// <summary>A 401's WWW-Authenticate value for an AKA vector with <paramref name="sqn"/>, keyed with <paramref name="k"/> (the subscriber's K by default).</summary>
    public string ChallengeAka(long sqn, DigestAlgorithm algorithm = DigestAlgorithm.AkaV1Md5, byte[]? k = null)
    {
        using var milenage = new Milenage(k ?? UeTestBed.K, UeTestBed.Opc);
        var vector = AkaVectorGenerator.Generate(milenage, RandomNumberGenerator.GetBytes(AkaLength.Rand), sqn, UeTestBed.Amf);
        return _authenticator.CreateChallenge(UeTestBed.Impi, UeTestBed.Domain, algorithm, vector).ToHeaderValue();
    }

    public string ChallengePassword(DigestAlgorithm algorithm) =>
        _authenticator.CreateChallenge(UeTestBed.Impi, UeTestBed.Domain, algorithm).ToHeaderValue();

    /// <summary>Verifies the Authorization of <paramref name="register"/> the way the S-CSCF does.</summary>
    public DigestVerificationResult Verify(SipRequest register)
    {
        var credentials = Credentials(register);
        var secret = credentials.Algorithm is { } algorithm && algorithm.IsAka() ? DigestSecret.ForAka(Subscriber) : DigestSecret.FromPassword(Password);
        return _authenticator.Verify(credentials, register.Method, register.Body.Span, secret);
    }

    public static DigestCredentials Credentials(SipRequest register)
    {
        var parsed = DigestCredentials.Parse(register.Headers.GetFirst(SipHeaderNames.Authorization));
        Assert.True(parsed.IsSuccess, $"Authorization did not parse: {parsed.Error} at {parsed.Parameter}");
        return parsed.Value!;
    }
}
