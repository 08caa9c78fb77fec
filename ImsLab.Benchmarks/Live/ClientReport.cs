namespace ImsLab.Benchmarks.Live;

/// <summary>What one storm client received (storm.mjs's report).</summary>
internal sealed record ClientReport(long Events, long Messages, double? FirstAt, double? LastAt, bool Closed);
