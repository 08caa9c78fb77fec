using System.Buffers;
using BenchmarkDotNet.Attributes;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Parsing;

namespace ImsLab.Benchmarks.Parsing;

/// <summary>Parse, header scan and serialization of a typical IMS REGISTER (target: 1,000,000 parses/s/core, scan without allocation).</summary>
[MemoryDiagnoser]
public class SipParsingBenchmarks
{
    private readonly byte[] _register = ImsRegisterSample.Bytes;
    private readonly ArrayBufferWriter<byte> _output = new(2048);
    private SipMessage _message = null!;

    [GlobalSetup]
    public void Setup()
    {
        var result = SipMessageParser.Parse(_register, SipParserLimits.Default);
        _message = result.Success ? result.Message : throw new InvalidOperationException(result.ToString());
    }

    [Benchmark(Baseline = true)]
    public SipMessage? FullParse() => SipMessageParser.Parse(_register, SipParserLimits.Default).Message;

    [Benchmark]
    public int HeaderScan()
    {
        var span = _register.AsSpan();
        var scanner = new SipHeaderScanner(span, span.IndexOf((byte)'\n') + 1, SipParserLimits.Default);
        var length = 0;
        while (scanner.Next(out var header) == SipScanStatus.Header)
        {
            length += header.ValueLength;
        }

        return length;
    }

    [Benchmark]
    public int ParseAndReadRegistrarHeaders()
    {
        var message = SipMessageParser.Parse(_register, SipParserLimits.Default).Message!;
        return message.Contacts.Count + (message.Expires ?? 0) + message.Vias.Count + (int)message.CSeq!.Value.Number + message.To!.Uri.Host.Length;
    }

    [Benchmark]
    public int Serialize()
    {
        _output.ResetWrittenCount();
        _message.WriteTo(_output);
        return _output.WrittenCount;
    }
}
