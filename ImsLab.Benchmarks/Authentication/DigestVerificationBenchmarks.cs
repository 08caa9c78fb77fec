using BenchmarkDotNet.Attributes;
using ImsLab.Sip.Authentication.Aka;
using ImsLab.Sip.Authentication.Digest;

namespace ImsLab.Benchmarks.Authentication;

/// <summary>Digest verifications per second: parse nothing, verify one Authorization against its nonce.</summary>
[MemoryDiagnoser]
public class DigestVerificationBenchmarks
{
    private const string Impi = "001010000000001@ims.mnc001.mcc001.3gppnetwork.org";
    private const string Realm = "ims.mnc001.mcc001.3gppnetwork.org";

    private DigestAuthenticator _authenticator = null!;
    private DigestSecret _password = null!;
    private DigestSecret _aka = null!;
    private DigestChallenge _md5Challenge = null!;
    private DigestChallenge _akaChallenge = null!;
    private DigestCredentials _akaAnswer = null!;
    private uint _nonceCount;

    [GlobalSetup]
    public void Setup()
    {
        var nonces = new DigestNonceStore(TimeProvider.System, new DigestNonceOptions { Lifetime = TimeSpan.FromHours(1) });
        _authenticator = new DigestAuthenticator(nonces, new DigestChallengeOptions());
        _password = DigestSecret.FromPassword("secret");
        var credentials = AkaCredentials.FromOpc(Convert.FromHexString("465b5ce8b199b49faa5f0a2ee238a6bc"),
            Convert.FromHexString("cd63cb71954a9f4e48a5994e37a02baf"), Convert.FromHexString("8000"));
        _aka = DigestSecret.ForAka(credentials);
        _md5Challenge = _authenticator.CreateChallenge(Impi, Realm, DigestAlgorithm.Md5);
        using var milenage = credentials.CreateMilenage();
        var vector = AkaVectorGenerator.Generate(milenage, new byte[AkaLength.Rand], 1L << 5 | 1, credentials.Amf);
        _akaChallenge = _authenticator.CreateChallenge(Impi, Realm, DigestAlgorithm.AkaV1Md5, vector);
        _akaAnswer = DigestClient.RespondAka(_akaChallenge, Request(1), new UsimAka(credentials, new UsimOptions())).Credentials;
    }

    /// <summary>MD5 with qop=auth and a plain password (each call uses the next nc so it is never a replay).</summary>
    [Benchmark]
    public DigestVerificationStatus VerifyMd5()
    {
        var credentials = DigestClient.Respond(_md5Challenge, Request(++_nonceCount), "secret");
        return _authenticator.Verify(credentials, "REGISTER", [], _password).Status;
    }

    /// <summary>AKAv1-MD5 verification; the same credentials replay after the first call, which costs the same hashing.</summary>
    [Benchmark]
    public DigestVerificationStatus VerifyAkaV1() => _authenticator.Verify(_akaAnswer, "REGISTER", [], _aka).Status;

    /// <summary>Client side alone, to separate it from the MD5 figure above.</summary>
    [Benchmark]
    public string ComputeMd5Answer() => DigestClient.Respond(_md5Challenge, Request(7), "secret").Response;

    private static DigestClientRequest Request(uint nonceCount) => new(Impi, "REGISTER", "sip:" + Realm, "0a4f113b", nonceCount);
}
