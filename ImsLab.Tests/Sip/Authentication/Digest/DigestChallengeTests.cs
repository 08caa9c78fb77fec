using ImsLab.Sip.Authentication.Digest;

namespace ImsLab.Tests.Sip.Authentication.Digest;

public sealed class DigestChallengeTests
{
    [Fact]
    public void ParsesAnImsAkaChallengeWithKeys()
    {
        var result = DigestChallenge.Parse("Digest realm=\"registrar.home1.net\", nonce=\"A34Cm+Fva37UYWpGNB34JP\", algorithm=AKAv1-MD5, ik=\"00112233445566778899aabbccddeeff\", ck=\"ffeeddccbbaa11223344556677889900\"");

        var challenge = result.Value!;
        Assert.Equal(DigestAlgorithm.AkaV1Md5, challenge.Algorithm);
        Assert.Equal("00112233445566778899aabbccddeeff", challenge.Ik);
        Assert.Equal("ffeeddccbbaa11223344556677889900", challenge.Ck);
    }

    [Fact]
    public void ParsesQopListStaleOpaqueAndDomain()
    {
        var result = DigestChallenge.Parse("Digest realm=\"test.3gpp.com\",\r\n\tnonce=\"qlWq\",\r\n qop=\"auth, auth-int\", opaque=\"MTcy\", stale=TRUE, domain=\"sip:a sip:b\", algorithm=SHA-256");

        var challenge = result.Value!;
        Assert.Equal(["auth", "auth-int"], challenge.QopOptions);
        Assert.True(challenge.Stale);
        Assert.Equal("MTcy", challenge.Opaque);
        Assert.Equal("sip:a sip:b", challenge.Domain);
        Assert.Equal(DigestAlgorithm.Sha256, challenge.Algorithm);
    }

    [Fact]
    public void UnknownAlgorithmParsesButIsNotSupported()
    {
        var challenge = DigestChallenge.Parse("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256").Value!;

        Assert.Equal("SHA-512-256", challenge.AlgorithmName);
        Assert.Null(challenge.Algorithm);
    }

    [Fact]
    public void MissingAlgorithmMeansMd5()
    {
        Assert.Equal(DigestAlgorithm.Md5, DigestChallenge.Parse("Digest realm=\"r\", nonce=\"n\"").Value!.Algorithm);
    }

    [Theory]
    [InlineData("Digest nonce=\"n\"", DigestParseError.MissingParameter, "realm")]
    [InlineData("Digest realm=\"r\"", DigestParseError.MissingParameter, "nonce")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", stale=maybe", DigestParseError.InvalidStale, "stale")]
    [InlineData("Digest realm=\"r\", realm=\"s\", nonce=\"n\"", DigestParseError.DuplicateParameter, "realm")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", qop=\"auth\", qop=\"auth-int\"", DigestParseError.DuplicateParameter, "qop")]
    public void MalformedChallengesAreRejectedWithAReason(string value, DigestParseError error, string parameter)
    {
        var result = DigestChallenge.Parse(value);

        Assert.Equal((error, parameter), (result.Error, result.Parameter));
    }

    [Fact]
    public void RoundTripsThroughTheHeaderValue()
    {
        var original = new DigestChallenge
        {
            Realm = "ims.example", Nonce = "abc+/=", AlgorithmName = "AKAv2-MD5", QopOptions = ["auth", "auth-int"],
            Opaque = "op\"aque", Stale = true, Domain = "sip:ims.example", Ik = "00", Ck = "11",
            OtherParameters = [new DigestParameter("charset", "UTF-8", false)],
        };

        var parsed = DigestChallenge.Parse(original.ToHeaderValue()).Value!;

        Assert.Equal(original.ToHeaderValue(), parsed.ToHeaderValue());
        Assert.Equal("op\"aque", parsed.Opaque);
    }

    [Fact]
    public void SeveralChallengesInOneValueAreAllRead()
    {
        var all = DigestChallenge.ParseAll("Digest realm=\"a\", nonce=\"1\", algorithm=SHA-256, Digest realm=\"a\", nonce=\"2\", algorithm=MD5");

        Assert.Equal(["1", "2"], all.Value!.Select(c => c.Nonce));
    }

    [Fact]
    public void ToStringRedactsIkAndCk()
    {
        var challenge = new DigestChallenge { Realm = "r", Nonce = "n", Ik = "f769bcd751044604127672711c6d3441", Ck = "b40ba9a3c58b2a05bbf0d987b21bf8cb" };

        Assert.DoesNotContain("f769bcd7", challenge.ToString());
        Assert.DoesNotContain("b40ba9a3", challenge.ToString());
        Assert.Contains("f769bcd7", challenge.ToHeaderValue());
    }
}
