using DuckDB.NET.Data;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine;
using Medallion.Jobs.Engine.DuckDb;
using Medallion.Jobs.Lake;
using Medallion.Jobs.Plan;
using Medallion.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Jobs.Tests.Engine.DuckDb;

/// <summary>
/// Issue 17 item 3: a Parquet source is read typed. Columns of the declared type reach bronze as
/// they are (no text round trip), other types are converted once and never rounded, files with
/// different schemas are read by name, and <c>_record_number</c> is still the position in the run's
/// input, from the files' row numbers.
/// </summary>
public sealed class ParquetSourceTests : IDisposable
{
    private const string RunKey = "k1";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly TestLake _lake = new();
    private readonly List<string> _executed = [];

    public void Dispose() => _lake.Dispose();

    [Fact]
    public async Task RunBronze_EveryColumnOfTheDeclaredType_KeepsEveryValueExactly()
    {
        var file = WriteParquet("typed/a.parquet", """
            SELECT * FROM (VALUES
              ('a', 1, 9223372036854775807, 'NaN'::DOUBLE, 12345678901234567890123456.123456789012::DECIMAL(38,12), TIMESTAMPTZ '2024-02-29 23:59:59.123456+00', DATE '2024-02-29', true),
              ('b', -2147483648, -9223372036854775808, 'Infinity'::DOUBLE, -99999999999999999999999999.999999999999::DECIMAL(38,12), TIMESTAMPTZ '1970-01-01 00:00:00.000001+00', DATE '0001-01-01', false),
              ('c', NULL, NULL, '-Infinity'::DOUBLE, NULL, NULL, NULL, NULL),
              ('d', 0, 0, 0.1::DOUBLE, 0.000000000001::DECIMAL(38,12), TIMESTAMPTZ '9999-12-31 23:59:59.999999+00', DATE '9999-12-31', NULL))
            AS v(id, i, l, d, m, ts, dt, b)
            """);

        var (bronze, silver) = await RunAsync(Table("""
            - { name: id, type: string }
                  - { name: i, type: int }
                  - { name: l, type: long }
                  - { name: d, type: double }
                  - { name: m, type: "decimal(38,12)" }
                  - { name: ts, type: timestamp }
                  - { name: dt, type: date }
                  - { name: b, type: boolean }
            """), file);

        const string columns = "id, CAST(i AS VARCHAR), CAST(l AS VARCHAR), CAST(d AS VARCHAR), CAST(m AS VARCHAR), CAST(ts AS VARCHAR), CAST(dt AS VARCHAR), CAST(b AS VARCHAR)";
        var rows = _lake.Query(Bronze, $"SELECT {columns}, _malformed, CAST(_record_number AS VARCHAR) FROM t ORDER BY id");
        Assert.Equal(
            [
                ["a", "1", "9223372036854775807", "nan", "12345678901234567890123456.123456789012", "2024-02-29 23:59:59.123456+00", "2024-02-29", "true", "NULL", "1"],
                ["b", "-2147483648", "-9223372036854775808", "inf", "-99999999999999999999999999.999999999999", "1970-01-01 00:00:00.000001+00", "0001-01-01", "false", "NULL", "2"],
                ["c", "NULL", "NULL", "-inf", "NULL", "NULL", "NULL", "NULL", "NULL", "3"],
                ["d", "0", "0", "0.1", "0.000000000001", "9999-12-31 23:59:59.999999+00", "9999-12-31", "NULL", "NULL", "4"],
            ],
            rows);
        Assert.Equal(ReadRaw(file, $"SELECT {columns} FROM t ORDER BY id"), [.. rows.Select(r => r[..^2])]);
        Assert.Equal((4, 0), (bronze.RowsRead, bronze.Malformed));
        Assert.True(silver.Reconciles);
        Assert.Equal(4, silver.RowsWritten);
    }

    [Fact]
    public async Task RunBronze_ColumnsOfOtherTypes_ConvertExactlyOrMarkTheRowMalformed()
    {
        var file = WriteParquet("typed/a.parquet", """
            SELECT * FROM (VALUES
              ('r1', 1, 12345678.91::DECIMAL(10,2), 1.5::DOUBLE, 7::BIGINT, TIMESTAMP '2024-01-01 10:00:00.123456', TIMESTAMP_NS '2024-01-01 00:00:00.123456', '42'),
              ('r2', 2, 0.01::DECIMAL(10,2), 1.005::DOUBLE, 8::BIGINT, NULL, NULL, '43'),
              ('r3', 3, -1.00::DECIMAL(10,2), 2.25::DOUBLE, 2147483648::BIGINT, NULL, NULL, '44'),
              ('r4', 4, NULL, NULL, NULL, NULL, TIMESTAMP_NS '2024-01-01 00:00:00.123456789', NULL),
              ('r5', 5, NULL, 0.30000000000000004::DOUBLE, NULL, NULL, NULL, '4x'))
            AS v(id, a, b, c, e, f, g, h)
            """);

        var (bronze, silver) = await RunAsync(Table("""
            - { name: id, type: string }
                  - { name: a, type: long }
                  - { name: b, type: "decimal(18,2)" }
                  - { name: c, type: "decimal(18,2)" }
                  - { name: e, type: int }
                  - { name: f, type: timestamp }
                  - { name: g, type: timestamp }
                  - { name: h, type: int }
            """), file);

        var rows = _lake.Query(Bronze, "SELECT id, CAST(a AS VARCHAR), CAST(b AS VARCHAR), CAST(c AS VARCHAR), CAST(e AS VARCHAR), CAST(f AS VARCHAR), CAST(g AS VARCHAR), CAST(h AS VARCHAR), _malformed, _raw FROM t ORDER BY id");
        Assert.Equal(["r1", "1", "12345678.91", "1.50", "7", "2024-01-01 10:00:00.123456+00", "2024-01-01 00:00:00.123456+00", "42", "NULL", "NULL"], rows[0]);
        Assert.Equal("column `c` does not cast to decimal(18,2): 1.005 (a DOUBLE in the file, not exactly a decimal(18,2))", rows[1][8]);
        Assert.Equal("column `e` does not cast to int: 2147483648 (a BIGINT in the file, not exactly a int)", rows[2][8]);
        Assert.StartsWith("column `g` does not cast to timestamp: 2024-01-01 00:00:00.123456789", rows[3][8], StringComparison.Ordinal);
        Assert.Equal("column `c` does not cast to decimal(18,2): 0.30000000000000004 (a DOUBLE in the file, not exactly a decimal(18,2)); column `h` does not cast to int: 4x", rows[4][8]);
        Assert.Contains("\"c\":1.005", rows[1][9], StringComparison.Ordinal);
        Assert.Contains("\"h\":\"4x\"", rows[4][9], StringComparison.Ordinal);
        Assert.Equal((5, 4), (bronze.RowsRead, bronze.Malformed));
        Assert.True(silver.Reconciles);
        Assert.Equal((1, 4), (silver.RowsWritten, silver.Quarantined));
        Assert.Equal(4, _lake.Count(new LakeLayout("typed", "t", "v1").Quarantine, "list_contains(_rule_failures, 'malformed')"));
    }

    [Fact]
    public async Task RunBronze_FilesWithDifferentSchemas_ReadsColumnsByNameAndNumbersRecordsAcrossFiles()
    {
        var first = WriteParquet("typed/a.parquet", "SELECT * FROM (VALUES ('x1', 1.10::DECIMAL(18,2)), ('x2', 2.20::DECIMAL(18,2))) AS v(id, amount)");
        var second = WriteParquet("typed/b.parquet", "SELECT * FROM (VALUES (3.3::DOUBLE, 'n', 'y1'), (4.125::DOUBLE, 'n', 'y2')) AS v(amount, note, id)");
        var third = WriteParquet("typed/c.parquet", "SELECT 'z1' AS id");

        var (bronze, silver) = await RunAsync(Table("""
            - { name: id, type: string }
                  - { name: amount, type: "decimal(18,2)" }
            """), first, second, third);

        var rows = _lake.Query(Bronze, "SELECT id, CAST(amount AS VARCHAR), _source_file, CAST(_record_number AS VARCHAR), _malformed IS NULL FROM t ORDER BY _record_number");
        Assert.Equal(
            [
                ["x1", "1.10", "typed/a.parquet", "1", "True"],
                ["x2", "2.20", "typed/a.parquet", "2", "True"],
                ["y1", "3.30", "typed/b.parquet", "3", "True"],
                ["y2", "NULL", "typed/b.parquet", "4", "False"],
                ["z1", "NULL", "typed/c.parquet", "5", "True"],
            ],
            rows);
        Assert.Equal((5, 1), (bronze.RowsRead, bronze.Malformed));
        Assert.True(silver.Reconciles);
    }

    [Fact]
    public async Task RunBronze_ParquetTable_ExecutesTheListedStatementsInOrder()
    {
        var file = WriteParquet("typed/a.parquet", "SELECT 'x1' AS id, 1.10::DECIMAL(18,2) AS amount");
        var (plan, run, _) = await BronzeAsync(Table("""
            - { name: id, type: string }
                  - { name: amount, type: "decimal(18,2)" }
            """), [file]);

        var listed = new BronzeScript(plan, RunValues.Of(run), _lake.RawRoot, _lake.LakeRoot).Listing([file]);

        Assert.Equal(ScriptListing.Statements(listed), [.. _executed.Where(s => !s.StartsWith("SET ", StringComparison.Ordinal)).Select(ScriptListing.WithoutFileIds)]);
        Assert.Contains("file_row_number = true", listed[2], StringComparison.Ordinal);
        Assert.DoesNotContain(RawRecordsReader.Table, string.Join("\n", listed), StringComparison.Ordinal);
    }

    private static string Bronze => new LakeLayout("typed", "t", "v1").Bronze;

    private static string Table(string columns) => $$"""
        dataset: typed
        tables:
          - name: t
            source: { path: typed/*.parquet, format: parquet }
            columns:
              {{columns}}
        """;

    /// <summary>Bronze and silver of the dataset's one table over <paramref name="files"/>.</summary>
    private async Task<(LayerResult Bronze, LayerResult Silver)> RunAsync(string yaml, params string[] files)
    {
        var (plan, run, bronze) = await BronzeAsync(yaml, files);
        return (bronze, await Engine().RunSilverAsync(plan, run));
    }

    private async Task<(TablePlan Plan, RunContext Run, LayerResult Bronze)> BronzeAsync(string yaml, IReadOnlyList<string> files)
    {
        var dataset = ConfigLoader.LoadDataset(_lake.WriteDataset("typed", yaml));
        var plan = PlanCompiler.Compile(dataset, dataset.Tables.Single());
        var run = new RunContext(RunKey, Now);
        return (plan, run, await Engine().RunBronzeAsync(plan, run, files, _lake.RawRoot));
    }

    private DuckDbEngine Engine() => new(
        new DuckDbSpec("1GB", _lake.EngineTempDirectory, Threads: 2),
        new DuckDbTables(_lake.LakeRoot, _lake.Store, new FakeTimeProvider(Now)),
        _executed.Add);

    /// <summary>Writes <paramref name="select"/>'s rows as a Parquet raw file, with DuckDB's types for them.</summary>
    private string WriteParquet(string relativePath, string select)
    {
        var path = Path.Combine(_lake.RawRoot, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Execute($"COPY ({select}) TO '{path}' (FORMAT parquet)");
        return path;
    }

    /// <summary>A query over a raw Parquet file (the view <c>t</c>), each value as text.</summary>
    private static IReadOnlyList<string[]> ReadRaw(string file, string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"WITH t AS (SELECT * FROM read_parquet('{file}')) {sql}";
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : reader.GetString(i))]);
        }

        return rows;
    }

    private static void Execute(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SET TimeZone = 'UTC'";
        command.ExecuteNonQuery();
        return connection;
    }
}
