using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using Medallion.Delta;
using Medallion.Delta.Maintenance;
using Medallion.Delta.Reading;
using Medallion.Delta.Storage;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine.DuckDb;
using Medallion.Jobs.Lake;
using Medallion.Jobs.Sql;

namespace Medallion.Orchestration.Maintenance;

/// <summary>
/// OPTIMIZE: rewrites the small files of each partition of a Delta table into files near a target
/// size, in one commit whose add and remove actions say <c>dataChange: false</c>. The rows never
/// leave DuckDB: a sandboxed session reads the small files (downloaded first from S3) and writes
/// the compacted one with <c>RETURN_STATS</c>, which gives the new add its statistics.
/// </summary>
/// <remarks>
/// The commit removes exactly the files the plan read, so a concurrent writer that removed one of
/// them (a promotion replacing the partition, a rollback) makes it conflict: the compacted files are
/// deleted and the compaction is planned again on the new snapshot, up to
/// <see cref="OptimizeOptions.MaxAttempts"/> times. A concurrent append does not conflict. A writer
/// that loses to the OPTIMIZE commit sees the same conflict from its side and redoes its own work.
/// </remarks>
public sealed class TableOptimizer(IObjectStore store, string tablePath, DuckDbSpec engine, TimeProvider clock)
{
    /// <summary>Called after the compacted files are uploaded, right before the commit (tests make a concurrent writer win here).</summary>
    internal Func<CancellationToken, Task>? BeforeCommit { get; set; }

    /// <exception cref="DeltaTableNotFoundException">There is no table at the path.</exception>
    /// <exception cref="MedallionException">Concurrent commits kept taking the files, or the compacted rows did not add up.</exception>
    public async Task<OptimizeResult> OptimizeAsync(OptimizeOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= OptimizeOptions.Default;
        var table = new DeltaTable(store, tablePath, clock);
        for (var attempt = 1; ; attempt++)
        {
            var transaction = await table.StartTransactionAsync(cancellationToken);
            var snapshot = transaction.ReadSnapshot
                ?? throw new DeltaTableNotFoundException($"There is no Delta table at '{store.Describe(tablePath)}' (no commits in _delta_log).");
            var plan = OptimizePlanner.Plan(
                snapshot, options.TargetFileSize, options.MinFiles, keepApart: options.KeepRunsApart ? file => file.Tags?.GetValueOrDefault(LakeLayout.RunKeyTag) : null);
            if (plan.IsEmpty)
            {
                return new OptimizeResult(store.Describe(tablePath), null, 0, 0, 0, 0, 0, attempt);
            }

            var added = await CompactAsync(plan, cancellationToken);
            foreach (var file in plan.Groups.SelectMany(group => group.Files))
            {
                transaction.Remove(file, dataChange: false);
            }

            added.ForEach(transaction.Add);
            try
            {
                if (BeforeCommit is { } beforeCommit)
                {
                    await beforeCommit(cancellationToken);
                }

                var version = await transaction.CommitAsync("OPTIMIZE", Parameters(options), Metrics(plan, added), cancellationToken);
                return new OptimizeResult(
                    store.Describe(tablePath), version, plan.FilesRemoved, added.Count, plan.Groups.Sum(group => group.Size), added.Sum(file => file.Size),
                    plan.Groups.Select(group => Describe(group.PartitionValues, snapshot.Metadata.PartitionColumns)).Distinct(StringComparer.Ordinal).Count(), attempt);
            }
            catch (DeltaConcurrentCommitException conflict)
            {
                // Nothing names the compacted files: delete them now rather than leave them to VACUUM.
                foreach (var file in added)
                {
                    await store.DeleteAsync(ObjectPath.Combine(tablePath, file.Path), CancellationToken.None);
                }

                if (attempt >= options.MaxAttempts)
                {
                    throw new MedallionException(
                        $"OPTIMIZE of {store.Describe(tablePath)} lost to concurrent commits {attempt} time(s) (last: {conflict.Message}); the table is unchanged. Run it again.",
                        isTransient: true, conflict);
                }
            }
        }
    }

    /// <summary>Writes one file per group with DuckDB and uploads it beside the files it replaces.</summary>
    private async Task<List<AddFile>> CompactAsync(OptimizePlan plan, CancellationToken cancellationToken)
    {
        var work = Path.Combine(Path.GetFullPath(engine.TempDirectory), $"optimize-{Guid.NewGuid():N}");
        var output = Path.Combine(work, "out");
        Directory.CreateDirectory(output);
        try
        {
            var snapshot = plan.Snapshot;
            var files = plan.Groups.SelectMany(group => group.Files).ToList();
            var folder = await DeltaFileStaging.StageAsync(store, snapshot, Path.Combine(work, "in"), files, cancellationToken);
            var added = new List<AddFile>();
            using (var session = new DuckDbSession(engine, new DuckDbSandbox([folder, output], [])))
            {
                foreach (var group in plan.Groups)
                {
                    added.Add(Compact(session, snapshot, folder, output, group, cancellationToken));
                }
            }

            var options = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(added, options, async (file, token) =>
                await store.UploadFileAsync(Path.Combine(output, file.Path.Replace('/', Path.DirectorySeparatorChar)), ObjectPath.Combine(tablePath, file.Path), token));
            return added;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private AddFile Compact(DuckDbSession session, DeltaSnapshot snapshot, string folder, string output, CompactionGroup group, CancellationToken cancellationToken)
    {
        var sql = DuckDbDialect.Instance;
        DuckDbSnapshotReader.CreateView(session.Connection, snapshot, folder, "small_files", files: group.Files, cancellationToken: cancellationToken);
        var partitionColumns = snapshot.Metadata.PartitionColumns;
        var relative = (group.Folder.Length == 0 ? "" : group.Folder + "/") + $"part-{Guid.NewGuid()}-c000.zstd.parquet";
        var target = Path.Combine(output, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Partition values live in the path and the log, never in the file (as the engine writes them).
        var columns = partitionColumns.Count == 0 ? "*" : $"* EXCLUDE ({string.Join(", ", partitionColumns.Select(sql.Identifier))})";
        var written = session.Query(
            $"COPY (SELECT {columns} FROM {sql.Identifier("small_files")}) TO {sql.StringLiteral(target)} (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, RETURN_STATS)",
            reader => (
                Rows: Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture),
                Size: Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture),
                Stats: (IDictionary)reader.GetValue(4)),
            cancellationToken).Single();
        if (group.Files.All(file => file.Stats is not null) && group.Files.Sum(file => file.Stats!.NumRecords) is var expected && expected != written.Rows)
        {
            throw new MedallionException(
                $"OPTIMIZE of {store.Describe(tablePath)}: the {group.Files.Count} files of {Describe(group.PartitionValues, partitionColumns)} hold {expected} rows by their statistics, " +
                $"but DuckDB read {written.Rows}; nothing was committed.");
        }

        return new AddFile(
            relative,
            group.PartitionValues,
            written.Size,
            clock.GetUtcNow().ToUnixTimeMilliseconds(),
            DataChange: false,
            DuckDbFileStatistics.Convert(written.Rows, written.Stats, snapshot.Metadata.Schema, partitionColumns),
            RunTag(group));
    }

    /// <summary>A compacted file keeps the run-key tag when all its rows come from one run.</summary>
    private static Dictionary<string, string>? RunTag(CompactionGroup group) =>
        group.Files.Select(file => file.Tags?.GetValueOrDefault(LakeLayout.RunKeyTag)).Distinct(StringComparer.Ordinal).ToList() is [{ } runKey]
            ? new Dictionary<string, string> { [LakeLayout.RunKeyTag] = runKey }
            : null;

    private static string Describe(IReadOnlyDictionary<string, string?> values, IReadOnlyList<string> columns) =>
        columns.Count == 0 ? "the table" : "partition " + string.Join(", ", columns.Select(column => $"{column}={values.GetValueOrDefault(column) ?? "null"}"));

    private static Dictionary<string, JsonNode?> Parameters(OptimizeOptions options) => new()
    {
        ["predicate"] = new JsonArray(),
        ["zOrderBy"] = new JsonArray(),
        ["targetSize"] = options.TargetFileSize,
    };

    private static Dictionary<string, JsonNode?> Metrics(OptimizePlan plan, List<AddFile> added) => new()
    {
        ["engineInfo"] = "Medallion",
        ["operationMetrics"] = new JsonObject
        {
            ["numRemovedFiles"] = plan.FilesRemoved,
            ["numAddedFiles"] = added.Count,
            ["numRemovedBytes"] = plan.Groups.Sum(group => group.Size),
            ["numAddedBytes"] = added.Sum(file => file.Size),
        },
    };
}
