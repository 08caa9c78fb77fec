using FsCheck;
using FsCheck.Fluent;
using ImsLab.Sip.Authentication.Aka;
using ImsLab.Sip.Authentication.Digest;
using ImsLab.Tests.Sip.Authentication.Aka;
using ImsLab.Tests.Support;

namespace ImsLab.Tests.Sip.Authentication.Digest;

public sealed class DigestPropertyTests
{
    private const string Realm = "ims.example.net";

    private static readonly Gen<string> Text = Gen.Elements("alice", "bob@ims.example.net", "ü-user", "a\"b", "x y", "0", "sip:ims.example.net;lr");

    private static readonly Gen<DigestAlgorithm> PasswordAlgorithms =
        Gen.Elements(DigestAlgorithm.Md5, DigestAlgorithm.Md5Sess, DigestAlgorithm.Sha256, DigestAlgorithm.Sha256Sess);

    private static readonly Gen<DigestQop> Qops = Gen.Elements(DigestQop.Auth, DigestQop.AuthInt);

    [Fact]
    public void PasswordAnswerFromTheClientVerifiesForEveryAlgorithmAndQop()
    {
        var cases = from algorithm in PasswordAlgorithms
                    from qop in Qops
                    from username in Text
                    from password in Text
                    from cnonce in Text
                    from nc in Gen.Choose(1, int.MaxValue)
                    from body in AkaArbitrary.Octets(7)
                    select (algorithm, qop, username, password, cnonce, nc, body);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var authenticator = Authenticator(c.qop);
            var challenge = authenticator.CreateChallenge(c.username, Realm, c.algorithm);
            var request = new DigestClientRequest(c.username, "REGISTER", "sip:" + Realm, c.cnonce, (uint)c.nc) { Body = c.body, PreferredQop = c.qop };
            var credentials = DigestCredentials.Parse(DigestClient.Respond(challenge, request, c.password).ToHeaderValue()).Value!;
            return authenticator.Verify(credentials, "REGISTER", c.body, DigestSecret.FromPassword(c.password)).IsSuccess;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AkaAnswerFromTheUsimVerifiesForBothAkaVersions()
    {
        var cases = from c in AkaArbitrary.Cases().Generator
                    from algorithm in Gen.Elements(DigestAlgorithm.AkaV1Md5, DigestAlgorithm.AkaV2Md5)
                    select (c, algorithm);
        Prop.ForAll(cases.ToArbitrary(), t =>
        {
            var authenticator = Authenticator(DigestQop.Auth);
            using var milenage = t.c.Credentials.CreateMilenage();
            var vector = AkaVectorGenerator.Generate(milenage, t.c.Rand, t.c.Sqn, t.c.Amf);
            var challenge = authenticator.CreateChallenge("impi@" + Realm, Realm, t.algorithm, vector);
            var answer = DigestClient.RespondAka(challenge, new DigestClientRequest("impi@" + Realm, "REGISTER", "sip:" + Realm, "c"),
                new UsimAka(t.c.Credentials, new UsimOptions { Delta = null }));
            return authenticator.Verify(answer.Credentials, "REGISTER", [], DigestSecret.ForAka(t.c.Credentials)).IsSuccess;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AnyChangeToASignedFieldMakesVerificationFail()
    {
        var mutations = Gen.Elements<Func<DigestCredentials, DigestCredentials>>(
            c => With(c, "uri", c.Uri + "x"),
            c => With(c, "cnonce", c.Cnonce + "x"),
            c => With(c, "nc", DigestCredentials.FormatNonceCount(c.NonceCount!.Value + 1)),
            c => With(c, "qop", "auth-int"),
            c => With(c, "response", FlipLastHexDigit(c.Response)));
        var cases = from algorithm in PasswordAlgorithms
                    from password in Text
                    from mutate in mutations
                    select (algorithm, password, mutate);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var authenticator = Authenticator(DigestQop.Auth, DigestQop.AuthInt);
            var challenge = authenticator.CreateChallenge("impi@" + Realm, Realm, c.algorithm);
            var credentials = DigestClient.Respond(challenge, new DigestClientRequest("impi@" + Realm, "REGISTER", "sip:" + Realm, "c", 5), c.password);
            var mutated = c.mutate(credentials);
            return authenticator.Verify(mutated, "REGISTER", [], DigestSecret.FromPassword(c.password)).Status == DigestVerificationStatus.WrongResponse
                && authenticator.Verify(credentials, "INVITE", [], DigestSecret.FromPassword(c.password)).Status == DigestVerificationStatus.WrongResponse
                && authenticator.Verify(credentials, "REGISTER", [], DigestSecret.FromPassword(c.password + "x")).Status == DigestVerificationStatus.WrongResponse;
        }).QuickCheckThrowOnFailure();
    }

    private static DigestAuthenticator Authenticator(params DigestQop[] qops) =>
        new(new DigestNonceStore(new ManualTimeProvider(), new DigestNonceOptions()), new DigestChallengeOptions { QopOptions = qops });

    private static DigestCredentials With(DigestCredentials credentials, string name, string value)
    {
        var text = credentials.ToHeaderValue();
        var parsed = DigestCredentials.Parse(text).Value!;
        var replaced = name switch
        {
            "nc" => text.Replace("nc=" + DigestCredentials.FormatNonceCount(parsed.NonceCount!.Value), "nc=" + value, StringComparison.Ordinal),
            "qop" => text.Replace("qop=auth", "qop=" + value, StringComparison.Ordinal),
            _ => text.Replace($"{name}=\"{Escape(Value(parsed, name))}\"", $"{name}=\"{Escape(value)}\"", StringComparison.Ordinal),
        };
        Assert.NotEqual(text, replaced);
        return DigestCredentials.Parse(replaced).Value!;
    }

    private static string Value(DigestCredentials c, string name) => name switch
    {
        "uri" => c.Uri,
        "cnonce" => c.Cnonce!,
        _ => c.Response,
    };

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    private static string FlipLastHexDigit(string hex) => hex[..^1] + (hex[^1] == '0' ? '1' : '0');
}
