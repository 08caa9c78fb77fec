using System.Security.Cryptography;
using System.Text;
using ImsLab.Data.Entities;
using ImsLab.Data.Provisioning;
using ImsLab.Data.Stores;
using ImsLab.Sip.Subscribers;
using Microsoft.EntityFrameworkCore;

namespace ImsLab.Data.Access;

/// <summary>
/// User accounts and API keys: the one place that hashes, verifies, locks out and audits. The host's login
/// endpoints and authentication handler call this and hold no logic of their own.
/// </summary>
public sealed class AccessStore
{
    /// <summary>Every API key starts with this, so leaked keys are easy to recognise (and to scan for).</summary>
    public const string KeyPrefix = "ilk_";
    private const int KeyRandomBytes = 32;
    private const int ShownPrefixLength = 12;
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private readonly IDbContextFactory<ImsLabDbContext> _contexts;
    private readonly AuditTrail _audit;
    private readonly TimeProvider _time;
    private readonly AccessOptions _options;
    private readonly UnknownUsernameLockout _unknownNames;

    internal AccessStore(IDbContextFactory<ImsLabDbContext> contexts, AuditTrail audit, TimeProvider time, AccessOptions options)
    {
        _contexts = contexts;
        _audit = audit;
        _time = time;
        _options = options;
        _unknownNames = new UnknownUsernameLockout(options);
    }

    /// <summary>True once any user account exists (the host creates the first admin when false).</summary>
    public async Task<bool> AnyUserAsync(CancellationToken cancellationToken)
    {
        await using var db = _contexts.CreateDbContext();
        return await db.UserAccounts.AnyAsync(cancellationToken);
    }

    /// <summary>Creates an account; the username is stored lowercase. Conflict when it exists, Invalid on bad input.</summary>
    public async Task<ProvisioningResult<UserAccountInfo>> CreateUserAsync(string username, string password, UserRole role,
        string actor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var name = username.Trim().ToLowerInvariant();
        if (name.Length is 0 or > 100 || name.Any(char.IsWhiteSpace)) errors["username"] = ["1 to 100 characters without spaces."];
        if (PasswordProblem(password) is { } problem) errors["password"] = [problem];
        if (errors.Count > 0) return new ProvisioningResult<UserAccountInfo>.Invalid(errors);

        await using var db = _contexts.CreateDbContext();
        if (await db.UserAccounts.AnyAsync(u => u.Username == name, cancellationToken))
        {
            return new ProvisioningResult<UserAccountInfo>.Conflict("username", $"User '{name}' already exists.");
        }
        var (hash, salt, iterations) = PasswordHasher.Hash(password);
        var account = new UserAccount
        {
            Id = Guid.NewGuid(), Username = name, PasswordHash = hash, PasswordSalt = salt, PasswordIterations = iterations,
            Role = role, CreatedAt = _time.GetUtcNow(),
        };
        db.UserAccounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        await _audit.RecordAsync(RegistrationEventType.UserAccountChanged, actor, $"created user {name} ({role})", cancellationToken);
        return new ProvisioningResult<UserAccountInfo>.Created(ToInfo(account));
    }

    /// <summary>Replaces a user's password and clears any lockout.</summary>
    public async Task<ProvisioningResult<UserAccountInfo>> SetPasswordAsync(string username, string password, string actor,
        CancellationToken cancellationToken)
    {
        if (PasswordProblem(password) is { } problem)
        {
            return new ProvisioningResult<UserAccountInfo>.Invalid(new Dictionary<string, string[]> { ["password"] = [problem] });
        }
        await using var db = _contexts.CreateDbContext();
        var name = username.Trim().ToLowerInvariant();
        var account = await db.UserAccounts.SingleOrDefaultAsync(u => u.Username == name, cancellationToken);
        if (account is null) return new ProvisioningResult<UserAccountInfo>.NotFound($"user {name}");
        (account.PasswordHash, account.PasswordSalt, account.PasswordIterations) = PasswordHasher.Hash(password);
        account.FailedLoginCount = 0;
        account.LockedUntil = null;
        await db.SaveChangesAsync(cancellationToken);
        await _audit.RecordAsync(RegistrationEventType.UserAccountChanged, actor, $"changed the password of {name}", cancellationToken);
        return new ProvisioningResult<UserAccountInfo>.Ok(ToInfo(account));
    }

    /// <summary>Every account, by name.</summary>
    public async Task<IReadOnlyList<UserAccountInfo>> ListUsersAsync(CancellationToken cancellationToken)
    {
        await using var db = _contexts.CreateDbContext();
        var accounts = await db.UserAccounts.AsNoTracking().OrderBy(u => u.Username).ToListAsync(cancellationToken);
        return accounts.ConvertAll(ToInfo);
    }

    /// <summary>
    /// Checks a password. <see cref="AccessOptions.MaxFailedLogins"/> consecutive failures lock the account for
    /// <see cref="AccessOptions.LockoutDuration"/>; a success resets the count and records the login. Failures are audited.
    /// </summary>
    public async Task<LoginResult> VerifyPasswordAsync(string username, string password, CancellationToken cancellationToken)
    {
        var name = username.Trim().ToLowerInvariant();
        var now = _time.GetUtcNow();
        await using var db = _contexts.CreateDbContext();
        var account = await db.UserAccounts.SingleOrDefaultAsync(u => u.Username == name, cancellationToken);
        if (account is null)
        {
            // Neither the answer, nor its time, nor the audit line may reveal which usernames exist: an unknown name
            // locks as an account does and is hashed against as an account is (a locked one, like a locked account, is not).
            if (_unknownNames.LockedUntil(name, now) is { } nameLockedUntil)
            {
                await _audit.RecordAsync(RegistrationEventType.AccessDenied, name, "login refused: account locked", cancellationToken);
                return new LoginResult(LoginOutcome.LockedOut, null, nameLockedUntil);
            }
            PasswordHasher.Verify(password, new byte[32], new byte[16], PasswordHasher.Iterations);
            var nowLocked = _unknownNames.RecordFailure(name, now);
            await _audit.RecordAsync(RegistrationEventType.AccessDenied, name,
                nowLocked is null ? "login failed: invalid credentials" : "login failed: account now locked", cancellationToken);
            return nowLocked is null
                ? new LoginResult(LoginOutcome.InvalidCredentials, null, null)
                : new LoginResult(LoginOutcome.LockedOut, null, nowLocked);
        }
        if (account.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            await _audit.RecordAsync(RegistrationEventType.AccessDenied, name, "login refused: account locked", cancellationToken);
            return new LoginResult(LoginOutcome.LockedOut, null, lockedUntil);
        }
        if (!PasswordHasher.Verify(password, account.PasswordHash, account.PasswordSalt, account.PasswordIterations))
        {
            account.FailedLoginCount++;
            if (account.FailedLoginCount >= _options.MaxFailedLogins)
            {
                account.FailedLoginCount = 0;
                account.LockedUntil = now + _options.LockoutDuration;
            }
            await db.SaveChangesAsync(cancellationToken);
            await _audit.RecordAsync(RegistrationEventType.AccessDenied, name,
                account.LockedUntil > now ? "login failed: account now locked" : "login failed: invalid credentials", cancellationToken);
            return account.LockedUntil > now
                ? new LoginResult(LoginOutcome.LockedOut, null, account.LockedUntil)
                : new LoginResult(LoginOutcome.InvalidCredentials, null, null);
        }
        account.FailedLoginCount = 0;
        account.LockedUntil = null;
        account.LastLoginAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await _audit.RecordAsync(RegistrationEventType.UserLoggedIn, name, "logged in", cancellationToken);
        return new LoginResult(LoginOutcome.Succeeded, ToInfo(account), null);
    }

    /// <summary>Creates an API key; the clear key is in the result and nowhere else, ever.</summary>
    public async Task<ProvisioningResult<CreatedApiKey>> CreateApiKeyAsync(string name, UserRole role, string createdBy,
        CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > 200)
        {
            return new ProvisioningResult<CreatedApiKey>.Invalid(new Dictionary<string, string[]> { ["name"] = ["1 to 200 characters."] });
        }
        var key = KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyRandomBytes))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var record = new ApiKey
        {
            Id = Guid.NewGuid(), Name = trimmed, Prefix = key[..ShownPrefixLength], KeyHash = HashKey(key), Role = role,
            CreatedAt = _time.GetUtcNow(), CreatedBy = createdBy,
        };
        await using var db = _contexts.CreateDbContext();
        db.ApiKeys.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await _audit.RecordAsync(RegistrationEventType.ApiKeyCreated, createdBy, $"created API key {record.Prefix}… '{trimmed}' ({role})", cancellationToken);
        return new ProvisioningResult<CreatedApiKey>.Created(new CreatedApiKey(ToInfo(record), key));
    }

    /// <summary>Every key, newest first, revoked ones included.</summary>
    public async Task<IReadOnlyList<ApiKeyInfo>> ListApiKeysAsync(CancellationToken cancellationToken)
    {
        await using var db = _contexts.CreateDbContext();
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync(cancellationToken);
        return keys.OrderByDescending(k => k.CreatedAt).Select(ToInfo).ToList();
    }

    /// <summary>Revokes a key at once; revoking twice keeps the first revocation time.</summary>
    public async Task<ProvisioningResult<ApiKeyInfo>> RevokeApiKeyAsync(Guid id, string actor, CancellationToken cancellationToken)
    {
        await using var db = _contexts.CreateDbContext();
        var record = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (record is null) return new ProvisioningResult<ApiKeyInfo>.NotFound($"API key {id}");
        if (record.RevokedAt is null)
        {
            record.RevokedAt = _time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            await _audit.RecordAsync(RegistrationEventType.ApiKeyRevoked, actor, $"revoked API key {record.Prefix}… '{record.Name}'", cancellationToken);
        }
        return new ProvisioningResult<ApiKeyInfo>.Ok(ToInfo(record));
    }

    /// <summary>The key's record when <paramref name="key"/> is a valid, unrevoked key; null otherwise.</summary>
    public async Task<ApiKeyInfo?> VerifyApiKeyAsync(string key, CancellationToken cancellationToken)
    {
        if (!key.StartsWith(KeyPrefix, StringComparison.Ordinal) || key.Length > 100) return null;
        var hash = HashKey(key);
        await using var db = _contexts.CreateDbContext();
        var record = await db.ApiKeys.SingleOrDefaultAsync(k => k.KeyHash == hash, cancellationToken);
        if (record is null || record.RevokedAt is not null) return null;
        var now = _time.GetUtcNow();
        // Recording every use would turn each API call into a write; a minute's resolution is enough to spot unused keys.
        if (record.LastUsedAt is null || now - record.LastUsedAt.Value >= LastUsedResolution)
        {
            record.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }
        return ToInfo(record);
    }

    private string? PasswordProblem(string password) =>
        password.Length < _options.MinPasswordLength ? $"At least {_options.MinPasswordLength} characters." : null;

    private static byte[] HashKey(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static UserAccountInfo ToInfo(UserAccount a) => new(a.Id, a.Username, a.Role, a.CreatedAt, a.LastLoginAt, a.LockedUntil);

    private static ApiKeyInfo ToInfo(ApiKey k) => new(k.Id, k.Name, k.Prefix, k.Role, k.CreatedAt, k.CreatedBy, k.RevokedAt, k.LastUsedAt);
}
