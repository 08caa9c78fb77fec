using ImsLab.Sip.Authentication.Digest;

namespace ImsLab.Tests.Sip.Authentication.Digest;

public sealed class DigestCredentialsTests
{
    [Fact]
    public void ParsesTheInitialImsRegisterWithEmptyNonceAndResponse()
    {
        // From the seed captures: the unchallenged REGISTER of TS 24.229 5.1.1.2.1.
        var result = DigestCredentials.Parse("Digest username=\"user1_private@home1.net\", realm=\"registrar.home1.net\", nonce=\"\", uri=\"sip:registrar.home1.net\", response=\"\", integrity-protected=\"no\"");

        Assert.True(result.IsSuccess);
        var credentials = result.Value!;
        Assert.Equal("user1_private@home1.net", credentials.Username);
        Assert.Equal("", credentials.Nonce);
        Assert.True(credentials.IsUnchallenged);
        Assert.Equal(IntegrityProtection.No, credentials.IntegrityProtected);
    }

    [Fact]
    public void ParsesAnAkaAnswerWithUnquotedQopAndNc()
    {
        var result = DigestCredentials.Parse("Digest username=\"001010123456789@test.3gpp.com\",\r\n realm=\"test.3gpp.com\",\r\n uri=\"sip:test.3gpp.com\",\r\n qop=auth,\r\n nonce=\"qlWqVapVqlWqVapVqlWqVUUQA5HEt9VVZ3t1TM221cg=\",\r\n nc=0000000a, cnonce=\"abc\", algorithm=AKAv1-MD5, response=\"0123456789abcdef0123456789abcdef\", opaque=\"MTcy\"");

        var credentials = result.Value!;
        Assert.Equal(DigestQop.Auth, credentials.Qop);
        Assert.Equal(10u, credentials.NonceCount);
        Assert.Equal(DigestAlgorithm.AkaV1Md5, credentials.Algorithm);
        Assert.Equal("qlWqVapVqlWqVapVqlWqVUUQA5HEt9VVZ3t1TM221cg=", credentials.Nonce);
        Assert.Equal("MTcy", credentials.Opaque);
    }

    [Fact]
    public void NamesAndSchemeAreCaseInsensitiveAndLwsIsAllowedAroundEquals()
    {
        var result = DigestCredentials.Parse("digest USERNAME = \"a\" ,Realm=\"r\",\tNONCE=n, URI = \"sip:r\", Response=\"\"");

        Assert.True(result.IsSuccess);
        Assert.Equal(("a", "r", "n", "sip:r"), (result.Value!.Username, result.Value.Realm, result.Value.Nonce, result.Value.Uri));
    }

    [Fact]
    public void QuotedPairsAreUnescaped()
    {
        var result = DigestCredentials.Parse("Digest username=\"a\\\"b\\\\c\", realm=\"r\", nonce=\"\", uri=\"u\", response=\"\"");

        Assert.Equal("a\"b\\c", result.Value!.Username);
    }

    [Fact]
    public void KeepsUnknownParametersAndWritesThemBack()
    {
        var result = DigestCredentials.Parse("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", x-vendor=42, note=\"hi there\"");

        var credentials = result.Value!;
        Assert.Equal([new DigestParameter("x-vendor", "42", false), new DigestParameter("note", "hi there", true)], credentials.OtherParameters);
        Assert.Equal(credentials.OtherParameters, DigestCredentials.Parse(credentials.ToHeaderValue()).Value!.OtherParameters);
    }

    [Fact]
    public void RoundTripsThroughTheHeaderValue()
    {
        var original = new DigestCredentials
        {
            Username = "u@x", Realm = "x", Nonce = "n=", Uri = "sip:x", Response = "abc", AlgorithmName = "AKAv2-MD5",
            Cnonce = "c\"1", Opaque = "o", Qop = DigestQop.AuthInt, NonceCount = 0xff, Auts = "AAEC", IntegrityProtectedValue = "tls-pending",
        };

        var parsed = DigestCredentials.Parse(original.ToHeaderValue()).Value!;

        Assert.Equal(original.ToHeaderValue(), parsed.ToHeaderValue());
        Assert.Equal(IntegrityProtection.TlsPending, parsed.IntegrityProtected);
        Assert.Contains("nc=000000ff", original.ToHeaderValue());
    }

    [Fact]
    public void AllIntegrityProtectedValuesOfTs24229AreRead()
    {
        foreach (var value in Enum.GetValues<IntegrityProtection>().Where(v => v != IntegrityProtection.Unknown))
        {
            var parsed = DigestCredentials.Parse($"Digest username=\"a\", realm=\"r\", nonce=\"\", uri=\"u\", response=\"\", integrity-protected=\"{value.ToWireName()}\"");
            Assert.Equal(value, parsed.Value!.IntegrityProtected);
        }
        Assert.Equal(IntegrityProtection.Unknown, DigestCredentials.Parse("Digest username=\"a\", realm=\"r\", nonce=\"\", uri=\"u\", response=\"\", integrity-protected=\"maybe\"").Value!.IntegrityProtected);
    }

    [Fact]
    public void RepeatedCredentialsInOneValueAreReadOneByOne()
    {
        // From the seed captures: the same credentials twice in a single Authorization value.
        const string value = "Digest uri=\"sip:test.3gpp.com\",username=\"001010123456789@test.3gpp.com\",response=\"\",realm=\"test.3gpp.com\",nonce=\"\",Digest uri=\"sip:test.3gpp.com\",username=\"001010123456789@test.3gpp.com\",response=\"\",realm=\"test.3gpp.com\",nonce=\"\"";

        var first = DigestCredentials.Parse(value);
        var all = DigestCredentials.ParseAll(value);

        Assert.Equal("001010123456789@test.3gpp.com", first.Value!.Username);
        Assert.Equal(2, all.Value!.Count);
        Assert.All(all.Value, c => Assert.Equal("test.3gpp.com", c.Realm));
    }

    [Theory]
    [InlineData("", DigestParseError.Empty, null)]
    [InlineData("   ", DigestParseError.Empty, null)]
    [InlineData("Basic dXNlcjpwYXNz", DigestParseError.NotDigestScheme, null)]
    [InlineData("Digestusername=\"a\"", DigestParseError.NotDigestScheme, null)]
    [InlineData("Digest username=\"a, realm=\"r\"", DigestParseError.ExpectedComma, null)]
    [InlineData("Digest username=\"abc", DigestParseError.UnterminatedQuotedString, null)]
    [InlineData("Digest username=\"a\\", DigestParseError.UnterminatedQuotedString, null)]
    [InlineData("Digest username", DigestParseError.ExpectedEquals, null)]
    [InlineData("Digest =\"a\"", DigestParseError.ExpectedParameterName, null)]
    [InlineData("Digest username = name.private@hims.net integrity protection:no", DigestParseError.ExpectedComma, null)]
    [InlineData("Digest username=\"a\", username=\"b\", realm=\"r\", nonce=\"\", uri=\"u\", response=\"\"", DigestParseError.DuplicateParameter, "username")]
    [InlineData("Digest x=1, X=2, username=\"a\", realm=\"r\", nonce=\"\", uri=\"u\", response=\"\"", DigestParseError.DuplicateParameter, "X")]
    [InlineData("Digest realm=\"r\", nonce=\"\", uri=\"u\", response=\"\"", DigestParseError.MissingParameter, "username")]
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"\", uri=\"u\"", DigestParseError.MissingParameter, "response")]
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth, nc=00000001", DigestParseError.MissingParameter, "cnonce")]
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth, cnonce=\"c\"", DigestParseError.MissingParameter, "nc")]
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth, cnonce=\"c\", nc=1", DigestParseError.InvalidNonceCount, "nc")]
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth, cnonce=\"c\", nc=0000000g", DigestParseError.InvalidNonceCount, "nc")]
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth-conf, cnonce=\"c\", nc=00000001", DigestParseError.InvalidQop, "qop")]
    [InlineData("Digest username=\"a\u0001\", realm=\"r\", nonce=\"\", uri=\"u\", response=\"\"", DigestParseError.InvalidCharacter, null)]
    public void MalformedValuesAreRejectedWithAReason(string value, DigestParseError error, string? parameter)
    {
        var result = DigestCredentials.Parse(value);

        Assert.False(result.IsSuccess);
        Assert.Equal(error, result.Error);
        if (parameter is not null) Assert.Equal(parameter, result.Parameter);
    }

    [Fact]
    public void EveryPrefixOfAValidValueGivesAResultOrAReasonWithoutThrowing()
    {
        const string value = "Digest username=\"a\\\"b\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"00\", qop=auth, nc=00000001, cnonce=\"c\"";
        for (int length = 0; length <= value.Length; length++)
        {
            var result = DigestCredentials.Parse(value.AsSpan(0, length));
            Assert.True(result.IsSuccess ^ (result.Error != DigestParseError.None), $"prefix of {length}");
        }
        Assert.True(DigestCredentials.Parse(value).IsSuccess);
        Assert.False(DigestCredentials.Parse(value.AsSpan(0, value.Length - 5)).IsSuccess);
    }

    [Fact]
    public void ToStringRedactsTheResponse()
    {
        var credentials = DigestCredentials.Parse("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"6629fae49393a05397450978507c4ef1\"").Value!;

        Assert.DoesNotContain("6629fae4", credentials.ToString());
    }
}
