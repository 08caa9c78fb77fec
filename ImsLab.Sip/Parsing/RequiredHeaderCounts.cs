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

    public void Count(int knownId, int index)
    {
        // The ids are static readonly, so the JIT compares against constants.
        if (knownId == SipHeaderNames.ViaId)
        {
            Note(ref Via, ref ViaIndex, index);
        }
        else if (knownId == SipHeaderNames.FromId)
        {
            Note(ref From, ref FromIndex, index);
        }
        else if (knownId == SipHeaderNames.ToId)
        {
            Note(ref To, ref ToIndex, index);
        }
        else if (knownId == SipHeaderNames.CallIdId)
        {
            Note(ref CallId, ref CallIdIndex, index);
        }
        else if (knownId == SipHeaderNames.CSeqId)
        {
            Note(ref CSeq, ref CSeqIndex, index);
        }
        else if (knownId == SipHeaderNames.MaxForwardsId)
        {
            Note(ref MaxForwards, ref MaxForwardsIndex, index);
        }
        else if (knownId == SipHeaderNames.ContentLengthId)
        {
            Note(ref ContentLength, ref ContentLengthIndex, index);
        }
        else if (knownId == SipHeaderNames.ContactId)
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
