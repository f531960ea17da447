using System.Text.Json.Nodes;
using Medallion.Testing;
using Medallion.Testing.Moto;

namespace Medallion.Cli.Tests;

/// <summary>
/// <c>medallion run/validate/promote/rollback/runs</c> end to end, on a local lake (<see cref="Local"/>)
/// and with <c>lake_root: s3://bucket/lake</c> on moto and a local raw root (<see cref="OnS3"/>).
/// </summary>
public abstract class GateCommandsTests(TestLake lake) : IDisposable
{
    private readonly TestLake _lake = lake;

    public void Dispose()
    {
        _lake.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Run_Default_ValidatesAndPromotesToCurrent()
    {
        SalesDataset.WriteTo(_lake);
        SalesDataset.WriteRaw(_lake, "a,1.00,2024-01-05", "b,2.00,2024-02-05");

        var (exitCode, output, error) = await Cli("run", "sales", "--run-key", "r1");

        Assert.True(exitCode == 0, error);
        Assert.Contains("validation of run r1: sales.orders — passed", output, StringComparison.Ordinal);
        Assert.Contains("promote sales.orders: run r1 → current/ version 0", output, StringComparison.Ordinal);
        Assert.Equal(["a:1.00:r1", "b:2.00:r1"], SalesDataset.CurrentRows(_lake));
    }

    [Fact]
    public async Task Run_ValidationFails_ExitsOneNamingTheCheckAndLeavesCurrentUntouched()
    {
        SalesDataset.WriteTo(_lake, "min_rows: 3");
        SalesDataset.WriteRaw(_lake, "a,1.00,2024-01-05");

        var (exitCode, _, error) = await Cli("run", "sales", "--run-key", "r1");

        Assert.Equal(1, exitCode);
        Assert.Contains("run r1 failed validation: min_rows: 1 silver row(s); at least 3 required", error, StringComparison.Ordinal);
        Assert.Empty(_lake.List(SalesDataset.Current + "/"));
    }

    [Fact]
    public async Task WalkThrough_NoPromoteThenValidatePromoteRunsAndRollback_BehaveAsTheReadmeSays()
    {
        SalesDataset.WriteTo(_lake);
        SalesDataset.WriteRaw(_lake, "a,1.00,2024-01-05");
        Assert.Equal(0, (await Cli("run", "sales", "--run-key", "r1")).ExitCode);
        SalesDataset.WriteRaw(_lake, "a,7.00,2024-01-05");

        Assert.Equal(0, (await Cli("run", "sales", "--run-key", "r2", "--no-promote")).ExitCode);
        Assert.Equal(["a:1.00:r1"], SalesDataset.CurrentRows(_lake));
        Assert.Equal(0, (await Cli("validate", "sales", "--run-key", "r2")).ExitCode);
        var promote = await Cli("promote", "sales");
        Assert.Contains("run r2 → current/ version 1", promote.Output, StringComparison.Ordinal);
        Assert.Equal(["a:7.00:r2"], SalesDataset.CurrentRows(_lake));

        var runs = await Cli("runs", "sales", "--json");
        Assert.Equal(
            [("r2", "promoted"), ("r1", "superseded")],
            JsonNode.Parse(runs.Output)!.AsArray().Select(r => ((string?)r!["runKey"], (string?)r["status"])));

        var rollback = await Cli("rollback", "sales");
        Assert.Equal(0, rollback.ExitCode);
        Assert.Contains("restores run r1 (version 0); rolled back run r2", rollback.Output, StringComparison.Ordinal);
        Assert.Equal(["a:1.00:r1"], SalesDataset.CurrentRows(_lake));
        Assert.Contains("rolled_back", (await Cli("runs", "sales")).Output, StringComparison.Ordinal);
        Assert.Empty(_lake.LeftoverStagingFolders());
    }

    [Fact]
    public async Task Validate_FailingCheck_ExitsOneNamingIt()
    {
        SalesDataset.WriteTo(_lake, "max_quarantine_ratio: 0.1");
        SalesDataset.WriteRaw(_lake, "a,1.00,2024-01-05", ",2.00,2024-01-06");
        await Cli("run", "sales", "--run-key", "r1", "--no-promote");

        var (exitCode, output, error) = await Cli("validate", "sales", "--run-key", "r1");

        Assert.Equal(1, exitCode);
        Assert.Contains("max_quarantine_ratio", output, StringComparison.Ordinal);
        Assert.Contains("failed validation: max_quarantine_ratio: 1 of 2 rows quarantined", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate", "--run-key", "../x")]
    [InlineData("promote", "--run-key", "a b")]
    [InlineData("rollback", "--to", "..")]
    public async Task GateCommands_HostileRunKey_ExitTwo(string command, string option, string key)
    {
        SalesDataset.WriteTo(_lake);

        var (exitCode, _, error) = await Cli(command, "sales", option, key);

        Assert.Equal(2, exitCode);
        Assert.Contains("is not allowed", error, StringComparison.Ordinal);
        Assert.Empty(_lake.List("silver/"));
    }

    [Theory]
    [InlineData("mortgage_transactions")]
    [InlineData("wordpress_api")]
    public async Task Run_Samples_PassTheirValidationBlocksAndPromote(string dataset)
    {
        File.Copy(Path.Combine(RepositoryPaths.Conf, "datasets", dataset + ".yaml"), Path.Combine(_lake.DatasetsDirectory, dataset + ".yaml"));
        CopyFolder(Path.Combine(RepositoryPaths.Samples, dataset), Path.Combine(_lake.RawRoot, dataset));

        var (exitCode, output, error) = await Cli("run", dataset, "--run-key", "s1");

        Assert.True(exitCode == 0, error);
        Assert.DoesNotContain("FAILED", output, StringComparison.Ordinal);
        Assert.Contains("→ current/ version 0", output, StringComparison.Ordinal);
    }

    protected TestLake Lake => _lake;

    protected Task<(int ExitCode, string Output, string Error)> Cli(params string[] args) =>
        CliRunner.RunAsync([.. args, "--conf", _lake.ConfDirectory]);

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>A lake in a local folder.</summary>
    public sealed class Local() : GateCommandsTests(new TestLake());

    /// <summary>The lake in a moto bucket, the raw files local.</summary>
    [Collection(MotoCollection.Name)]
    public sealed class OnS3(MotoServer moto) : GateCommandsTests(TestLake.OnS3(moto, rawOnS3: false))
    {
        [Fact]
        public async Task TableInspect_CurrentOnS3AfterRun_ReportsThePromotedRows()
        {
            SalesDataset.WriteTo(Lake);
            SalesDataset.WriteRaw(Lake, "a,1.00,2024-01-05", "b,2.00,2024-02-05");
            Assert.Equal(0, (await Cli("run", "sales", "--run-key", "r1")).ExitCode);

            var inspect = await CliRunner.RunAsync(
                ["table", "inspect", $"{Lake.LakeUri}/{SalesDataset.Current}", "--json", "--region", MotoServer.Region, "--endpoint-url", moto.Endpoint.ToString()]);

            Assert.True(inspect.ExitCode == 0, inspect.Error);
            var report = JsonNode.Parse(inspect.Output)!;
            Assert.Equal(2, report["numRecords"]!.GetValue<long>());
            Assert.Equal($"{Lake.LakeUri}/{SalesDataset.Current}", report["location"]!.GetValue<string>());
        }
    }
}
