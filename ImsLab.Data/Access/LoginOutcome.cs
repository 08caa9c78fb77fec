namespace ImsLab.Data.Access;

/// <summary>How a password check ended.</summary>
public enum LoginOutcome
{
    /// <summary>The password is right; the account is in the result.</summary>
    Succeeded,
    /// <summary>Unknown user or wrong password (deliberately not told apart).</summary>
    InvalidCredentials,
    /// <summary>Too many failures: the account is locked until the time in the result, even for the right password.</summary>
    LockedOut,
}
