using Medallion.Delta;
using Medallion.Delta.Storage;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine.DuckDb;
using Medallion.Jobs.Engine.Ingestion;
using Medallion.Jobs.Lake;
using Medallion.Jobs.Plan;

namespace Medallion.Jobs.Engine.Spark;

/// <summary>
/// Bronze on the Spark job host, driver side. Spark's Delta writer cannot tag the files it adds, and
/// bronze's record of the raw objects it ingested (<see cref="IngestedObjects"/>) must be committed
/// with the rows it describes. So Spark writes the run's rows as plain Parquet files (partitioned by
/// <c>_ingest_date</c>, timestamps as <c>TIMESTAMP_MICROS</c>) into a staging folder of its own
/// inside the bronze table (<see cref="NewStagingFolder"/>), and the driver commits them in place,
/// without copying, through the embedded engine's bronze commit (<see cref="BronzeCommit"/>): the same
/// tags, the same replacement of the run key's earlier rows and of the rows earlier runs took from
/// objects read again, put-if-absent and the same conflict checks. Until that commit the staged files
/// are in no version, so no reader sees them; a job that dies first leaves files <c>table vacuum</c>
/// deletes once they are older than the retention (the staging folder is not hidden).
/// </summary>
public static class SparkBronzeCommit
{
    /// <summary>A new staging folder for one attempt of <paramref name="runKey"/>, relative to the bronze table.</summary>
    public static string NewStagingFolder(string runKey) => $"spark-{RunKey.Validate(runKey)}-{Guid.NewGuid():N}";

    /// <summary>
    /// Commits the Parquet files Spark wrote below <paramref name="stagingFolder"/> (relative to the bronze
    /// table of <paramref name="plan"/>) into the bronze table, in one Delta commit. Data files have no
    /// statistics: readers count their rows from the Parquet footers; the run key comes from the tag.
    /// </summary>
    /// <param name="settings">The environment's DuckDB settings: a file that also holds rows of an object read again is rewritten without them in DuckDB, below its temp directory.</param>
    /// <param name="objects">The raw objects the rows were read from (as their store listed them).</param>
    /// <param name="rowsRead">The records Spark read (and wrote): zero means Spark wrote nothing, and the commit adds no file.</param>
    /// <returns>The version committed and the number of data files it added.</returns>
    /// <exception cref="MedallionException">A staged file is not in an <c>_ingest_date</c> partition, rows were read but no file staged, or another writer's commit conflicts (a <see cref="RunFailedException"/>); nothing was committed.</exception>
    public static async Task<(long Version, int FilesAdded)> CommitAsync(
        DuckDbSpec settings, IObjectStore lake, TablePlan plan, RunContext run, string stagingFolder, IReadOnlyList<RawObject> objects, long rowsRead,
        TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(lake);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrWhiteSpace(stagingFolder);
        var tablePath = new LakeLayout(plan.Dataset.Name, plan.Table.Name, plan.Table.SchemaVersion).Bronze;
        var staged = await StagedFilesAsync(lake, tablePath, stagingFolder, cancellationToken);
        if (staged.Count == 0 && rowsRead > 0)
        {
            throw new MedallionException(
                $"Spark read {rowsRead} record(s) for {plan.Dataset.Name}.{plan.Table.Name} but staged no Parquet file below {lake.Describe($"{tablePath}/{stagingFolder}")}; nothing was committed.");
        }

        // The local folder DuckDB works in when a shared file must be rewritten (EarlierRows), as on the embedded
        // engine: a local lake itself, else a staging folder below the temp directory (files move through the store).
        var staging = lake is not LocalObjectStore;
        var local = lake is LocalObjectStore folder ? folder.RootDirectory : Path.Combine(Path.GetFullPath(settings.TempDirectory), $"bronze-commit-{Guid.NewGuid():N}");
        try
        {
            var tables = new DuckDbTables(local, lake, clock);
            using var session = new DuckDbSession(settings, new DuckDbSandbox([tables.LocalPath(tablePath)], []));
            var (version, written) = await new BronzeCommit(session, tables).CommitAsync(
                plan, tablePath, run, objects, rowsRead, (_, _) => Task.FromResult(staged), cancellationToken: cancellationToken);
            await DeleteMarkersAsync(lake, tablePath, stagingFolder, cancellationToken);
            return (version, written.Count);
        }
        finally
        {
            if (staging && Directory.Exists(local))
            {
                Directory.Delete(local, recursive: true);
            }
        }
    }

    /// <summary>The data files below the staging folder as <c>add</c> actions: paths relative to the table, partition values from the <c>k=v</c> folders.</summary>
    /// <exception cref="MedallionException">A data file is not in exactly the bronze partitions.</exception>
    internal static async Task<IReadOnlyList<AddFile>> StagedFilesAsync(IObjectStore lake, string tablePath, string stagingFolder, CancellationToken cancellationToken)
    {
        var prefix = StagingPrefix(tablePath, stagingFolder);
        var files = new List<AddFile>();
        foreach (var listed in (await lake.ListAsync(prefix, cancellationToken)).OrderBy(o => o.Path, StringComparer.Ordinal))
        {
            var below = listed.Path[prefix.Length..].Split('/');
            // Spark's markers and checksums (_SUCCESS, .crc) and an aborted task's _temporary folder are not data.
            if (below.Any(IsHidden) || !below[^1].EndsWith(".parquet", StringComparison.Ordinal))
            {
                continue;
            }

            var partition = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var folder in below[..^1])
            {
                var equals = folder.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    var value = Uri.UnescapeDataString(folder[(equals + 1)..]);
                    partition[Uri.UnescapeDataString(folder[..equals])] = value is "" or HiveDefaultPartition ? null : value;
                }
            }

            if (!partition.Keys.Order(StringComparer.Ordinal).SequenceEqual(LakeSchemas.BronzePartitions.Order(StringComparer.Ordinal)))
            {
                throw new MedallionException(
                    $"The staged file {lake.Describe(listed.Path)} is not in a bronze partition ({string.Join(", ", LakeSchemas.BronzePartitions.Select(p => p + "=…"))}); nothing was committed.");
            }

            files.Add(new AddFile(listed.Path[(tablePath.Length + 1)..], partition, listed.Size, listed.LastModified.ToUnixTimeMilliseconds(), DataChange: true, Stats: null));
        }

        return files;
    }

    /// <summary>The store path every object of one staging folder starts with.</summary>
    private static string StagingPrefix(string tablePath, string stagingFolder) => $"{tablePath}/{stagingFolder.Trim('/')}/";

    /// <summary>What Spark writes for a null partition value.</summary>
    private const string HiveDefaultPartition = "__HIVE_DEFAULT_PARTITION__";

    /// <summary>A hidden name (<c>_x</c>, <c>.x</c>), except a partition folder (<c>_ingest_date=…</c>).</summary>
    private static bool IsHidden(string segment) =>
        (segment.StartsWith('_') || segment.StartsWith('.')) && !segment.Contains('=', StringComparison.Ordinal);

    /// <summary>
    /// Spark's hidden leftovers in the staging folder (<c>_SUCCESS</c>, checksums): no vacuum deletes hidden
    /// files, so they go now. Best effort: the commit stands whatever happens here.
    /// </summary>
    private static async Task DeleteMarkersAsync(IObjectStore lake, string tablePath, string stagingFolder, CancellationToken cancellationToken)
    {
        var prefix = StagingPrefix(tablePath, stagingFolder);
        try
        {
            foreach (var listed in await lake.ListAsync(prefix, cancellationToken))
            {
                if (listed.Path[prefix.Length..].Split('/').Any(IsHidden))
                {
                    await lake.DeleteAsync(listed.Path, cancellationToken);
                }
            }
        }
        catch (Exception error) when (error is IOException or MedallionException)
        {
            // A marker left behind is a few bytes nobody reads.
        }
    }
}
