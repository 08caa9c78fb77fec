using System.Buffers;
using System.Text;

namespace ImsLab.Sip.Authentication.Digest;

/// <summary>Builds "a:b:c" as UTF-8 in a pooled buffer so that hashing needs no intermediate strings.</summary>
internal ref struct Utf8Concatenation
{
    private const byte ColonByte = (byte)':';

    private byte[] _buffer;
    private int _length;

    public Utf8Concatenation(int capacity)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 256));
        _length = 0;
    }

    public readonly ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public void Append(string text)
    {
        Ensure(Encoding.UTF8.GetMaxByteCount(text.Length));
        _length += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_length));
    }

    public void Append(scoped ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    public void Colon() => Append([ColonByte]);

    public void Dispose()
    {
        // The buffer held a password or HA1: clear it before it goes back to the pool.
        _buffer.AsSpan(0, _length).Clear();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Ensure(int extra)
    {
        if (_length + extra <= _buffer.Length) return;
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + extra));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        _buffer.AsSpan(0, _length).Clear();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
