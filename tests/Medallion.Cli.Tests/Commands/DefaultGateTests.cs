using Medallion.Testing;

namespace Medallion.Cli.Tests.Commands;

/// <summary>
/// Issue 12, item 3: a table without a <c>validation:</c> block promoted a run whose every row was
/// quarantined, replacing <c>current/</c> with 0 rows and exiting 0. Now it has the default gate
/// (<c>min_rows: 1</c>, <c>max_quarantine_ratio: 0.5</c>), and <c>validation: none</c> opts out on purpose.
/// </summary>
public sealed class DefaultGateTests : IDisposable
{
    private const string Current = "silver/shop/orders/schema_v=1/current";

    private readonly TestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public async Task Run_NoValidationBlockAndEveryRowQuarantined_ExitsOneNamingTheChecksAndKeepsCurrent()
    {
        WriteShop(validation: null);
        _lake.WriteRaw("shop/orders.csv", "id,amount\na,1\nb,2\n");
        var first = await Cli("run", "shop", "--run-key", "r1");
        _lake.WriteRaw("shop/orders.csv", "id,amount\na,one\nb,two\nc,three\n");

        var (exitCode, _, error) = await Cli("run", "shop", "--run-key", "r2");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal(1, exitCode);
        Assert.Contains("run r2 failed validation", error, StringComparison.Ordinal);
        Assert.Contains("max_quarantine_ratio: 3 of 3 rows quarantined (100.00 %; limit 50.00 %)", error, StringComparison.Ordinal);
        Assert.Contains("min_rows: 0 silver row(s); at least 1 required", error, StringComparison.Ordinal);
        Assert.Equal(["a:1:r1", "b:2:r1"], CurrentRows());
    }

    [Fact]
    public async Task Run_NoValidationBlockAndHalfTheRowsQuarantined_Promotes()
    {
        WriteShop(validation: null);
        _lake.WriteRaw("shop/orders.csv", "id,amount\na,1\nb,two\n");

        var (exitCode, output, error) = await Cli("run", "shop", "--run-key", "r1");

        Assert.True(exitCode == 0, error);
        Assert.Contains("validation of run r1: shop.orders — passed", output, StringComparison.Ordinal);
        Assert.Equal(["a:1:r1"], CurrentRows());
    }

    [Fact]
    public async Task Run_ValidationNoneAndEveryRowQuarantined_PromotesAsTheTableAsked()
    {
        WriteShop(validation: "none");
        _lake.WriteRaw("shop/orders.csv", "id,amount\na,1\n");
        Assert.Equal(0, (await Cli("run", "shop", "--run-key", "r1")).ExitCode);
        _lake.WriteRaw("shop/orders.csv", "id,amount\na,one\n");

        var (exitCode, output, error) = await Cli("run", "shop", "--run-key", "r2");

        Assert.True(exitCode == 0, error);
        Assert.Contains("validation of run r2: shop.orders — passed", output, StringComparison.Ordinal);
        var report = _lake.ReadText("silver/shop/orders/schema_v=1/runs/run_key=r2/_validation.json");
        Assert.Contains("(validation: none)", report, StringComparison.Ordinal);
        Assert.Empty(CurrentRows());
    }

    private void WriteShop(string? validation) => _lake.WriteDataset("shop", $$"""
        dataset: shop
        tables:
          - name: orders
            source: { path: shop/*.csv, format: csv }
            columns:
              - { name: id, type: string }
              - { name: amount, type: string }
            transforms:
              - cast: { amount: long }
            ingestion: full
            promotion: replace_all
        {{(validation is null ? "" : $"    validation: {validation}")}}
        """);

    private IReadOnlyList<string> CurrentRows() =>
        [.. _lake.Query(Current, "SELECT id || ':' || CAST(amount AS VARCHAR) || ':' || _run_key FROM t ORDER BY 1").Select(r => r[0])];

    private Task<(int ExitCode, string Output, string Error)> Cli(params string[] args) =>
        CliRunner.RunAsync([.. args, "--conf", _lake.ConfDirectory]);
}
