namespace ImsLab.Sip.Authentication.Digest;

/// <summary>Why a WWW-Authenticate / Authorization value could not be read. The registrar answers 400 to these.</summary>
public enum DigestParseError
{
    /// <summary>No error.</summary>
    None,
    /// <summary>The value is empty or only whitespace.</summary>
    Empty,
    /// <summary>The scheme is not "Digest".</summary>
    NotDigestScheme,
    /// <summary>A parameter name (token) was expected.</summary>
    ExpectedParameterName,
    /// <summary>"=" was expected after a parameter name.</summary>
    ExpectedEquals,
    /// <summary>"," or the end was expected after a parameter value.</summary>
    ExpectedComma,
    /// <summary>A quoted-string has no closing quote.</summary>
    UnterminatedQuotedString,
    /// <summary>A control character appears where it is not allowed.</summary>
    InvalidCharacter,
    /// <summary>The same parameter appears twice (RFC 7616 3.3/3.4: each at most once).</summary>
    DuplicateParameter,
    /// <summary>A parameter the scheme requires is absent; <see cref="DigestParseResult{T}.Parameter"/> names it.</summary>
    MissingParameter,
    /// <summary>nc is not exactly 8 hexadecimal digits (RFC 7616 3.4).</summary>
    InvalidNonceCount,
    /// <summary>qop is not "auth" or "auth-int".</summary>
    InvalidQop,
    /// <summary>stale is not "true" or "false".</summary>
    InvalidStale,
}
