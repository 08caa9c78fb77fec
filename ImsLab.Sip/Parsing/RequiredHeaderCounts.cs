using ImsLab.Sip.Messages;

namespace ImsLab.Sip.Parsing;

/// <summary>Counts the header lines that RFC 3261 8.1.1 requires or allows once, while the parser reads them.</summary>
internal struct RequiredHeaderCounts
{
    public int Via;
    public int From;
    public int To;
    public int CallId;
    public int CSeq;
    public int MaxForwards;

    public void Count(string canonical)
    {
        // Canonical names of known headers are the SipHeaderNames constants, so reference comparison suffices.
        if (ReferenceEquals(canonical, SipHeaderNames.Via))
        {
            Via++;
        }
        else if (ReferenceEquals(canonical, SipHeaderNames.From))
        {
            From++;
        }
        else if (ReferenceEquals(canonical, SipHeaderNames.To))
        {
            To++;
        }
        else if (ReferenceEquals(canonical, SipHeaderNames.CallId))
        {
            CallId++;
        }
        else if (ReferenceEquals(canonical, SipHeaderNames.CSeq))
        {
            CSeq++;
        }
        else if (ReferenceEquals(canonical, SipHeaderNames.MaxForwards))
        {
            MaxForwards++;
        }
    }

    public readonly string FirstMissing() =>
        Via == 0 ? SipHeaderNames.Via :
        From == 0 ? SipHeaderNames.From :
        To == 0 ? SipHeaderNames.To :
        CallId == 0 ? SipHeaderNames.CallId :
        SipHeaderNames.CSeq;
}
