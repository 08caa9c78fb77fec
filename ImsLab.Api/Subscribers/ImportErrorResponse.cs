namespace ImsLab.Api.Subscribers;

/// <summary>One problem of a rejected import, with the field as the file names it.</summary>
internal sealed record ImportErrorResponse(int Row, string? Impi, string Field, string Message);
