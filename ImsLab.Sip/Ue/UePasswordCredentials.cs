namespace ImsLab.Sip.Ue;

/// <summary>A digest password (MD5 / SHA-256, RFC 2617 / RFC 7616).</summary>
public sealed class UePasswordCredentials : UeCredentials
{
    /// <summary>Creates password credentials.</summary>
    public UePasswordCredentials(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        Password = password;
    }

    /// <summary>The password. Never logged or printed.</summary>
    public string Password { get; }

    /// <inheritdoc/>
    public override string ToString() => "UePasswordCredentials { Password = *** }";
}
