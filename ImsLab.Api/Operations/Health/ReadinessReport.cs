namespace ImsLab.Api.Operations.Health;

/// <summary>The answer of one <see cref="IReadinessProbe"/>.</summary>
/// <param name="IsReady">Whether the part can serve.</param>
/// <param name="Description">What an operator should read, e.g. "UDP 0.0.0.0:5060 bound; TCP 0.0.0.0:5060 bound".</param>
public sealed record ReadinessReport(bool IsReady, string Description);
