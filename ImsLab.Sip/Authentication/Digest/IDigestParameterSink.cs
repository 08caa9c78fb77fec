namespace ImsLab.Sip.Authentication.Digest;

/// <summary>Receives the auth-params of one challenge or credentials while it is read.</summary>
internal interface IDigestParameterSink
{
    /// <summary>Takes one parameter; returns an error to stop reading.</summary>
    DigestParseError Accept(string name, string value, bool quoted, out string? parameter);
}
