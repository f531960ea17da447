using Medallion.Delta;
using Medallion.Jobs.Engine.Ingestion;
using Medallion.Jobs.Lake;
using Medallion.Jobs.Plan;
using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// The bronze rows earlier runs took from raw objects a run reads again (a changed object, <c>ingestion: full</c>,
/// <c>--reprocess</c> or <c>--files</c>): the files that hold them are removed in the run's commit, and a file
/// that also holds rows of other objects is written again without the re-read objects' rows, keeping its
/// run key and the record of the objects it still holds. Only files the tags name are touched, so the
/// cost follows the re-read objects, not the table.
/// </summary>
internal sealed class EarlierRows(DuckDbSession session, DuckDbTables tables, string tablePath)
{
    /// <returns>How many of <paramref name="objects"/> bronze held rows of before.</returns>
    /// <exception cref="MedallionException">A file's record of its objects is unreadable.</exception>
    public async Task<int> ReplaceAsync(DeltaTransaction transaction, string runKey, IReadOnlyList<RawObject> objects, CancellationToken cancellationToken = default)
    {
        var paths = objects.Select(o => o.Path).ToHashSet(StringComparer.Ordinal);
        // The key's own files were replaced already (ReplaceRun); a concurrent commit touching these files conflicts.
        var earlier = transaction.ReplaceFilesWhere(
            file => file.Tags?.GetValueOrDefault(LakeLayout.RunKeyTag) != runKey && IngestedObjects.Read(file).Any(o => paths.Contains(o.Path)),
            $"the bronze rows of the {paths.Count} raw object(s) read again");
        var reread = new HashSet<string>(StringComparer.Ordinal);
        var partial = new List<(AddFile File, IReadOnlyList<RawObject> Kept)>();
        foreach (var file in earlier)
        {
            var held = IngestedObjects.Read(file);
            reread.UnionWith(held.Where(o => paths.Contains(o.Path)).Select(o => o.Path));
            var kept = held.Where(o => !paths.Contains(o.Path)).ToList();
            if (kept.Count > 0)
            {
                partial.Add((file, kept));
            }
        }

        if (partial.Count > 0)
        {
            var snapshot = transaction.ReadSnapshot!;
            var folder = await tables.StageAsync(snapshot, [.. partial.Select(p => p.File)], cancellationToken);
            var writer = new ParquetFileWriter(session, tables);
            var schema = snapshot.Metadata.Schema;
            foreach (var (file, kept) in partial)
            {
                var local = Path.Combine(folder, file.Path.Replace('/', Path.DirectorySeparatorChar));
                foreach (var rewritten in await writer.WriteAsync(Without(file, local, paths), tablePath, schema, cancellationToken))
                {
                    transaction.Add(rewritten with
                    {
                        Tags = new Dictionary<string, string>(file.Tags!, StringComparer.Ordinal) { [IngestedObjects.Tag] = IngestedObjects.Write(kept) },
                    });
                }
            }
        }

        return reread.Count;
    }

    /// <summary>The rows of <paramref name="file"/> (staged at <paramref name="local"/>) that came from other objects, into the file's own partition.</summary>
    private static ParquetWrite Without(AddFile file, string local, IReadOnlySet<string> paths)
    {
        var sql = DuckDbDialect.Instance;
        var partition = file.PartitionValues.ToDictionary(p => p.Key, p => p.Value ?? "", StringComparer.Ordinal);
        // The partition columns are in the path, not the file; the writer takes them off again.
        var columns = string.Concat(partition.Keys.Select(c => $", NULL AS {sql.Identifier(c)}"));
        var query = $"SELECT *{columns} FROM read_parquet({sql.StringLiteral(local)}) " +
            $"WHERE {LineageColumns.SourceFile} NOT IN ({string.Join(", ", paths.Order(StringComparer.Ordinal).Select(sql.StringLiteral))})";
        return new ParquetWrite(query, [.. partition.Keys], partition, ParquetWrite.BronzeDictionarySizeLimit);
    }
}
