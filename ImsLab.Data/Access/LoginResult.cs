namespace ImsLab.Data.Access;

/// <summary>The result of <see cref="AccessStore.VerifyPasswordAsync"/>.</summary>
/// <param name="Outcome">Succeeded, invalid credentials, or locked out.</param>
/// <param name="User">The account when <paramref name="Outcome"/> is <see cref="LoginOutcome.Succeeded"/>.</param>
/// <param name="LockedUntil">When a locked-out account unlocks.</param>
public sealed record LoginResult(LoginOutcome Outcome, UserAccountInfo? User, DateTimeOffset? LockedUntil);
