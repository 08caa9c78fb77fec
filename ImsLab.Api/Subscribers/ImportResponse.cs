namespace ImsLab.Api.Subscribers;

/// <summary>A successful import: every row stored.</summary>
internal sealed record ImportResponse(int Rows, int Imported);
