namespace ImsLab.Api.Hosting.Configuration;

/// <summary>The first-start administrator account.</summary>
internal sealed class AdminOptions
{
    /// <summary>
    /// Password of the "admin" account created when no user exists yet. When empty a random one is generated and
    /// printed once on standard output. Ignored once any user exists.
    /// </summary>
    public string? Password { get; set; }

    public override string ToString() => $"AdminOptions {{ Password = {(string.IsNullOrEmpty(Password) ? "(not set)" : "(set)")} }}";
}
