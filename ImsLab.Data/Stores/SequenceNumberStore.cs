using ImsLab.Sip.Authentication.Aka;
using Microsoft.EntityFrameworkCore;

namespace ImsLab.Data.Stores;

/// <summary>
/// TS 33.102 C.1.1 / C.3: the HE's SEQ counter per IMPI. Reservation is one atomic UPDATE ... RETURNING, so two
/// challenges for the same IMPI, in this process or another, never get the same SEQ (row lock on PostgreSQL, the
/// database write lock on SQLite, which has RETURNING since 3.35).
/// </summary>
internal sealed class SequenceNumberStore(ImsLabDbContextFactory contexts) : ISequenceNumberStore
{
    public async ValueTask<long?> ReserveSeqAsync(string impi, int count, long maxSeq, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        // The bound is in the WHERE clause, so the check and the increment are one atomic statement: the counter never
        // passes the top of the SEQ space, where it could neither be issued nor shown as an SQN (TS 33.102 C.1.1).
        var last = await RawSql.ScalarAsync(contexts, (command, _) =>
        {
            command.CommandText = "UPDATE private_identities SET seq = seq + @count WHERE impi = @impi AND seq <= @max RETURNING seq";
            ProviderSql.AddParameter(command, "@count", (long)count);
            ProviderSql.AddParameter(command, "@max", maxSeq - count);
            ProviderSql.AddParameter(command, "@impi", impi.ToLowerInvariant());
        }, ct);
        if (last is not null) return Convert.ToInt64(last, System.Globalization.CultureInfo.InvariantCulture) - count + 1;
        // The registrar only reserves for IMPIs it just loaded; a missing row means it was deleted meanwhile.
        if (!await ExistsAsync(impi, ct)) throw new InvalidOperationException($"Cannot reserve SEQ: IMPI '{impi}' does not exist.");
        return null;
    }

    private async Task<bool> ExistsAsync(string impi, CancellationToken ct) =>
        await RawSql.ScalarAsync(contexts, (command, _) =>
        {
            command.CommandText = "SELECT 1 FROM private_identities WHERE impi = @impi";
            ProviderSql.AddParameter(command, "@impi", impi.ToLowerInvariant());
        }, ct) is not null;

    public async ValueTask AdvanceSeqAsync(string impi, long seqMs, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seqMs);
        await RawSql.ScalarAsync(contexts, (command, sql) =>
        {
            command.CommandText = $"UPDATE private_identities SET seq = {sql.Greatest}(seq, @seq) WHERE impi = @impi";
            ProviderSql.AddParameter(command, "@seq", seqMs);
            ProviderSql.AddParameter(command, "@impi", impi.ToLowerInvariant());
        }, ct);
    }
}
