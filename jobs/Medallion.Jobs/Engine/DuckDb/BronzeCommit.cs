using System.Text.Json.Nodes;
using Medallion.Delta;
using Medallion.Delta.Schema;
using Medallion.Jobs.Engine.Ingestion;
using Medallion.Jobs.Lake;
using Medallion.Jobs.Plan;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// The one Delta commit of a bronze run, whichever engine wrote its data files (DuckDB's COPY on
/// the embedded engine, Spark's Parquet writer on the job host): it replaces the rows an earlier
/// attempt of the run key wrote (<see cref="DuckDbTables.ReplaceRun"/>) and the rows earlier runs
/// took from the raw objects read again (<see cref="EarlierRows"/>, which rewrites shared files in
/// <paramref name="session"/>), and adds the new files tagged with the run key and the objects they
/// hold rows of (<see cref="IngestedObjects"/>), with put-if-absent and the conflict checks of the
/// transaction. So both engines write one bronze format, and a table can move between them.
/// </summary>
internal sealed class BronzeCommit(DuckDbSession session, DuckDbTables tables)
{
    /// <param name="objects">The raw objects the run read: recorded on the files added, and their earlier rows replaced.</param>
    /// <param name="write">
    /// Puts the run's data files in the store (or names files already there) and returns their
    /// <c>add</c> actions, paths relative to the table; called inside the transaction, given the table's schema.
    /// </param>
    /// <param name="bronze">The table's latest snapshot when the caller already loaded it (to choose the objects), so it is not loaded twice; null: loaded here.</param>
    /// <returns>The version committed and the files added for the run's rows.</returns>
    /// <exception cref="RunFailedException">Another writer's commit conflicts; nothing was committed.</exception>
    public async Task<(long Version, IReadOnlyList<AddFile> Written)> CommitAsync(
        TablePlan plan, string tablePath, RunContext run, IReadOnlyList<RawObject> objects, long rowsRead,
        Func<DeltaSchema, CancellationToken, Task<IReadOnlyList<AddFile>>> write, DeltaSnapshot? bronze = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentNullException.ThrowIfNull(write);
        var schema = LakeSchemas.Bronze(plan);
        var table = tables.Open(tablePath);
        // A snapshot loaded before the raw files were staged may be behind: the commit's conflict checks see what landed since.
        var transaction = bronze is null ? await table.StartTransactionAsync(cancellationToken) : table.StartTransaction(bronze);
        SchemaChanges.Apply(transaction, schema, LakeSchemas.BronzePartitions, plan.Table, tablePath);
        DuckDbTables.ReplaceRun(transaction, run.RunKey);
        var reread = await new EarlierRows(session, tables, tablePath).ReplaceAsync(transaction, run.RunKey, objects, cancellationToken);

        var written = await write(schema, cancellationToken);
        var held = IngestedObjects.Write(objects);
        foreach (var file in written)
        {
            // The record of what was ingested goes in the commit that adds the rows (see IngestedObjects).
            transaction.Add(file with { Tags = new Dictionary<string, string> { [LakeLayout.RunKeyTag] = run.RunKey, [IngestedObjects.Tag] = held } });
        }

        // Files written without statistics (Spark's) count as every row read: bronze writes each record once.
        var rowsWritten = written.All(f => f.Stats is not null) ? written.Sum(f => f.Stats!.NumRecords) : rowsRead;
        var version = await CommitInfo.CommitRunAsync(
            transaction,
            tables.Store.Describe(tablePath),
            run.RunKey,
            new Dictionary<string, JsonNode?> { ["mode"] = "ReplaceRunKey", ["runKey"] = run.RunKey, ["rawObjects"] = objects.Count, ["rawObjectsReread"] = reread },
            CommitInfo.Extras(run, rowsRead, rowsWritten, quarantined: 0),
            cancellationToken);
        return (version, written);
    }
}
