using System.Collections;
using System.Globalization;
using DuckDB.NET.Data;
using Medallion.Delta;
using Medallion.Delta.Storage;
using Medallion.Jobs.Engine.DuckDb;
using Medallion.Jobs.Lake;

namespace Medallion.Orchestration.History;

/// <summary>
/// Appends rows to the run history with Medallion's own Delta writer: DuckDB writes the row as one
/// small Parquet file in a temp folder, the file goes into the lake through the object store, and
/// a put-if-absent commit names it — the same path, and the same guarantees, on a local disk and on S3.
/// </summary>
/// <remarks>
/// Runs of different tables finish at the same moment; their appends never conflict (the
/// transaction moves to the next version). Two writers creating the table at once do (both set
/// its metadata): the loser starts again on the table the winner created.
/// </remarks>
public sealed class RunHistoryWriter(IObjectStore lake, TimeProvider clock)
{
    private const int MaxAttempts = 5;

    /// <summary>Appends one row; returns the Delta version that holds it.</summary>
    /// <exception cref="MedallionException">The file cannot be written or uploaded, or the commit kept conflicting.</exception>
    public async Task<long> AppendAsync(RunHistoryRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        var folder = Path.Combine(Path.GetTempPath(), "medallion-history-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var file = await WriteFileAsync(row, folder, cancellationToken);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await CommitAsync(file, cancellationToken);
                }
                catch (DeltaConflictException) when (attempt < MaxAttempts)
                {
                    // Another writer created the table first; this row goes on top of it.
                }
                catch (DeltaConcurrentCommitException conflict)
                {
                    throw new MedallionException(
                        $"The run history at {lake.Describe(RunHistoryTable.Path)} kept changing under this append ({conflict.Message}); the row of run {row.RunKey} ({row.Dataset}.{row.Table}) was not recorded.",
                        isTransient: true, conflict);
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<AddFile> WriteFileAsync(RunHistoryRow row, string folder, CancellationToken cancellationToken)
    {
        var relative = $"dataset={row.Dataset}/part-{Guid.NewGuid()}.parquet";
        var local = Path.Combine(folder, "part.parquet");
        long rows;
        long size;
        IDictionary columns;
        using (var connection = new DuckDBConnection("DataSource=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"COPY ({RunHistorySql.Select(row)}) TO {RunHistorySql.Text(local)} (FORMAT parquet, COMPRESSION zstd, RETURN_STATS)";
            using var reader = command.ExecuteReader();
            reader.Read();
            rows = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
            size = Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture);
            columns = (IDictionary)reader.GetValue(4);
        }

        await lake.WriteAsync($"{RunHistoryTable.Path}/{relative}", await File.ReadAllBytesAsync(local, cancellationToken), cancellationToken);
        return new AddFile(
            relative,
            new Dictionary<string, string?> { ["dataset"] = row.Dataset },
            size,
            clock.GetUtcNow().ToUnixTimeMilliseconds(),
            DataChange: true,
            DuckDbFileStatistics.Convert(rows, columns, RunHistoryTable.Schema, RunHistoryTable.PartitionColumns),
            new Dictionary<string, string> { [LakeLayout.RunKeyTag] = row.RunKey });
    }

    private async Task<long> CommitAsync(AddFile file, CancellationToken cancellationToken)
    {
        var transaction = await new DeltaTable(lake, RunHistoryTable.Path, clock).StartTransactionAsync(cancellationToken);
        // Later releases may add nullable columns at the end; an older writer keeps the wider schema.
        if (transaction.ReadSnapshot is null || transaction.ReadSnapshot.Metadata.Schema.Fields.Count < RunHistoryTable.Schema.Fields.Count)
        {
            transaction.SetMetadata(RunHistoryTable.Schema, RunHistoryTable.PartitionColumns, allowAddColumns: true);
        }

        transaction.Add(file);
        return await transaction.CommitAsync("WRITE", new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["mode"] = "Append" }, new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["engineInfo"] = "Medallion" }, cancellationToken);
    }
}
