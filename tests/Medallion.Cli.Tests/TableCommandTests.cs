using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using Medallion.Testing;

namespace Medallion.Cli.Tests;

/// <summary><c>medallion table inspect/history</c> on the conformance tables other Delta writers produced.</summary>
public sealed class TableCommandTests
{
    private static readonly string Conformance = RepositoryPaths.SharedFolder("delta-conformance");

    /// <summary>Every golden table that has an <c>expected/</c> folder (the log-only <c>checkpoint</c> table has none).</summary>
    public static TheoryData<string> GoldenTables => new(
        Directory.GetDirectories(Path.Combine(Conformance, "golden"))
            .Where(table => Directory.Exists(Path.Combine(table, "expected")))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .ToArray()!);

    [Theory]
    [MemberData(nameof(GoldenTables))]
    public async Task Inspect_GoldenTable_PrintsTheRecordCountOfTheExpectedRows(string table)
    {
        var expected = CountExpectedRows(Path.Combine(Conformance, "golden", table, "expected"));

        var (exitCode, output, error) = await CliRunner.RunAsync("table", "inspect", Path.Combine(Conformance, "golden", table, "delta"), "--json");

        Assert.True(exitCode == 0, error);
        var report = JsonNode.Parse(output)!;
        Assert.Equal(expected, report["numRecords"]!.GetValue<long>());
        Assert.True(report["numFiles"]!.GetValue<int>() >= (expected > 0 ? 1 : 0));
        Assert.NotNull(report["sizeInBytes"]);
        Assert.NotEmpty(report["schema"]!.AsArray());
        Assert.NotNull(report["partitionColumns"]);
        Assert.NotNull(report["version"]);
    }

    [Fact]
    public async Task Inspect_DeletionVectorTable_ExitsOneSayingItCannotReadDeletionVectors()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("table", "inspect", Path.Combine(Conformance, "tables", "table-with-dv-small"));

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.Contains("cannot read", error, StringComparison.Ordinal);
        Assert.Contains("deletion vectors", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_ColumnMappingTable_ExitsOneNamingColumnMapping()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("table", "inspect", Path.Combine(Conformance, "tables", "table_with_column_mapping"));

        Assert.Equal(1, exitCode);
        Assert.Contains("column mapping", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_TextAtAnOlderVersion_PrintsVersionProtocolPartitionsAndSchema()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("table", "inspect", Path.Combine(Conformance, "golden", "basic-with-inserts-overwrite-restore", "delta"), "--version", "1");

        Assert.Equal(0, exitCode);
        Assert.Contains("version:      1", output, StringComparison.Ordinal);
        Assert.Contains("protocol:     reader 1, writer 2", output, StringComparison.Ordinal);
        Assert.Contains("records:      200", output, StringComparison.Ordinal);
        Assert.Contains("partitioned:  no", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_LogOnlyTableWithoutStats_ReportsTheRecordCountAsUnknown()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("table", "inspect", Path.Combine(Conformance, "golden", "checkpoint", "delta"));

        Assert.Equal(0, exitCode);
        Assert.Contains("records:      unknown (1 file(s) without stats are missing: 15)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_SparkTable_PrintsOneLinePerVersionWithOperationTimeAndMetrics()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("table", "history", Path.Combine(Conformance, "golden", "basic-with-inserts-overwrite-restore", "delta"));

        var lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, exitCode);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("      3  2023-10-18T00:24:51.204Z  RESTORE", lines[4], StringComparison.Ordinal);
        Assert.Contains("numOutputRows=500", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_NoTable_ExitsOne()
    {
        using var empty = new TempDirectory();

        var (exitCode, _, error) = await CliRunner.RunAsync("table", "history", empty.Path);

        Assert.Equal(1, exitCode);
        Assert.Contains("no commits", error, StringComparison.Ordinal);
    }

    private static long CountExpectedRows(string folder)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM read_parquet('{Path.Combine(folder, "*.parquet").Replace("'", "''", StringComparison.Ordinal)}')";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
