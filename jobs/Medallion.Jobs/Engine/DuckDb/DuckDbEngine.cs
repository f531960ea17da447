using Medallion.Delta.Storage;
using Medallion.Jobs.Config;
using Medallion.Jobs.Plan;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// The embedded engine: runs a table's bronze and silver layers in an in-process DuckDB, one
/// database per table so that memory is released between tables.
/// </summary>
internal sealed class DuckDbEngine(DuckDbSpec settings, DuckDbTables tables)
{
    /// <summary>The raw files a table reads: its glob under the raw root, in name order.</summary>
    /// <exception cref="MedallionException">The glob climbs out of the raw root.</exception>
    public IReadOnlyList<string> ResolveInputs(TableSpec table, string rawRoot, CancellationToken cancellationToken = default)
    {
        var pattern = SafeRelativePattern(table.Source.Path, table);
        using var session = new DuckDbSession(settings);
        return Glob(session, Path.Combine(Path.GetFullPath(rawRoot), pattern), cancellationToken);
    }

    /// <summary>Every file below <c>{rawRoot}/{dataset}/</c>, to warn about raw files no table reads.</summary>
    public IReadOnlyList<string> ListDatasetFiles(string dataset, string rawRoot, CancellationToken cancellationToken = default)
    {
        using var session = new DuckDbSession(settings);
        return Glob(session, Path.Combine(Path.GetFullPath(rawRoot), dataset, "**"), cancellationToken);
    }

    public async Task<LayerResult> RunBronzeAsync(
        TablePlan plan, RunContext run, IReadOnlyList<string> files, string rawRoot, CancellationToken cancellationToken = default)
    {
        using var session = new DuckDbSession(settings);
        return await new BronzeStep(session, tables).RunAsync(plan, run, files, Path.GetFullPath(rawRoot), cancellationToken);
    }

    public async Task<LayerResult> RunSilverAsync(TablePlan plan, RunContext run, CancellationToken cancellationToken = default)
    {
        using var session = new DuckDbSession(settings);
        return await new SilverStep(session, tables).RunAsync(plan, run, cancellationToken);
    }

    private static IReadOnlyList<string> Glob(DuckDbSession session, string pattern, CancellationToken cancellationToken) =>
        session.Query($"SELECT file FROM glob({Sql.DuckDbDialect.Instance.StringLiteral(pattern)}) ORDER BY file", r => r.GetString(0), cancellationToken);

    private static string SafeRelativePattern(string pattern, TableSpec table)
    {
        var segments = pattern.Replace('\\', '/').Split('/');
        if (Path.IsPathRooted(pattern) || segments.Contains("..") || pattern.Contains('\'', StringComparison.Ordinal))
        {
            throw new MedallionException(
                $"{table.Source.Location}: source path '{pattern}' of table `{table.Name}` must be a glob relative to the raw root, without '..' or quotes.");
        }

        return pattern;
    }
}
