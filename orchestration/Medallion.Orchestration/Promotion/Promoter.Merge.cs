using System.Text.Json.Nodes;
using Medallion.Delta;
using Medallion.Delta.Storage;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine.DuckDb;
using Medallion.Jobs.Engine.DuckDb.Merge;
using Medallion.Orchestration.Ledger;

namespace Medallion.Orchestration.Promotion;

/// <summary>
/// <c>promotion: merge</c>: upserts the run's rows into <c>current/</c> by the primary key, in one
/// Delta commit that removes the files holding keys the run changes and adds their rewritten rows
/// with the run's new ones. The rows never leave DuckDB (<see cref="DuckDbMerge"/>); on an S3 lake
/// only the run's files and the candidate files of <c>current/</c> are downloaded.
/// </summary>
public sealed partial class Promoter
{
    /// <summary>Merges and commits; returns the record and the number of files written.</summary>
    /// <exception cref="DeltaConcurrentCommitException">Another writer took the version, or changed what the merge read (redo it).</exception>
    private async Task<(PromotionRecord Record, int Written)> MergeAsync(
        LakeTable table, RunLedgerEntry entry, DeltaSnapshot staged, DeltaSnapshot? current, CancellationToken cancellationToken)
    {
        var transaction = new DeltaTable(table.Store, table.Layout.SilverCurrent, clock).StartTransaction(current);
        transaction.SetMetadata(staged.Metadata.Schema, staged.Metadata.PartitionColumns);
        // The environment's duckdb: settings (memory_limit, threads, temp_directory) bound the merge as they bound a run.
        var engine = _options.MergeEngine ?? table.Environment?.DuckDb;
        // One folder of its own per attempt, removed after it: the engine's temp files, and on S3 the staged inputs and written files.
        var work = Path.Combine(engine?.TempDirectory ?? Path.GetTempPath(), "medallion-merge-" + Guid.NewGuid().ToString("N"));
        try
        {
            var lakeDirectory = table.Store is LocalObjectStore local ? local.RootDirectory : Path.Combine(work, "lake");
            var settings = (engine ?? DuckDbSpec.Default) with { TempDirectory = Path.Combine(work, "tmp") };
            var merged = await DuckDbMerge.RunAsync(
                new MergeRequest(
                    new DuckDbTables(lakeDirectory, table.Store, clock), settings, staged, transaction.ReadSnapshot, table.Layout.SilverCurrent,
                    table.Table.PrimaryKey, table.Table.Merge, _options.MergeFileRows),
                cancellationToken: cancellationToken);
            reporter.Progress(
                $"{table.Name}: merge of run {entry.RunKey} read {merged.CandidateFiles} of {transaction.ReadSnapshot?.Files.Count ?? 0} file(s) of current/, " +
                $"rewrites {merged.Removed.Count} and writes {merged.Added.Count} file(s)");
            CrashPoints.Reach(CrashPoints.PromoteBeforeCommit);
            var record = Record(table, entry, transaction, merged);
            var parameters = new Dictionary<string, JsonNode?>
            {
                ["predicate"] = string.Join(" AND ", table.Table.PrimaryKey.Select(k => $"target.{k} = source.{k}")),
                ["medallionMode"] = record.Mode,
            };
            await CurrentPublisher.CommitAsync(table, transaction, record, "MERGE", parameters, cancellationToken);
            return (record, merged.Added.Count);
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>
    /// Puts the merge into the transaction and returns its record. The files it removes count as
    /// read, and so does any file with new data another writer adds meanwhile (it could hold a key
    /// this merge changes): either makes the commit a conflict instead of leaving two rows for a key.
    /// </summary>
    private PromotionRecord Record(LakeTable table, RunLedgerEntry entry, DeltaTransaction transaction, MergeResult merged)
    {
        var live = transaction.ReadSnapshot?.Files ?? [];
        var read = live.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var rewritten = merged.Removed.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var removed = transaction.ReplaceFilesWhere(
            file => rewritten.Contains(file.Path) || (!read.Contains(file.Path) && file.DataChange),
            $"the keys ({string.Join(", ", table.Table.PrimaryKey)}) that run {entry.RunKey} merges");
        foreach (var file in merged.Added)
        {
            transaction.Add(file);
        }

        var partitionColumns = transaction.ReadSnapshot?.Metadata.PartitionColumns ?? [.. merged.Added.SelectMany(f => f.PartitionValues.Keys).Distinct()];
        var rowsAfter = CurrentPublisher.Rows(live.Except(removed), merged.Added);
        var silver = entry.Silver!;
        return new PromotionRecord(
            PromotionRecord.PromoteOperation, entry.RunKey, table.Table.SchemaVersion,
            (transaction.ReadSnapshot?.AppTransactions.GetValueOrDefault(table.Layout.PromotionAppId) ?? 0) + 1,
            transaction.NextVersion, ModeName(PromotionMode.Merge),
            [.. removed.Concat(merged.Added).Select(f => PartitionPath.Of(f, partitionColumns)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            new PromotionCounts(silver.RowsRead, silver.RowsWritten, silver.Quarantined, rowsAfter)
            {
                Merge = new MergeCounts(merged.Inserted, merged.Updated, merged.Deleted, rowsAfter - merged.Inserted - merged.Updated),
            },
            clock.GetUtcNow(), entry.EmrJobRunIds, entry.ExecutionArn) { StateMachine = entry.StateMachine };
    }
}
