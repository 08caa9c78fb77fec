namespace ImsLab.Api.Subscribers;

/// <summary>An IMPU as answered; <paramref name="SharedWith"/> lists the other IMPIs of the subscription that share it.</summary>
internal sealed record ImpuResponse(string Uri, bool Barred, int ImplicitSet, string? ServiceProfile, bool CanRegister, IReadOnlyList<string> SharedWith);
