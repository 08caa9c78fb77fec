using System.Buffers;
using System.Text;
using ImsLab.Sip.Parsing;
using ImsLab.Tests.Support;

namespace ImsLab.Tests.Sip.Parsing;

public sealed class SipStreamFramerTests
{
    private static readonly byte[] Register = Encoding.UTF8.GetBytes(SipMessageParserTests.ImsRegister);

    private static readonly byte[] Options = Encoding.ASCII.GetBytes(
        "OPTIONS sip:ims.example.com SIP/2.0\r\nVia: SIP/2.0/TCP 10.0.0.5;branch=z9hG4bK1\r\nFrom: <sip:a@b>;tag=1\r\n" +
        "To: <sip:a@b>\r\nCall-ID: x\r\nCSeq: 1 OPTIONS\r\nl: 4\r\n\r\nbody");

    private static SipFrameResult Frame(byte[] bytes, out long consumed, out byte[] frame, SipParserLimits? limits = null) =>
        Frame(new ReadOnlySequence<byte>(bytes), out consumed, out frame, limits);

    private static SipFrameResult Frame(ReadOnlySequence<byte> buffer, out long consumed, out byte[] frame, SipParserLimits? limits = null)
    {
        var result = SipStreamFramer.TryFrame(buffer, limits ?? SipParserLimits.Default, out var position, out var sequence);
        consumed = buffer.Slice(buffer.Start, position).Length;
        frame = sequence.ToArray();
        return result;
    }

    [Fact]
    public void FramesOneMessageWithItsBody()
    {
        var result = Frame(Options, out var consumed, out var frame);

        Assert.Equal(SipFrameResult.Message, result);
        Assert.Equal(Options.Length, consumed);
        Assert.Equal(Options, frame);
    }

    [Fact]
    public void EveryPrefixOfAMessageNeedsMoreDataAndConsumesNothing()
    {
        foreach (var message in new[] { Register, Options })
        {
            for (var length = 0; length < message.Length; length++)
            {
                var result = Frame(message[..length], out var consumed, out _);

                Assert.True(result == SipFrameResult.NeedMoreData, $"prefix {length}: {result}");
                Assert.Equal(0, consumed);
            }
        }
    }

    [Fact]
    public void FramesBackToBackMessagesOneAtATime()
    {
        var stream = Register.Concat(Options).ToArray();

        Assert.Equal(SipFrameResult.Message, Frame(stream, out var first, out var frame));
        Assert.Equal(Register, frame);
        Assert.Equal(SipFrameResult.Message, Frame(stream[(int)first..], out _, out frame));
        Assert.Equal(Options, frame);
    }

    [Fact]
    public void MultiSegmentBuffersFrameLikeContiguousOnes()
    {
        var stream = Options.Concat(Register).ToArray();
        for (var split = 1; split < stream.Length; split += 7)
        {
            var buffer = TwoSegments(stream, split);

            Assert.Equal(SipFrameResult.Message, Frame(buffer, out var consumed, out var frame));
            Assert.Equal(Options.Length, consumed);
            Assert.Equal(Options, frame);
        }
    }

    [Fact]
    public void MultiSegmentPrefixesNeedMoreData()
    {
        for (var length = 2; length < Options.Length; length++)
        {
            Assert.Equal(SipFrameResult.NeedMoreData, Frame(TwoSegments(Options[..length], length / 2), out _, out _));
        }
    }

    [Fact]
    public void DoubleCrlfIsAPingAndSingleCrlfBeforeAMessageIsAPong()
    {
        Assert.Equal(SipFrameResult.KeepAlivePing, Frame("\r\n\r\n"u8.ToArray(), out var consumed, out _));
        Assert.Equal(4, consumed);
        Assert.Equal(SipFrameResult.KeepAlivePong, Frame("\r\nOPTIONS"u8.ToArray(), out consumed, out _));
        Assert.Equal(2, consumed);
        Assert.Equal(SipFrameResult.KeepAlivePing, Frame(TwoSegments("\r\n\r\n"u8.ToArray(), 2), out consumed, out _));
        Assert.Equal(4, consumed);
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\r\n")]
    [InlineData("\r\n\r")]
    public void APartialKeepAliveNeedsMoreData(string text) =>
        Assert.Equal(SipFrameResult.NeedMoreData, Frame(Encoding.ASCII.GetBytes(text), out _, out _));

    [Fact]
    public void MissingContentLengthOnAStreamIsMalformed()
    {
        var text = Encoding.ASCII.GetString(Options).Replace("l: 4\r\n", string.Empty, StringComparison.Ordinal);

        Assert.Equal(SipFrameResult.Malformed, Frame(Encoding.ASCII.GetBytes(text), out var consumed, out _));
        Assert.Equal(0, consumed);
    }

    [Theory]
    [InlineData("ncl.dat")]
    [InlineData("mcl01.dat")]
    public void NegativeOrConflictingContentLengthIsMalformed(string file) =>
        Assert.Equal(SipFrameResult.Malformed, Frame(TortureCorpus.ReadRfc4475(file), out _, out _));

    [Theory]
    [InlineData("l: +4")]
    [InlineData("l: 4x")]
    [InlineData("l: 99999999999")]
    [InlineData("l:")]
    public void ContentLengthThatIsNotPlainDigitsIsMalformed(string line)
    {
        var text = Encoding.ASCII.GetString(Options).Replace("l: 4", line, StringComparison.Ordinal);

        Assert.Equal(SipFrameResult.Malformed, Frame(Encoding.ASCII.GetBytes(text), out _, out _));
    }

    [Fact]
    public void ClerrWaitsForTheRestOfItsBody() =>
        Assert.Equal(SipFrameResult.NeedMoreData, Frame(TortureCorpus.ReadRfc4475("clerr.dat"), out _, out _));

    [Fact]
    public void BaddnWithoutAnEmptyLineNeverCompletes() =>
        Assert.Equal(SipFrameResult.NeedMoreData, Frame(TortureCorpus.ReadRfc4475("baddn.dat"), out _, out _));

    [Fact]
    public void MessagesBeyondTheLimitAreTooLarge()
    {
        var limits = new SipParserLimits(MaxMessageBytes: 200);

        Assert.Equal(SipFrameResult.TooLarge, Frame(Register, out _, out _, limits));
        Assert.Equal(SipFrameResult.TooLarge, Frame(Register[..201], out _, out _, limits));
        var bigBody = Encoding.ASCII.GetBytes("OPTIONS sip:a SIP/2.0\r\nContent-Length: 1000\r\n\r\n");
        Assert.Equal(SipFrameResult.TooLarge, Frame(bigBody, out _, out _, limits));
    }

    private static ReadOnlySequence<byte> TwoSegments(byte[] bytes, int split)
    {
        var first = new Segment(bytes[..split], 0);
        var last = first.Append(bytes[split..]);
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
