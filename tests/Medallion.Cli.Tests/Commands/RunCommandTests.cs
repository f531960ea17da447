using System.Text.Json;
using Medallion.Testing;

namespace Medallion.Cli.Tests.Commands;

/// <summary><c>medallion run</c>: the JSON summary, the empty-input guard, the warn column, and generated samples as input.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly TestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public async Task Run_Json_PrintsOneParsableSummaryWhoseCountsReconcile()
    {
        MortgageSample.WriteTo(_lake);

        var (exitCode, output, error) = await CliRunner.RunAsync("run", MortgageSample.Dataset, "--run-key", "r1", "--json", "--conf", _lake.ConfDirectory);

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(("r1", MortgageSample.Dataset, true), (root.GetProperty("runKey").GetString(), root.GetProperty("dataset").GetString(), root.GetProperty("succeeded").GetBoolean()));
        var table = Assert.Single(root.GetProperty("tables").EnumerateArray().ToList());
        var silver = table.GetProperty("silver");
        Assert.Equal(MortgageSample.RowsRead, table.GetProperty("bronze").GetProperty("rowsRead").GetInt64());
        Assert.Equal(
            (MortgageSample.RowsRead, MortgageSample.RowsRead - MortgageSample.Quarantined, MortgageSample.Quarantined),
            (silver.GetProperty("rowsRead").GetInt64(), silver.GetProperty("rowsWritten").GetInt64(), silver.GetProperty("quarantined").GetInt64()));
        Assert.Equal(13, silver.GetProperty("quarantineRules").GetProperty("accepted_values_currency").GetInt64());
        Assert.True(table.GetProperty("validation").GetProperty("passed").GetBoolean());
        Assert.Equal(0, table.GetProperty("promotion").GetProperty("currentVersion").GetInt64());
        // Progress stays on standard error as plain lines, so standard output is only the JSON.
        Assert.Contains("mortgage_transactions.transactions: bronze done, 1,500 row(s) read", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoTableMatchesAnyRawFile_ExitsOneWritingNothing()
    {
        MortgageSample.WriteTo(_lake, withRaw: false);
        _lake.WriteRaw("transactions.csv", "transaction_id\nx\n");

        var (exitCode, _, error) = await CliRunner.RunAsync("run", MortgageSample.Dataset, "--conf", _lake.ConfDirectory);

        Assert.Equal(1, exitCode);
        Assert.Contains("No raw file matches any table of mortgage_transactions", error, StringComparison.Ordinal);
        Assert.Contains("--allow-empty", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_lake.LakeRoot));
    }

    [Fact]
    public async Task Run_NoRawFileWithAllowEmpty_RunsZeroRows()
    {
        MortgageSample.WriteTo(_lake, withRaw: false);

        var (_, output, error) = await CliRunner.RunAsync("run", MortgageSample.Dataset, "--allow-empty", "--no-promote", "--json", "--conf", _lake.ConfDirectory);

        using var json = JsonDocument.Parse(output);
        var table = json.RootElement.GetProperty("tables")[0];
        Assert.True(table.GetProperty("error").ValueKind == JsonValueKind.Null, error);
        Assert.Equal(0, table.GetProperty("bronze").GetProperty("rowsRead").GetInt64());
    }

    [Fact]
    public async Task SampleGenerateThenRun_SameFolder_ProcessesEveryGeneratedRecord()
    {
        MortgageSample.WriteTo(_lake, withRaw: false);
        var generated = Path.Combine(_lake.Root, "gen");

        var generate = await CliRunner.RunAsync("sample", "generate", MortgageSample.Dataset, "--rows", "1000", "--out", generated);
        var (exitCode, output, error) = await CliRunner.RunAsync(
            "run", MortgageSample.Dataset, "--input", generated, "--no-promote", "--json", "--conf", _lake.ConfDirectory);

        Assert.True(generate.ExitCode == 0, generate.Error);
        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        var table = json.RootElement.GetProperty("tables")[0];
        Assert.Equal(1000, table.GetProperty("bronze").GetProperty("rowsRead").GetInt64());
        Assert.Equal(1000, table.GetProperty("silver").GetProperty("rowsRead").GetInt64());
    }

    [Fact]
    public async Task Run_WarnRuleBroken_CountsItUnderWarningsNotQuarantine()
    {
        _lake.WriteDataset("shop", """
            dataset: shop
            tables:
              - name: orders
                source: { path: shop/*.csv, format: csv }
                columns:
                  - { name: id, type: string }
                  - { name: note, type: string }
                rules:
                  - not_null: { column: note }
                    severity: warn
                  - not_null: { column: id }
            """);
        _lake.WriteRaw("shop/1.csv", "id,note\na,x\nb,\n,y\n");

        var (exitCode, output, error) = await CliRunner.RunAsync("run", "shop", "--run-key", "r1", "--no-promote", "--conf", _lake.ConfDirectory);
        // The same file again: without --reprocess an incremental run would find nothing new.
        var json = await CliRunner.RunAsync("run", "shop", "--run-key", "r2", "--reprocess", "--no-promote", "--json", "--conf", _lake.ConfDirectory);

        Assert.True(exitCode == 0, error);
        var silverRow = output.Split('\n').Single(l => l.Contains("│ silver", StringComparison.Ordinal)).Split('│').Select(c => c.Trim()).ToList();
        // table, layer, read, written, quarantined, warnings
        Assert.Equal(["orders", "silver", "3", "2", "1", "1"], silverRow.Skip(1).Take(6));
        var warnings = output.IndexOf("  warnings    (rows kept in silver)", StringComparison.Ordinal);
        Assert.True(warnings > output.IndexOf("not_null_id: 1 row(s)", StringComparison.Ordinal), output);
        Assert.True(output.IndexOf("not_null_note: 1 row(s)", StringComparison.Ordinal) > warnings, output);
        using var summary = JsonDocument.Parse(json.Output);
        var silver = summary.RootElement.GetProperty("tables")[0].GetProperty("silver");
        Assert.Equal(1, silver.GetProperty("warnRules").GetProperty("not_null_note").GetInt64());
        Assert.False(silver.GetProperty("quarantineRules").TryGetProperty("not_null_note", out _));
    }

    /// <summary>Regression (issue 18): relative roots resolved against the working directory, so --conf from elsewhere wrote a stray ./lake.</summary>
    [Fact]
    public async Task Run_RelativeRootsInConf_WritesIntoTheProjectNotTheWorkingDirectory()
    {
        var project = Path.Combine(_lake.Root, "project");
        Directory.CreateDirectory(Path.Combine(project, "conf", "datasets"));
        await File.WriteAllTextAsync(Path.Combine(project, "conf", "medallion.yaml"), """
            environments:
              local:
                lake_root: ./lake
                raw_root: ./raw
                duckdb: { temp_directory: ./tmp, memory_limit: 1GB, threads: 2 }
            """);
        await File.WriteAllTextAsync(
            Path.Combine(project, "conf", "datasets", "mortgage_transactions.yaml"),
            await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Conf, "datasets", "mortgage_transactions.yaml")));
        Directory.CreateDirectory(Path.Combine(project, "raw", "mortgage_transactions"));
        File.Copy(Path.Combine(RepositoryPaths.Samples, "mortgage_transactions", "transactions.csv"), Path.Combine(project, "raw", "mortgage_transactions", "transactions.csv"));

        var (exitCode, _, error) = await CliRunner.RunAsync("run", "mortgage_transactions", "--run-key", "r1", "--conf", Path.Combine(project, "conf"));

        Assert.True(exitCode == 0, error);
        Assert.True(File.Exists(Path.Combine(project, "lake", "silver", "mortgage_transactions", "transactions", "_LATEST.json")));
        Assert.False(Directory.Exists(Path.Combine(Environment.CurrentDirectory, "lake", "silver", "mortgage_transactions", "transactions", "schema_v=1", "runs", "run_key=r1")));
    }
}
