using System.Text;
using FsCheck;
using FsCheck.Fluent;
using ImsLab.Sip.Parsing;
using ImsLab.Tests.Support;

namespace ImsLab.Tests.Sip.Parsing;

public sealed class SipParserRobustnessTests
{
    private static readonly byte[] Register = Encoding.UTF8.GetBytes(SipMessageParserTests.ImsRegister + "v=0\r\n");

    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(2000);

    [Fact]
    public void RandomBytesNeverThrow() =>
        Prop.ForAll<byte[]>(bytes => ParseEverywhere(bytes)).Check(Runs);

    [Fact]
    public void RandomMutationsOfARegisterNeverThrow() =>
        Prop.ForAll<int[], byte[]>((positions, values) =>
        {
            var bytes = (byte[])Register.Clone();
            for (var i = 0; i < Math.Min(positions.Length, values.Length); i++)
            {
                bytes[(int)((uint)positions[i] % (uint)bytes.Length)] = values[i];
            }

            return ParseEverywhere(bytes);
        }).Check(Runs);

    [Fact]
    public void RandomTruncationsAndSplicesOfTortureMessagesNeverThrow() =>
        Prop.ForAll<int, int, int>((file, cut, splice) =>
        {
            var names = TortureCorpus.Rfc4475.Keys.Order(StringComparer.Ordinal).ToArray();
            var a = TortureCorpus.ReadRfc4475(names[(int)((uint)file % (uint)names.Length)]);
            var b = TortureCorpus.ReadRfc4475(names[(int)((uint)splice % (uint)names.Length)]);
            var at = (int)((uint)cut % (uint)a.Length);
            return ParseEverywhere(a[..at].Concat(b[(b.Length - Math.Min(b.Length, a.Length - at))..]).ToArray());
        }).Check(Runs);

    private static bool ParseEverywhere(byte[] bytes)
    {
        var result = SipMessageParser.Parse(bytes, SipParserLimits.Default);
        if (result.Success)
        {
            // Whatever parsed must serialize and parse again, and the typed views must not throw either.
            _ = result.Message.Vias;
            _ = result.Message.Contacts;
            _ = result.Message.Expires;
            _ = SipMessageParser.Parse(result.Message.ToBytes(), SipParserLimits.Default);
        }
        else if (result.RespondableRequest is { } request)
        {
            _ = ImsLab.Sip.Messages.SipResponse.CreateFor(request, result.SuggestedStatusCode).ToBytes();
        }

        _ = SipStreamFramer.TryFrame(new System.Buffers.ReadOnlySequence<byte>(bytes), SipParserLimits.Default, out _, out _);
        return true;
    }
}
