using Medallion.Delta;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine.Ingestion;
using Medallion.Jobs.Plan;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// The embedded engine: runs a table's bronze and silver layers in an in-process DuckDB, one
/// database per layer so that memory is released in between. Silver reads the bronze files back
/// even when the same run has just written them: keeping the raw records in DuckDB instead was
/// faster at 256 MB but slower at 1 GB, where they no longer fit in memory and spill, while the
/// compressed, columnar Parquet reads stay cheap (docs/BENCHMARKS.md). It reads and writes local
/// files only; <see cref="DuckDbTables"/> moves them to and from the lake's store.
/// </summary>
/// <param name="onStatement">Sees every statement the layers send to DuckDB (tests compare them with <see cref="DescribeBronze"/> and <see cref="DescribeSilver"/>).</param>
public sealed class DuckDbEngine(DuckDbSpec settings, DuckDbTables tables, Action<string>? onStatement = null)
{
    /// <param name="files">Local raw files, in name order.</param>
    /// <param name="rawRoot">The local folder they lie under; <c>_source_file</c> is written relative to it.</param>
    /// <param name="objects">
    /// The raw objects the files are copies of, as their store listed them (bronze records them, see
    /// <see cref="IngestedObjects"/>); null when the files are the objects themselves (a local raw root).
    /// </param>
    public async Task<LayerResult> RunBronzeAsync(
        TablePlan plan, RunContext run, IReadOnlyList<string> files, string rawRoot, IReadOnlyList<RawObject>? objects = null,
        DeltaSnapshot? bronze = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        objects ??= [.. files.Select(f => RawObject.OfLocalFile(Path.GetFullPath(rawRoot), Path.GetFullPath(f)))];
        var script = new BronzeScript(plan, RunValues.Of(run), Path.GetFullPath(rawRoot), tables.LakeDirectory);
        // Bronze reads exactly its raw files (named as the sandbox names them) and writes only its bronze table;
        // a raw file DuckDB refused is repaired into a scratch copy under the temp directory, which the sandbox allows too.
        files = [.. files.Select(Path.GetFullPath)];
        using var session = new DuckDbSession(settings, new DuckDbSandbox([tables.LocalPath(script.TablePath)], files), onStatement);
        var scratch = Path.Combine(Path.GetFullPath(settings.TempDirectory), $"raw-{Guid.NewGuid():N}");
        return await new BronzeStep(session, tables, scratch).RunAsync(script, run, files, objects, bronze, cancellationToken);
    }

    public async Task<LayerResult> RunSilverAsync(TablePlan plan, RunContext run, CancellationToken cancellationToken = default)
    {
        var script = new SilverScript(plan, RunValues.Of(run), tables.LakeDirectory);
        // Silver reads the bronze table and writes the run's staged table and the quarantine table.
        var sandbox = new DuckDbSandbox([.. new[] { script.Layout.Bronze, script.RunPath, script.Layout.Quarantine }.Select(tables.LocalPath)], []);
        using var session = new DuckDbSession(settings, sandbox, onStatement);
        return await new SilverStep(session, tables).RunAsync(script, run, cancellationToken);
    }

    /// <summary>
    /// The bronze statements as <c>medallion plan</c> prints them: the script a run builds, for a
    /// run whose key and start are placeholders, reading the table's glob below <paramref name="rawRoot"/>.
    /// </summary>
    /// <param name="lakeDirectory">Where the engine writes the tables: the lake root for a local lake.</param>
    public static IReadOnlyList<string> DescribeBronze(TablePlan plan, string rawRoot, string lakeDirectory)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new BronzeScript(plan, RunValues.Placeholders, rawRoot, lakeDirectory).Listing([Path.Combine(rawRoot, plan.Table.Source.Path)]);
    }

    /// <summary>The silver statements as <c>medallion plan</c> prints them (see <see cref="DescribeBronze"/>).</summary>
    public static IReadOnlyList<string> DescribeSilver(TablePlan plan, string lakeDirectory) =>
        new SilverScript(plan, RunValues.Placeholders, lakeDirectory).Listing;
}
