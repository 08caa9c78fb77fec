using System.Net;
using ImsLab.Sip.Authentication.Digest;
using ImsLab.Sip.Transport;
using ImsLab.Sip.Ue;
using ImsLab.UeSim;

namespace ImsLab.Tests.UeSim;

public sealed class UeSimCommandTests
{
    private const string K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    private const string Opc = "cd63cb71954a9f4e48a5994e37a02baf";
    private const string Impi = "001010123456789@ims.mnc001.mcc001.3gppnetwork.org";
    private const string Impu = "sip:001010123456789@ims.mnc001.mcc001.3gppnetwork.org";

    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void BindsAnAkaUeFromTheCommandLine()
    {
        var options = Bind(NoEnvironment, "--registrar", "127.0.0.1:5070", "--transport", "tcp", "--impi", Impi, "--impu", Impu,
            "--k", K, "--opc", Opc, "--sqn", "000000001000", "--expires", "7200", "--instance-id", "urn:gsma:imei:35425006-000655-0",
            "--reg-id", "1", "--features", "mmtel,video", "--no-reg-event", "--user-agent", "LabPhone");

        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 5070), options.Registrar);
        Assert.Equal(SipTransportProtocol.Tcp, options.Transport);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 0), options.LocalEndPoint);
        Assert.Equal(Impi, options.Impi);
        Assert.Equal(Impu, options.Impu);
        Assert.Equal("ims.mnc001.mcc001.3gppnetwork.org", options.Domain);
        var aka = Assert.IsType<UeAkaCredentials>(options.Credentials);
        Assert.Equal(Convert.FromHexString(K), aka.Keys.K.ToArray());
        Assert.Equal(Convert.FromHexString(Opc), aka.Keys.Opc.ToArray());
        Assert.Equal(4096, aka.InitialSqnMs);
        Assert.Equal(7200, options.Expires);
        Assert.Equal("urn:gsma:imei:35425006-000655-0", options.InstanceId);
        Assert.Equal(1, options.RegId);
        Assert.Equal(UeFeatureTag.Mmtel | UeFeatureTag.Video, options.FeatureTags);
        Assert.False(options.SubscribeToRegEvent);
        Assert.Equal("LabPhone", options.UserAgent);
    }

    [Fact]
    public void DerivesOpcFromOp()
    {
        // TS 35.208 test set 1: OP cdc202d5... gives OPc cd63cb71...
        var options = Bind(NoEnvironment, "--registrar", "127.0.0.1", "--impi", Impi, "--impu", Impu, "--k", K, "--op", "cdc202d5123e20f62b6d676ac72cb318");

        var aka = Assert.IsType<UeAkaCredentials>(options.Credentials);
        Assert.Equal(Convert.FromHexString(Opc), aka.Keys.Opc.ToArray());
        Assert.Equal(5060, options.Registrar.Port);
    }

    [Fact]
    public void BindsAPasswordUeWithPasswordAlgorithmsByDefault()
    {
        var options = Bind(NoEnvironment, "--registrar", "[::1]:5080", "--impi", "alice@lab", "--impu", "sip:alice@lab", "--password", "secret", "--domain", "lab.example");

        Assert.Equal(new IPEndPoint(IPAddress.IPv6Loopback, 5080), options.Registrar);
        Assert.Equal("secret", Assert.IsType<UePasswordCredentials>(options.Credentials).Password);
        Assert.Equal([DigestAlgorithm.Sha256, DigestAlgorithm.Md5], options.AlgorithmPreference);
        Assert.Equal("lab.example", options.Domain);
        Assert.Equal(SipTransportProtocol.Udp, options.Transport);
    }

    [Fact]
    public void ReadsSecretsFromTheEnvironment()
    {
        var environment = new Dictionary<string, string> { [UeSimCommand.KEnvironmentVariable] = K, [UeSimCommand.OpcEnvironmentVariable] = Opc };

        var options = Bind(name => environment.GetValueOrDefault(name), "--registrar", "127.0.0.1:5060", "--impi", Impi, "--impu", Impu,
            "--algorithms", "AKAv1-MD5");

        var aka = Assert.IsType<UeAkaCredentials>(options.Credentials);
        Assert.Equal(Convert.FromHexString(K), aka.Keys.K.ToArray());
        Assert.Equal([DigestAlgorithm.AkaV1Md5], options.AlgorithmPreference);
    }

    [Fact]
    public void ABadKeyIsRefusedWithoutEchoingIt()
    {
        const string secretLooking = "465b5ce8b199b49faa5f0a2ee238a6zz";
        var command = new UeSimCommand();
        var parsed = command.Root.Parse(["--registrar", "127.0.0.1", "--impi", Impi, "--impu", Impu, "--k", secretLooking, "--opc", Opc]);

        var options = command.Bind(parsed, NoEnvironment, out var errors);

        Assert.Null(options);
        var error = Assert.Single(errors);
        Assert.Contains("--k", error);
        Assert.DoesNotContain(secretLooking, error);
        Assert.DoesNotContain(Opc, error);
    }

    [Theory]
    [InlineData("--k", K)]
    [InlineData("--password", "x", "--k", K, "--opc", Opc)]
    [InlineData("--k", K, "--op", Opc, "--opc", Opc)]
    public void RefusesCredentialsThatDoNotAddUp(params string[] credentials)
    {
        var command = new UeSimCommand();
        var parsed = command.Root.Parse(["--registrar", "127.0.0.1", "--impi", Impi, "--impu", Impu, .. credentials]);

        Assert.Null(command.Bind(parsed, NoEnvironment, out var errors));
        Assert.NotEmpty(errors);
    }

    [Theory]
    [InlineData("4096")]
    [InlineData("ffffffffffffff")]
    public void AnSqnIsTwelveHexDigitsAsTheRestApiWritesIt(string sqn)
    {
        var command = new UeSimCommand();
        var parsed = command.Root.Parse(["--registrar", "127.0.0.1", "--impi", Impi, "--impu", Impu, "--k", K, "--opc", Opc, "--sqn", sqn]);

        Assert.Null(command.Bind(parsed, NoEnvironment, out var errors));
        Assert.Contains("--sqn must be 12 hexadecimal digits.", errors);
    }

    [Fact]
    public void RequiresCredentialsOfSomeKind()
    {
        var command = new UeSimCommand();
        var parsed = command.Root.Parse(["--registrar", "127.0.0.1", "--impi", Impi, "--impu", Impu]);

        Assert.Null(command.Bind(parsed, NoEnvironment, out var errors));
        Assert.Contains(errors, e => e.Contains("--password", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--transport", "sctp")]
    [InlineData("--registrar", "not-an-address")]
    [InlineData("--features", "holography")]
    [InlineData("--algorithms", "MD4")]
    public void ParserRejectsValuesOutsideTheirDomain(string option, string value)
    {
        var command = new UeSimCommand();
        List<string> args = ["--registrar", "127.0.0.1", "--impi", Impi, "--impu", Impu, "--password", "x"];
        var index = args.IndexOf(option);
        if (index >= 0) args[index + 1] = value;
        else args.AddRange([option, value]);

        var parsed = command.Root.Parse(args);

        Assert.NotEmpty(parsed.Errors);
    }

    [Fact]
    public void ParserRequiresRegistrarImpiAndImpu()
    {
        var parsed = new UeSimCommand().Root.Parse(["--password", "x"]);

        Assert.Equal(3, parsed.Errors.Count);
    }

    private static UeSimulatorOptions Bind(Func<string, string?> environment, params string[] args)
    {
        var command = new UeSimCommand();
        var parsed = command.Root.Parse(args);
        Assert.Empty(parsed.Errors);
        var options = command.Bind(parsed, environment, out var errors);
        Assert.Empty(errors);
        return Assert.IsType<UeSimulatorOptions>(options);
    }
}
