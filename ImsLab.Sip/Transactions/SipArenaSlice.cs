namespace ImsLab.Sip.Transactions;

/// <summary>Where <see cref="SipResponseArena.Store"/> put a response.</summary>
internal readonly record struct SipArenaSlice(int Slab, int Offset, int Length);
