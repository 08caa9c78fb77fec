using ImsLab.Sip.Messages;

namespace ImsLab.Sip.Parsing;

/// <summary>
/// Counts the header lines that RFC 3261 8.1.1 requires or allows once, while the parser reads them, and remembers
/// where the first of each is so that validation does not search the list again.
/// </summary>
internal struct RequiredHeaderCounts
{
    public int Via;
    public int From;
    public int To;
    public int CallId;
    public int CSeq;
    public int MaxForwards;
    public int ContentLength;
    public int Contact;
    public int ViaIndex;
    public int ContactIndex;
    public int FromIndex;
    public int ToIndex;
    public int CallIdIndex;
    public int CSeqIndex;
    public int MaxForwardsIndex;
    public int ContentLengthIndex;

    public void Count(string canonical, int index)
    {
        // Canonical names of known headers are the SipHeaderNames constants, so reference comparison suffices.
        if (ReferenceEquals(canonical, SipHeaderNames.Via))
        {
            Note(ref Via, ref ViaIndex, index);
        }
        else if (ReferenceEquals(canonical, SipHeaderNames.From))
        {
            Note(ref From, ref FromIndex, index);
        }
        else if (ReferenceEquals(canonical, SipHeaderNames.To))
        {
            Note(ref To, ref ToIndex, index);
        }
        else if (ReferenceEquals(canonical, SipHeaderNames.CallId))
        {
            Note(ref CallId, ref CallIdIndex, index);
        }
        else if (ReferenceEquals(canonical, SipHeaderNames.CSeq))
        {
            Note(ref CSeq, ref CSeqIndex, index);
        }
        else if (ReferenceEquals(canonical, SipHeaderNames.MaxForwards))
        {
            Note(ref MaxForwards, ref MaxForwardsIndex, index);
        }
        else if (ReferenceEquals(canonical, SipHeaderNames.ContentLength))
        {
            Note(ref ContentLength, ref ContentLengthIndex, index);
        }
        else if (ReferenceEquals(canonical, SipHeaderNames.Contact))
        {
            Note(ref Contact, ref ContactIndex, index);
        }
    }

    private static void Note(ref int count, ref int firstIndex, int index)
    {
        if (count++ == 0)
        {
            firstIndex = index;
        }
    }

    public readonly string FirstMissing() =>
        Via == 0 ? SipHeaderNames.Via :
        From == 0 ? SipHeaderNames.From :
        To == 0 ? SipHeaderNames.To :
        CallId == 0 ? SipHeaderNames.CallId :
        SipHeaderNames.CSeq;
}
