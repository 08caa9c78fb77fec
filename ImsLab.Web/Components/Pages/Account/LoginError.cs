namespace ImsLab.Web.Components.Pages.Account;

/// <summary>The reasons the login form endpoint sends back to /login in the "error" query parameter.</summary>
public static class LoginError
{
    /// <summary>Unknown user or wrong password (deliberately not told apart).</summary>
    public const string InvalidCredentials = "invalid";

    /// <summary>The account is locked after repeated failures.</summary>
    public const string LockedOut = "locked";

    /// <summary>The client address made too many attempts.</summary>
    public const string TooManyAttempts = "rate-limited";
}
