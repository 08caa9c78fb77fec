using FsCheck;
using FsCheck.Fluent;
using ImsLab.Sip.Authentication.Aka;
using static ImsLab.Tests.Sip.Authentication.Aka.MilenageTests;

namespace ImsLab.Tests.Sip.Authentication.Aka;

public sealed class UsimAkaTests
{
    private static readonly Ts35208TestSet Set = Ts35208TestSet.Get(5);

    [Fact]
    public void FreshChallengeYieldsTheTs35208ResCkIk()
    {
        var usim = new UsimAka(AkaVectorGeneratorTests.Credentials(Set), new UsimOptions());
        var vector = Vector(Set, SequenceNumber.Read(Bytes(Set.Sqn)) & 0xffffff);

        var result = usim.Authenticate(vector.Rand.Span, vector.Autn.Span);

        Assert.Equal(UsimAuthenticationOutcome.Success, result.Outcome);
        Assert.Equal(Set.F2, Hex(result.Res!.Value.Span));
        Assert.Equal(Set.F3, Hex(result.Ck!.Value.Span));
        Assert.Equal(Set.F4, Hex(result.Ik!.Value.Span));
    }

    [Fact]
    public void ReplayedChallengeIsASyncFailureWhoseAutsCarriesTheHighestAcceptedSqn()
    {
        var credentials = AkaVectorGeneratorTests.Credentials(Set);
        var usim = new UsimAka(credentials, new UsimOptions());
        var vector = Vector(Set, SequenceNumber.Compose(40, 8, 5));
        usim.Authenticate(vector.Rand.Span, vector.Autn.Span);

        var replay = usim.Authenticate(vector.Rand.Span, vector.Autn.Span);

        Assert.Equal(UsimAuthenticationOutcome.SyncFailure, replay.Outcome);
        using var milenage = credentials.CreateMilenage();
        var resync = AkaResynchronization.Verify(milenage, vector.Rand.Span, replay.Auts!.Value.Span);
        Assert.Equal(new AkaResynchronizationResult(true, SequenceNumber.Compose(40, 8, 5)), resync);
    }

    [Fact]
    public void TamperedAutnIsAMacFailure()
    {
        var usim = new UsimAka(AkaVectorGeneratorTests.Credentials(Set), new UsimOptions());
        var vector = Vector(Set, SequenceNumber.Compose(3, 3, 5));
        var autn = vector.Autn.ToArray();
        autn[7] ^= 0x80;

        var result = usim.Authenticate(vector.Rand.Span, autn);

        Assert.Equal(UsimAuthenticationOutcome.MacFailure, result.Outcome);
        Assert.Null(result.Res);
        Assert.Equal(0, usim.HighestAcceptedSqn);
    }

    [Fact]
    public void OlderSeqInAnotherIndSlotIsStillAccepted()
    {
        var usim = new UsimAka(AkaVectorGeneratorTests.Credentials(Set), new UsimOptions());
        var newer = Vector(Set, SequenceNumber.Compose(10, 10, 5));
        var older = Vector(Set, SequenceNumber.Compose(9, 9, 5));

        Assert.Equal(UsimAuthenticationOutcome.Success, usim.Authenticate(newer.Rand.Span, newer.Autn.Span).Outcome);
        Assert.Equal(UsimAuthenticationOutcome.Success, usim.Authenticate(older.Rand.Span, older.Autn.Span).Outcome);
        Assert.Equal(SequenceNumber.Compose(10, 10, 5), usim.HighestAcceptedSqn);
    }

    [Fact]
    public void JumpBeyondDeltaIsASyncFailure()
    {
        var usim = new UsimAka(AkaVectorGeneratorTests.Credentials(Set), new UsimOptions { Delta = 100 });
        var jump = Vector(Set, SequenceNumber.Compose(101, 5, 5));
        var withinDelta = Vector(Set, SequenceNumber.Compose(100, 4, 5));

        Assert.Equal(UsimAuthenticationOutcome.SyncFailure, usim.Authenticate(jump.Rand.Span, jump.Autn.Span).Outcome);
        Assert.Equal(UsimAuthenticationOutcome.Success, usim.Authenticate(withinDelta.Rand.Span, withinDelta.Autn.Span).Outcome);
    }

    [Fact]
    public void SeqOlderThanTheAgeLimitIsASyncFailure()
    {
        var usim = new UsimAka(AkaVectorGeneratorTests.Credentials(Set), new UsimOptions { AgeLimit = 10 });
        usim.Accept(SequenceNumber.Compose(50, 18, 5));
        var tooOld = Vector(Set, SequenceNumber.Compose(40, 8, 5));
        var recentEnough = Vector(Set, SequenceNumber.Compose(41, 9, 5));

        Assert.Equal(UsimAuthenticationOutcome.SyncFailure, usim.Authenticate(tooOld.Rand.Span, tooOld.Autn.Span).Outcome);
        Assert.Equal(UsimAuthenticationOutcome.Success, usim.Authenticate(recentEnough.Rand.Span, recentEnough.Autn.Span).Outcome);
    }

    [Fact]
    public void ResultToStringNeverShowsRes()
    {
        var usim = new UsimAka(AkaVectorGeneratorTests.Credentials(Set), new UsimOptions());
        var vector = Vector(Set, SequenceNumber.Compose(3, 3, 5));

        Assert.DoesNotContain(Set.F2, usim.Authenticate(vector.Rand.Span, vector.Autn.Span).ToString());
    }

    [Fact]
    public void NetworkAndUsimAgreeForAnySubscriberRandAndSqn()
    {
        Prop.ForAll(AkaArbitrary.Cases(), c =>
        {
            using var milenage = c.Credentials.CreateMilenage();
            var vector = AkaVectorGenerator.Generate(milenage, c.Rand, c.Sqn, c.Amf);
            var result = new UsimAka(c.Credentials, new UsimOptions { Delta = null }).Authenticate(vector.Rand.Span, vector.Autn.Span);
            return result.Outcome == UsimAuthenticationOutcome.Success
                && result.Sqn == c.Sqn
                && result.Res!.Value.Span.SequenceEqual(vector.Xres.Span)
                && result.Ck!.Value.Span.SequenceEqual(vector.Ck.Span)
                && result.Ik!.Value.Span.SequenceEqual(vector.Ik.Span);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ResynchronisationRecoversSqnMsForAnySubscriber()
    {
        Prop.ForAll(AkaArbitrary.Cases(), c =>
        {
            var usim = new UsimAka(c.Credentials, new UsimOptions { Delta = null });
            usim.Accept(c.Sqn);
            using var milenage = c.Credentials.CreateMilenage();
            var stale = AkaVectorGenerator.Generate(milenage, c.Rand, c.Sqn, c.Amf);
            var answer = usim.Authenticate(stale.Rand.Span, stale.Autn.Span);
            var resync = AkaResynchronization.Verify(milenage, c.Rand, answer.Auts!.Value.Span);
            return answer.Outcome == UsimAuthenticationOutcome.SyncFailure && resync == new AkaResynchronizationResult(true, c.Sqn);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AnySingleBitFlipInAutnIsRejected()
    {
        var cases = from c in AkaArbitrary.Cases().Generator
                    from bit in Gen.Choose(0, AkaLength.Autn * 8 - 1)
                    select (c, bit);
        Prop.ForAll(cases.ToArbitrary(), t =>
        {
            using var milenage = t.c.Credentials.CreateMilenage();
            var vector = AkaVectorGenerator.Generate(milenage, t.c.Rand, t.c.Sqn, t.c.Amf);
            var autn = vector.Autn.ToArray();
            autn[t.bit / 8] ^= (byte)(1 << (t.bit % 8));
            return new UsimAka(t.c.Credentials, new UsimOptions { Delta = null }).Authenticate(vector.Rand.Span, autn).Outcome
                == UsimAuthenticationOutcome.MacFailure;
        }).QuickCheckThrowOnFailure();
    }

    private static AkaVector Vector(Ts35208TestSet set, long sqn)
    {
        using var milenage = new Milenage(Bytes(set.K), Bytes(set.Opc));
        return AkaVectorGenerator.Generate(milenage, Bytes(set.Rand), sqn, Bytes(set.Amf));
    }
}
