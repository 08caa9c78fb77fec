using System.Text;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Parsing;
using ImsLab.Sip.Transactions;

namespace ImsLab.Tests.Sip.Transactions;

/// <summary>RFC 3261 17.2.3 server transaction keys.</summary>
public sealed class SipTransactionKeyTests
{
    [Fact]
    public void KeysOfRequestsFromOneHostShareOneCopyOfTheHost()
    {
        var hosts = new SipStringPool(capacity: 16);

        Assert.True(SipTransactionKey.TryCreate(Register("z9hG4bK1"), out var first, hosts));
        Assert.True(SipTransactionKey.TryCreate(Register("z9hG4bK2"), out var second, hosts));

        Assert.Equal("10.0.0.7", first.SentByHost);
        Assert.Same(first.SentByHost, second.SentByHost);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void TheSentByHostIsComparedWithoutRegardToCase()
    {
        Assert.True(SipTransactionKey.TryCreate(Register("z9hG4bK1", host: "PCSCF.Ims.Lab"), out var upper));
        Assert.True(SipTransactionKey.TryCreate(Register("z9hG4bK1", host: "pcscf.ims.lab"), out var lower));

        Assert.Equal(upper, lower);
    }

    private static SipRequest Register(string branch, string host = "10.0.0.7")
    {
        var text = $"REGISTER sip:ims.lab SIP/2.0\r\nVia: SIP/2.0/UDP {host}:5060;branch={branch}\r\nFrom: <sip:a@ims.lab>;tag=1\r\n" +
            "To: <sip:a@ims.lab>\r\nCall-ID: c1\r\nCSeq: 1 REGISTER\r\nContent-Length: 0\r\n\r\n";
        var result = SipMessageParser.Parse(Encoding.ASCII.GetBytes(text), SipParserLimits.Default);
        return (SipRequest)result.Message!;
    }
}
