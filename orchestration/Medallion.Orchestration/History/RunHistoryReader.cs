using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using Medallion.Delta;
using Medallion.Delta.Reading;
using Medallion.Delta.Storage;
using Medallion.Jobs.Engine.DuckDb;

namespace Medallion.Orchestration.History;

/// <summary>
/// Reads the run history back: the live files of the dataset's partition (downloaded into a temp
/// folder first when the lake is on S3) through DuckDB, newest recorded first.
/// </summary>
public sealed class RunHistoryReader(IObjectStore lake)
{
    /// <summary>The rows of <paramref name="dataset"/> (and of <paramref name="table"/> when given), newest recorded first; empty when there is no history yet.</summary>
    /// <exception cref="MedallionException">The history table cannot be read.</exception>
    public async Task<IReadOnlyList<RunHistoryRow>> ReadAsync(string dataset, string? table = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataset);
        var snapshot = await new DeltaTable(lake, RunHistoryTable.Path).TryLoadSnapshotAsync(cancellationToken: cancellationToken);
        var files = snapshot?.Files.Where(f => f.PartitionValues.GetValueOrDefault("dataset") == dataset).ToList() ?? [];
        if (snapshot is null || files.Count == 0)
        {
            return [];
        }

        var staging = Path.Combine(Path.GetTempPath(), "medallion-history-" + Guid.NewGuid().ToString("N"));
        try
        {
            var directory = await DeltaFileStaging.StageAsync(lake, snapshot, staging, files, cancellationToken);
            return Query(snapshot, directory, files, table, cancellationToken);
        }
        catch (DeltaFormatException error)
        {
            throw new MedallionException($"The run history at {lake.Describe(RunHistoryTable.Path)} cannot be read: {error.Message}", error);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static List<RunHistoryRow> Query(DeltaSnapshot snapshot, string directory, IReadOnlyList<AddFile> files, string? table, CancellationToken cancellationToken)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        DuckDbSnapshotReader.CreateView(connection, snapshot, directory, "runs", files: files, cancellationToken: cancellationToken);
        using var command = connection.CreateCommand();
        // Maps come back as JSON and times as epoch microseconds: one parse each, whatever DuckDB.NET maps them to.
        command.CommandText =
            "SELECT dataset, \"table\", run_key, engine, environment, schema_version, status, error, " +
            "epoch_us(started_at), epoch_us(finished_at), epoch_us(recorded_at), bronze_seconds, silver_seconds, " +
            "input_files, bronze_rows_read, rows_read, silver_rows, quarantined, duplicates_removed, filtered, malformed, " +
            "CAST(to_json(rule_failures) AS VARCHAR), validation_passed, CAST(to_json(validation_checks) AS VARCHAR), promoted_version, " +
            "execution_arn, state_machine, CAST(to_json(emr_job_run_ids) AS VARCHAR) FROM runs" +
            (table is null ? "" : $" WHERE \"table\" = {RunHistorySql.Text(table)}") +
            " ORDER BY recorded_at DESC, started_at DESC, run_key DESC, \"table\"";
        using var reader = command.ExecuteReader();
        var rows = new List<RunHistoryRow>();
        while (reader.Read())
        {
            rows.Add(new RunHistoryRow(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetString(6), Text(reader, 7),
                Time(reader, 8), Time(reader, 9), Time(reader, 10), Real(reader, 11), Real(reader, 12),
                Whole(reader, 13) ?? 0, Whole(reader, 14), Whole(reader, 15), Whole(reader, 16), Whole(reader, 17), Whole(reader, 18), Whole(reader, 19), Whole(reader, 20),
                Map<long>(reader, 21), reader.IsDBNull(22) ? null : reader.GetBoolean(22), Map<string>(reader, 23), Whole(reader, 24),
                Text(reader, 25), Text(reader, 26), Map<string>(reader, 27)));
        }

        return rows;
    }

    private static string? Text(System.Data.Common.DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static long? Whole(System.Data.Common.DbDataReader reader, int i) => reader.IsDBNull(i) ? null : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);

    private static double? Real(System.Data.Common.DbDataReader reader, int i) => reader.IsDBNull(i) ? null : Convert.ToDouble(reader.GetValue(i), CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(System.Data.Common.DbDataReader reader, int i) =>
        DateTimeOffset.UnixEpoch.AddTicks(Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture) * 10);

    private static Dictionary<string, T> Map<T>(System.Data.Common.DbDataReader reader, int i) =>
        reader.IsDBNull(i) ? [] : JsonSerializer.Deserialize<Dictionary<string, T>>(reader.GetString(i)) ?? [];
}
