namespace ImsLab.Sip.Authentication.Digest;

/// <summary>A parsed header value or the reason it was rejected; parsing never throws on remote input.</summary>
public readonly record struct DigestParseResult<T>(T? Value, DigestParseError Error, string? Parameter, int Position)
    where T : class
{
    /// <summary>True when <see cref="Value"/> is set.</summary>
    public bool IsSuccess => Error == DigestParseError.None && Value is not null;

    internal static DigestParseResult<T> Success(T value) => new(value, DigestParseError.None, null, 0);

    internal static DigestParseResult<T> Failure(DigestParseError error, int position, string? parameter = null) =>
        new(null, error, parameter, position);
}
