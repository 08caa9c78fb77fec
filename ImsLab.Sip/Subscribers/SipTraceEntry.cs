namespace ImsLab.Sip.Subscribers;

/// <summary>
/// One SIP message of an exchange, for the dashboard's ladder diagram. The text is the message as on the wire:
/// Authorization response values may appear, keys (K, OP, OPc, CK, IK, passwords) never do — the registrar
/// removes ck/ik parameters before tracing.
/// </summary>
/// <param name="Direction">In or out.</param>
/// <param name="At">When it was received or sent.</param>
/// <param name="Remote">The remote endpoint, "192.0.2.1:5060/UDP".</param>
/// <param name="Text">The message text.</param>
public sealed record SipTraceEntry(SipTraceDirection Direction, DateTimeOffset At, string Remote, string Text);
