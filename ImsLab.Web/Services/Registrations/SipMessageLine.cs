namespace ImsLab.Web.Services.Registrations;

/// <summary>One line of a traced SIP message, split so the dashboard can highlight header names.</summary>
/// <param name="Kind">Start line, header, continuation or body.</param>
/// <param name="Name">The header name as written (empty for other kinds).</param>
/// <param name="Value">The rest of the line: the header value after the colon, or the whole line for other kinds.</param>
public sealed record SipMessageLine(SipMessageLineKind Kind, string Name, string Value);
