namespace ImsLab.Data.Provisioning;

/// <summary>
/// The outcome of a provisioning or access-control operation. Bad input is an outcome, not an exception, so the
/// REST API maps each case to one status (201, 200, 404, 409, 400) and the dashboard shows the same messages.
/// </summary>
public abstract record ProvisioningResult<T>
{
    private ProvisioningResult() { }

    /// <summary>A new resource was created.</summary>
    public sealed record Created(T Value) : ProvisioningResult<T>;

    /// <summary>The operation succeeded on an existing resource.</summary>
    public sealed record Ok(T Value) : ProvisioningResult<T>;

    /// <summary>The resource does not exist.</summary>
    public sealed record NotFound(string What) : ProvisioningResult<T>;

    /// <summary>The value of <paramref name="Field"/> collides with existing data (a duplicate).</summary>
    public sealed record Conflict(string Field, string Message) : ProvisioningResult<T>;

    /// <summary>The input is invalid; messages by field name (the shape of RFC 9457 validation problems).</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : ProvisioningResult<T>;
}
