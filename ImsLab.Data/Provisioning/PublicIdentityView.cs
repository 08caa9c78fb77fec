namespace ImsLab.Data.Provisioning;

/// <summary>An IMPU as shown.</summary>
/// <param name="Uri">Normalized URI.</param>
/// <param name="Barred">Barring indication.</param>
/// <param name="CanRegister">Whether it may be registered explicitly.</param>
/// <param name="ImplicitSetId">Implicit registration set number within the subscription.</param>
/// <param name="ServiceProfile">Service profile name, or null.</param>
/// <param name="SharedWith">Other IMPIs of the subscription that share this IMPU.</param>
public sealed record PublicIdentityView(string Uri, bool Barred, bool CanRegister, int ImplicitSetId, string? ServiceProfile,
    IReadOnlyList<string> SharedWith);
