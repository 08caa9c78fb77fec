using System.Buffers;
using System.Buffers.Text;
using System.Text;
using ImsLab.Sip.Parsing;

namespace ImsLab.Sip.Messages;

/// <summary>
/// Canonical serialization (RFC 3261 7): start line, known headers under their canonical long name, unknown headers
/// exactly as received, Content-Length computed from the body, an empty line, the body.
/// </summary>
internal static class SipMessageWriter
{
    private static ReadOnlySpan<byte> NameSeparator => ": "u8;

    public static void Write(SipMessage message, IBufferWriter<byte> output)
    {
        var writer = new Utf8Writer(output);
        message.WriteStartLine(ref writer);
        var headers = message.Headers;
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers.KnownIdAt(i) == SipHeaderNames.ContentLengthId)
            {
                continue;
            }

            var canonical = headers.GetCanonicalName(i);

            // Known headers are written under their canonical name; an unknown header's canonical name is its name as received.
            writer.Write(canonical);
            writer.Write(NameSeparator);
            // A value nobody decoded is written as received: valid UTF-8 round-trips through a string unchanged, so
            // a relayed message need not materialise the strings. Invalid octets go through the string (U+FFFD).
            if (headers.TryGetRawValue(i, out var raw) && System.Text.Unicode.Utf8.IsValid(raw))
            {
                writer.Write(raw);
            }
            else
            {
                writer.Write(headers.GetValue(i));
            }

            writer.Write(SipOctets.Crlf);
        }

        // RFC 3261 18.3 / 20.14: always present so that stream transports can frame the message.
        writer.Write(SipHeaderNames.ContentLength);
        writer.Write(NameSeparator);
        writer.WriteInteger(message.Body.Length);
        writer.Write(SipOctets.Crlf);
        writer.Write(SipOctets.Crlf);
        writer.Write(message.Body.Span);
        writer.Commit();
    }

    /// <summary>Buffers small writes into spans of the output, committing as it goes.</summary>
    internal ref struct Utf8Writer
    {
        private readonly IBufferWriter<byte> _output;
        private Span<byte> _span;
        private int _buffered;

        public Utf8Writer(IBufferWriter<byte> output)
        {
            _output = output;
            _span = output.GetSpan(512);
            _buffered = 0;
        }

        public void Write(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length > _span.Length - _buffered)
            {
                Grow(bytes.Length);
            }

            bytes.CopyTo(_span[_buffered..]);
            _buffered += bytes.Length;
        }

        public void Write(string text)
        {
            var max = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (max > _span.Length - _buffered)
            {
                Grow(max);
            }

            _buffered += Encoding.UTF8.GetBytes(text, _span[_buffered..]);
        }

        public void WriteInteger(int value)
        {
            if (11 > _span.Length - _buffered)
            {
                Grow(11);
            }

            Utf8Formatter.TryFormat(value, _span[_buffered..], out var written);
            _buffered += written;
        }

        public void Commit()
        {
            _output.Advance(_buffered);
            _buffered = 0;
            _span = [];
        }

        private void Grow(int needed)
        {
            _output.Advance(_buffered);
            _buffered = 0;
            _span = _output.GetSpan(Math.Max(needed, 512));
        }
    }
}
