using System.Net;
using ImsLab.Sip.Ue;

namespace ImsLab.Tests.Sip.Ue;

public sealed class UeCredentialsTests
{
    [Fact]
    public void OptionsAndCredentialsNeverPrintTheirSecrets()
    {
        var aka = UeTestBed.AkaCredentials(initialSqnMs: 64);
        var password = new UePasswordCredentials("Circle Of Life");
        var options = UeTestBed.CreateOptions(new IPEndPoint(IPAddress.Loopback, 5060), credentials: aka);

        var printed = string.Join("\n", aka.ToString(), password.ToString(), options.ToString(), (options with { Credentials = password }).ToString());

        Assert.DoesNotContain(Convert.ToHexStringLower(UeTestBed.K), printed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToHexStringLower(UeTestBed.Opc), printed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Circle Of Life", printed, StringComparison.Ordinal);
        Assert.Contains("SQN_MS = 64", printed, StringComparison.Ordinal);
    }
}
