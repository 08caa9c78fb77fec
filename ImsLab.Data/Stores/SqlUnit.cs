using System.Data.Common;

namespace ImsLab.Data.Stores;

/// <summary>
/// The statements of one atomic unit of work (a group commit of bindings, a batch of events).
/// <para>
/// On PostgreSQL they are collected and sent as one batch when the unit ends: the statements before one Sync message
/// run as one implicit transaction, and an error in any of them rolls back all (PostgreSQL protocol, "Extended Query"
/// and "Pipelining"; Npgsql batches end in a single Sync unless error barriers are asked for). The unit thus costs one
/// round trip, where an explicit transaction costs two: BEGIN with the first statement, then COMMIT. Each round trip
/// waits for both processes to be scheduled, which on a loaded machine is most of a group commit's time.
/// </para>
/// <para>On SQLite, which has no batches, each statement runs at once inside an explicit transaction.</para>
/// </summary>
internal sealed class SqlUnit : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction? _transaction;
    private readonly DbBatch? _batch;

    private SqlUnit(DbConnection connection, DbTransaction? transaction, DbBatch? batch)
    {
        _connection = connection;
        _transaction = transaction;
        _batch = batch;
    }

    /// <summary>A unit whose statements are sent together by <see cref="SendAsync"/>.</summary>
    public static SqlUnit Batched(DbConnection connection) => new(connection, null, connection.CreateBatch());

    /// <summary>A unit whose statements run one by one inside <paramref name="transaction"/>.</summary>
    public static SqlUnit InTransaction(DbConnection connection, DbTransaction transaction) => new(connection, transaction, null);

    /// <summary>Runs <paramref name="statement"/> now, or adds it to the batch.</summary>
    public async Task ExecuteAsync(SqlStatement statement, CancellationToken cancellationToken)
    {
        if (_batch is not null)
        {
            var command = _batch.CreateBatchCommand();
            command.CommandText = statement.Text;
            statement.BindTo(command.Parameters, command.CreateParameter);
            _batch.BatchCommands.Add(command);
            return;
        }

        await using var single = _connection.CreateCommand();
        single.Transaction = _transaction;
        single.CommandText = statement.Text;
        statement.BindTo(single.Parameters, single.CreateParameter);
        await single.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Sends the batched statements, if any, in one round trip.</summary>
    public async Task SendAsync(CancellationToken cancellationToken)
    {
        if (_batch is { BatchCommands.Count: > 0 })
        {
            await _batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => _batch?.DisposeAsync() ?? ValueTask.CompletedTask;
}
