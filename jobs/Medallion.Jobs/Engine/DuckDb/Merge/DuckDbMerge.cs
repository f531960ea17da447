using System.Globalization;
using Medallion.Delta;
using Medallion.Jobs.Plan;

namespace Medallion.Jobs.Engine.DuckDb.Merge;

/// <summary>
/// The data half of a merge promotion, in one sandboxed DuckDB session: finds the files of
/// <c>current/</c> that could hold the run's keys (bounds from the log), reads only those and the
/// run's files, decides each key's outcome, and writes the touched files' other rows together with
/// the run's winning rows as new files, sorted by key. It commits nothing: the caller removes
/// <see cref="MergeResult.Removed"/> and adds <see cref="MergeResult.Added"/> in one Delta commit.
/// </summary>
public static class DuckDbMerge
{
    /// <exception cref="MedallionException">
    /// The run has a row with a null key column, or two different rows of one key that neither
    /// <c>order_by</c> nor file order can choose between; nothing is written.
    /// </exception>
    public static async Task<MergeResult> RunAsync(MergeRequest request, Action<string>? onStatement = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.FileRows, 1);
        var tables = request.Tables;
        var run = request.Run;
        var schema = run.Metadata.Schema;
        var partitions = run.Metadata.PartitionColumns;
        var keyFields = request.Key.Select(k => schema.Fields.FirstOrDefault(f => f.Name == k)
            ?? throw new MedallionException($"The primary key column `{k}` is not a column of the run's silver table {tables.Store.Describe(run.TablePath)}.")).ToList();
        var sql = new MergeStatements(request.Key, request.Merge, [.. schema.Fields.Select(f => f.Name)], partitions, request.FileRows);

        var runDirectory = await tables.StageAsync(run, run.Files, cancellationToken);
        var currentDirectory = tables.LocalPath(request.CurrentPath);
        var sandbox = new DuckDbSandbox([tables.LocalPath(run.TablePath), currentDirectory], []);
        using var session = new DuckDbSession(request.Settings, sandbox, onStatement);
        DuckDbSnapshotReader.CreateView(session.Connection, run, runDirectory, MergeStatements.RunView, cancellationToken: cancellationToken);
        if (session.Scalar(sql.NullKeys, cancellationToken) is > 0 and var nulls)
        {
            throw new MedallionException(
                $"{nulls} row(s) of the run have a null in a primary key column ({string.Join(", ", request.Key)}); a merge matches whole keys only. " +
                "Quarantine them with a not_null rule, then run again.");
        }

        session.Execute(sql.RunKeyTable, cancellationToken);
        var candidates = Candidates(session, sql, request, keyFields, partitions, cancellationToken);
        var candidateDirectory = candidates.Count == 0 ? currentDirectory : await tables.StageAsync(request.Current!, candidates, cancellationToken);
        DuckDbSnapshotReader.CreateViewWithFile(
            session.Connection, request.Current ?? run, candidateDirectory, MergeStatements.CurrentView, candidates, MergeStatements.FileColumn, cancellationToken);
        session.Execute(sql.RowsTable, cancellationToken);
        var ties = session.Query(sql.Ties, r => r.GetString(0), cancellationToken);
        if (ties.Count > 0)
        {
            throw new MedallionException(
                $"The run holds different rows for the key ({string.Join(", ", request.Key)}) = ({ties[0]}){(ties.Count > 1 ? $" and others ({string.Join("; ", ties.Skip(1))})" : "")} " +
                "that tie for newest" + (request.Merge.OrderBy is { } orderBy ? $" (same `{orderBy}`, same raw file)" : " (same raw file)") +
                "; a merge cannot tell which one to keep. Set `promotion.order_by`, or deduplicate the key in the table's transforms.");
        }

        session.Execute(sql.KeysTable, cancellationToken);
        var counts = session.Query(sql.Counts, r => (Long(r.GetValue(0)), Long(r.GetValue(1)), Long(r.GetValue(2))), cancellationToken)[0];
        var byLocalPath = candidates.ToDictionary(f => DuckDbSnapshotReader.LocalPath(candidateDirectory, f), StringComparer.Ordinal);
        var touched = session.Query(sql.Touched, r => byLocalPath[r.GetString(0)], cancellationToken);
        DuckDbSnapshotReader.CreateView(session.Connection, request.Current ?? run, candidateDirectory, MergeStatements.TouchedView, files: touched, cancellationToken: cancellationToken);
        session.Execute(sql.OutputTable, cancellationToken);

        var writer = new ParquetFileWriter(session, tables);
        var added = new List<AddFile>();
        foreach (var bucket in session.Query(sql.Buckets, r => Long(r.GetValue(0)), cancellationToken))
        {
            added.AddRange(await writer.WriteAsync(new ParquetWrite(sql.Bucket(bucket), partitions), request.CurrentPath, schema, cancellationToken));
        }

        foreach (var statement in sql.Cleanup)
        {
            session.Execute(statement, cancellationToken);
        }

        return new MergeResult(touched, added, counts.Item1, counts.Item2, counts.Item3, candidates.Count);
    }

    /// <summary>
    /// What a merge promotion of <paramref name="plan"/>'s table runs, for <c>medallion plan</c>:
    /// comments for the steps that depend on the files, then the statements as <see cref="RunAsync"/> sends them.
    /// </summary>
    public static IReadOnlyList<string> DescribePlan(TablePlan plan, long fileRows = 1_000_000)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var table = plan.Table;
        var sql = new MergeStatements(table.PrimaryKey, table.Merge, [.. LakeSchemas.Silver(plan).Fields.Select(f => f.Name)], table.PartitionBy, fileRows);
        var newer = (table.Merge.OrderBy is { } orderBy ? $"the larger `{orderBy}`, then " : "") + "the run's row over current/'s, then the later raw file";
        return
        [
            $"-- merge by ({string.Join(", ", table.PrimaryKey)}): of two rows with one key the newer wins ({newer})" +
                (table.Merge.DeleteWhen is { } deleteWhen ? $"; a winning row where {deleteWhen} deletes its key" : ""),
            $"-- {MergeStatements.RunView}: a view over the run's staged silver files (downloaded first on an S3 lake)",
            sql.NullKeys,
            sql.RunKeyTable,
            $"-- {MergeStatements.BoundsTable}: each live file of current/ with its key bounds from the Delta log (add.stats min/max, or its partition value)",
            sql.Candidates,
            $"-- {MergeStatements.CurrentView}: a view over the candidate files only, with each row's file",
            sql.RowsTable,
            sql.Ties,
            sql.KeysTable,
            sql.Counts,
            sql.Touched,
            $"-- {MergeStatements.TouchedView}: a view over the touched files, which the commit removes",
            sql.OutputTable,
            sql.Buckets,
            "-- one COPY per bucket writes its rows (partitioned as the table) under current/; one Delta commit (MERGE) removes the touched files and adds these",
            ParquetFileWriter.CopyStatement(new ParquetWrite(sql.Bucket(0), table.PartitionBy, FileName: "part-{uuid}.parquet"), "current"),
        ];
    }

    /// <summary>The live files of <c>current/</c> whose key bounds could hold a key of the run.</summary>
    private static List<AddFile> Candidates(
        DuckDbSession session, MergeStatements sql, MergeRequest request, IReadOnlyList<Delta.Schema.DeltaField> keyFields, IReadOnlyList<string> partitions,
        CancellationToken cancellationToken)
    {
        var live = request.Current?.Files ?? [];
        if (live.Count == 0)
        {
            return [];
        }

        session.Execute(sql.BoundsTableOf([.. keyFields.Select(f => DuckDbTypes.ToDuckDb(f.Type))]), cancellationToken);
        foreach (var insert in FileBounds.Inserts(live, keyFields, partitions))
        {
            session.Execute(insert, cancellationToken);
        }

        var wanted = session.Query(sql.Candidates, r => r.GetString(0), cancellationToken).ToHashSet(StringComparer.Ordinal);
        return [.. live.Where(f => wanted.Contains(f.Path))];
    }

    private static long Long(object value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
