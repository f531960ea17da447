using Medallion.Delta;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine;
using Medallion.Jobs.Lake;
using Medallion.Orchestration.Ledger;
using Medallion.Orchestration.Maintenance;
using Medallion.Orchestration.Runs;
using Medallion.Orchestration.Validation;

namespace Medallion.Orchestration.Promotion;

/// <summary>
/// Promotes a validated run: copies its data files under <c>current/</c> (invisible until
/// committed), then makes one Delta commit that replaces the partitions the run covers (or
/// everything, or nothing for append), marked with a <c>txn</c> action so a run is published once.
/// A merge promotion writes new files instead of copying (see <c>Promoter.Merge.cs</c>).
/// </summary>
public sealed partial class Promoter(TimeProvider clock, IRunReporter reporter, PromotionOptions? options = null)
{
    private readonly PromotionOptions _options = options ?? PromotionOptions.Default;

    /// <param name="runKey">The run to promote; null for the newest validated run not yet promoted.</param>
    /// <exception cref="MedallionException">
    /// No run to promote, the run is not validated, its schema differs from <c>current/</c>, or
    /// other promotions kept taking the next version (a conflict).
    /// </exception>
    public async Task<PromotionResult> PromoteAsync(LakeTable table, string? runKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var ledger = new RunLedger(table.Store);
        var entry = runKey is null
            ? await NewestValidatedAsync(table, ledger, cancellationToken)
            : await ledger.ReadAsync(table.Layout, runKey, cancellationToken)
                ?? throw new MedallionException($"{table.Name}: run '{runKey}' has no ledger at {table.Store.Describe(table.Layout.RunLedger(runKey))}; run it first.");

        // current/'s snapshot is loaded once per attempt: the pointer check, publish-once and the commit share it (issue 17).
        var current = await LoadCurrentAsync(table, cancellationToken);
        var before = await new LatestPointerStore(reporter).ReadAsync(table, current, cancellationToken);
        if (await AlreadyPromotedAsync(table, entry, before, current, cancellationToken) is { } done)
        {
            return done;
        }

        await EnsureValidatedAsync(table, entry, cancellationToken);
        var staged = await new DeltaTable(table.Store, table.Layout.SilverRun(entry.RunKey)).LoadSnapshotAsync(cancellationToken: cancellationToken);
        // A merge writes its own files (the run's rows with the rewritten ones); the other modes copy the run's.
        var merge = table.Table.Promotion == PromotionMode.Merge;
        var copied = merge ? 0 : await CopyFilesAsync(table, entry.RunKey, staged.Files, cancellationToken);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (record, written) = merge ? await MergeAsync(table, entry, staged, current, cancellationToken) : (await CommitAsync(table, entry, staged, current, cancellationToken), copied);
                copied = written;
                var pointer = await CurrentPublisher.WriteLatestAsync(table, before, record, cancellationToken);
                await CurrentPublisher.UpdateLedgersAsync(
                    table, record, pointer.History.FirstOrDefault()?.RunKey ?? before?.Latest.RunKey, RunLedgerEntry.Superseded, cancellationToken);
                await AutoMaintenance.AfterPromotionAsync(table, clock, reporter, cancellationToken);
                return new PromotionResult(table.Name, record, AlreadyPromoted: false, copied);
            }
            catch (DeltaConcurrentCommitException conflict) when (attempt < _options.MaxCommitAttempts)
            {
                reporter.Warning($"{table.Name}: another promotion committed version {conflict.AttemptedVersion} of current/ first; retrying run {entry.RunKey} on top of it (attempt {attempt + 1}).");
                current = await LoadCurrentAsync(table, cancellationToken);
                before = await new LatestPointerStore(reporter).ReadAsync(table, current, cancellationToken);
                if (await AlreadyPromotedAsync(table, entry, before, current, cancellationToken) is { } promotedMeanwhile)
                {
                    return promotedMeanwhile with { FilesCopied = copied };
                }
            }
            catch (DeltaConcurrentCommitException conflict)
            {
                throw new MedallionException(
                    $"{table.Name}: promoting run {entry.RunKey} conflicted with other promotions of {table.Store.Describe(table.Layout.SilverCurrent)} " +
                    $"{attempt} time(s) (last: version {conflict.AttemptedVersion} taken); current/ is unchanged by this run. Promote again.",
                    isTransient: true, conflict);
            }
        }
    }

    private static Task<DeltaSnapshot?> LoadCurrentAsync(LakeTable table, CancellationToken cancellationToken) =>
        new DeltaTable(table.Store, table.Layout.SilverCurrent).TryLoadSnapshotAsync(cancellationToken: cancellationToken);

    private DeltaRecordAndTransaction Prepare(LakeTable table, RunLedgerEntry entry, DeltaSnapshot staged, DeltaSnapshot? current)
    {
        var transaction = new DeltaTable(table.Store, table.Layout.SilverCurrent, clock).StartTransaction(current);
        // Columns added with schema_evolution: add_columns (or lineage columns of a newer Medallion) are added to current/ in place.
        SchemaChanges.Apply(transaction, staged.Metadata.Schema, staged.Metadata.PartitionColumns, table.Table, table.Store.Describe(table.Layout.SilverCurrent));
        var partitionColumns = staged.Metadata.PartitionColumns;
        var covered = staged.Files.Select(f => PartitionPath.Of(f, partitionColumns)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var live = transaction.ReadSnapshot?.Files ?? [];
        var removed = table.Table.Promotion switch
        {
            PromotionMode.ReplaceAll => live,
            PromotionMode.ReplacePartitions => [.. live.Where(f => covered.Contains(PartitionPath.Of(f, partitionColumns), StringComparer.Ordinal))],
            _ => [],
        };
        foreach (var file in removed)
        {
            transaction.Remove(file);
        }

        var tags = new Dictionary<string, string> { [LakeLayout.RunKeyTag] = entry.RunKey };
        foreach (var file in staged.Files)
        {
            transaction.Add(file with { Tags = tags });
        }

        var silver = entry.Silver!;
        var record = new PromotionRecord(
            PromotionRecord.PromoteOperation, entry.RunKey, table.Table.SchemaVersion,
            (transaction.ReadSnapshot?.AppTransactions.GetValueOrDefault(table.Layout.PromotionAppId) ?? 0) + 1,
            transaction.NextVersion, ModeName(table.Table.Promotion),
            table.Table.Promotion switch
            {
                PromotionMode.Append => [],
                PromotionMode.ReplaceAll => [.. removed.Select(f => PartitionPath.Of(f, partitionColumns)).Union(covered, StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                _ => covered,
            },
            new PromotionCounts(silver.RowsRead, silver.RowsWritten, silver.Quarantined, CurrentPublisher.Rows(live.Except(removed), staged.Files)),
            clock.GetUtcNow(), entry.EmrJobRunIds, entry.ExecutionArn) { StateMachine = entry.StateMachine };
        return new DeltaRecordAndTransaction(record, transaction);
    }

    private async Task<PromotionRecord> CommitAsync(LakeTable table, RunLedgerEntry entry, DeltaSnapshot staged, DeltaSnapshot? current, CancellationToken cancellationToken)
    {
        var (record, transaction) = Prepare(table, entry, staged, current);
        var parameters = new Dictionary<string, System.Text.Json.Nodes.JsonNode?>
        {
            ["mode"] = table.Table.Promotion == PromotionMode.Append ? "Append" : "Overwrite",
            ["partitionBy"] = new System.Text.Json.Nodes.JsonArray([.. staged.Metadata.PartitionColumns.Select(c => (System.Text.Json.Nodes.JsonNode?)c)]),
            ["medallionMode"] = record.Mode,
        };
        // A disjoint commit that won meanwhile (an OPTIMIZE) moves the promotion to a later version.
        var version = await CurrentPublisher.CommitAsync(table, transaction, record, "WRITE", parameters, cancellationToken);
        return record with { CurrentVersion = version };
    }

    private sealed record DeltaRecordAndTransaction(PromotionRecord Record, DeltaTransaction Transaction);

    internal static string ModeName(PromotionMode mode) => mode switch
    {
        PromotionMode.ReplacePartitions => "replace_partitions",
        PromotionMode.ReplaceAll => "replace_all",
        PromotionMode.Append => "append",
        PromotionMode.Merge => "merge",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown promotion mode."),
    };
}
