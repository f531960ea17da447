using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Medallion.Jobs.Config;
using Medallion.Jobs.Lake;
using Medallion.Jobs.Plan;
using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// Silver for one table: the run's bronze rows → transforms → rules (see <see cref="SilverStatements"/>),
/// then the valid rows written as the run's staged silver Delta table and the broken ones appended
/// to the quarantine table (replacing what an earlier attempt of the same key put there).
/// The statements are <see cref="SilverScript"/>'s, in its listing's order.
/// </summary>
internal sealed class SilverStep(DuckDbSession session, DuckDbTables tables)
{
    public async Task<LayerResult> RunAsync(SilverScript script, RunContext run, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var plan = script.Plan;
        await CreateInputViewAsync(script, run, cancellationToken);
        foreach (var statement in script.RoutedView)
        {
            session.Execute(statement, cancellationToken);
        }

        session.Execute(script.Exceptions, cancellationToken);
        var counts = SilverCounts.From(plan, session.Query(
            script.Counts,
            r => Enumerable.Range(0, r.FieldCount).Select(i => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture)).ToList(),
            cancellationToken)[0]);
        counts.EnsureNoFailedRules(plan);

        // A re-run replaces the key's staged table: start it afresh.
        var runPath = script.RunPath;
        await StagedRunFolder.ClearAsync(tables.Store, runPath, cancellationToken);
        var silverSchema = LakeSchemas.Silver(plan);
        var writer = new ParquetFileWriter(session, tables);
        var silverFiles = await writer.WriteAsync(script.Silver, runPath, silverSchema, cancellationToken);
        EnsureRoutedAlike(counts, silverFiles.Sum(f => f.Stats?.NumRecords ?? 0));
        var silver = await tables.Open(runPath).StartTransactionAsync(cancellationToken);
        silver.SetMetadata(silverSchema, plan.Table.PartitionBy);
        foreach (var file in silverFiles)
        {
            silver.Add(file);
        }

        var silverVersion = await silver.CommitAsync(
            "WRITE", new Dictionary<string, JsonNode?> { ["mode"] = "ErrorIfExists" },
            CommitInfo.Extras(run, counts.Read, counts.Silver, counts.Quarantined), cancellationToken);

        var quarantineVersion = await WriteQuarantineAsync(script, run, counts, writer, cancellationToken);
        return new LayerResult(
            "silver", tables.Store.Describe(runPath), counts.Read, counts.Silver, counts.Quarantined, counts.Duplicates, counts.Filtered,
            counts.Malformed, counts.RuleFailures, silverVersion, silverFiles.Count, clock.Elapsed,
            quarantineVersion, tables.Store.Describe(script.Layout.Quarantine));
    }

    private async Task CreateInputViewAsync(SilverScript script, RunContext run, CancellationToken cancellationToken)
    {
        var bronze = script.Layout.Bronze;
        var snapshot = await tables.Open(bronze).TryLoadSnapshotAsync(cancellationToken: cancellationToken)
            ?? throw new RunFailedException($"There is no bronze table at {tables.Store.Describe(bronze)}: run the bronze layer first.");
        // Only the run's files are read (and, on a staged lake, made local); the script's filter is for files without the run key tag.
        var runFiles = DuckDbTables.FilesOfRun(snapshot, run.RunKey);
        var directory = await tables.StageAsync(snapshot, runFiles, cancellationToken);
        DuckDbSnapshotReader.CreateView(session.Connection, snapshot, directory, SilverScript.BronzeRunFilesView, files: runFiles, cancellationToken: cancellationToken);
        session.Execute(script.InputView, cancellationToken);
    }

    private async Task<long> WriteQuarantineAsync(
        SilverScript script, RunContext run, SilverCounts counts, ParquetFileWriter writer, CancellationToken cancellationToken)
    {
        var quarantine = script.Layout.Quarantine;
        var schema = LakeSchemas.Quarantine(script.Plan);
        var transaction = await tables.Open(quarantine).StartTransactionAsync(cancellationToken);
        SchemaChanges.Apply(transaction, schema, LakeSchemas.QuarantinePartitions, script.Plan.Table, quarantine);
        DuckDbTables.ReplaceRun(transaction, run.RunKey);
        var files = await writer.WriteAsync(script.Quarantine, quarantine, schema, cancellationToken);
        foreach (var file in files)
        {
            transaction.Add(file);
        }

        return await CommitInfo.CommitRunAsync(
            transaction,
            tables.Store.Describe(quarantine),
            run.RunKey,
            new Dictionary<string, JsonNode?> { ["mode"] = "ReplacePartition", ["partition"] = $"{LineageColumns.RunKey}={run.RunKey}" },
            CommitInfo.Extras(run, counts.Read, counts.Quarantined, counts.Quarantined), cancellationToken);
    }

    /// <summary>
    /// Silver is written in a second pass (the transformed rows minus the routed exceptions, matched by
    /// <c>_record_number</c>); its row count must be what the first pass counted.
    /// </summary>
    /// <exception cref="RunFailedException">The silver rows written differ from the rows counted.</exception>
    private static void EnsureRoutedAlike(SilverCounts counts, long written)
    {
        if (written != counts.Silver)
        {
            throw new RunFailedException(
                $"Silver wrote {written} rows but the counts say {counts.Silver}: the run's bronze rows differ between the two passes, " +
                $"or their {LineageColumns.RecordNumber} is not unique. Nothing was committed.");
        }
    }
}
