namespace ImsLab.Sip.Messages;

/// <summary>One header field line: the name as received (or as added) and its raw, unfolded value.</summary>
public readonly record struct SipHeader(string Name, string Value);
