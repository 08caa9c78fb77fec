namespace ImsLab.Sip.Ue;

/// <summary>One SIP message in a simulated UE's exchange log (the material of a ladder diagram).</summary>
/// <param name="Direction">Sent or received.</param>
/// <param name="At">When, on the simulator's clock.</param>
/// <param name="StartLine">The request or status line.</param>
/// <param name="Text">The whole message, with any ck/ik challenge parameters redacted.</param>
public sealed record UeSipTraceEntry(UeSipDirection Direction, DateTimeOffset At, string StartLine, string Text);
