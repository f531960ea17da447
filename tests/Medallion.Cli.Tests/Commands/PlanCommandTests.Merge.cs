namespace Medallion.Cli.Tests.Commands;

/// <summary>What <c>medallion plan</c> says about a merge promotion.</summary>
public sealed partial class PlanCommandTests
{
    [Fact]
    public async Task Plan_MergeTable_PrintsWhatTheMergePromotionRuns()
    {
        _lake.WriteDataset("shop", """
            dataset: shop
            tables:
              - name: customers
                source: { path: shop/*.csv, format: csv }
                columns: [{ name: id, type: long }, { name: version, type: long }, { name: op, type: string }]
                primary_key: [id]
                promotion: { mode: merge, order_by: version, delete_when: "op = 'D'" }
            """);

        var (exitCode, output, error) = await CliRunner.RunAsync("plan", "shop", "--conf", _lake.ConfDirectory);

        Assert.Equal((0, ""), (exitCode, error));
        var merge = output[output.IndexOf("-- ===== shop.customers: promotion (merge, embedded DuckDB) =====", StringComparison.Ordinal)..];
        Assert.Contains("-- merge by (id): of two rows with one key the newer wins (the larger `version`, then the run's row over current/'s, then the later raw file); a winning row where op = 'D' deletes its key", merge, StringComparison.Ordinal);
        Assert.Contains("SEMI JOIN merge_run_keys k ON k.\"id\" >= b.lo_0 AND k.\"id\" <= b.hi_0", merge, StringComparison.Ordinal);
        Assert.Contains("ORDER BY \"version\" DESC NULLS LAST, __origin DESC", merge, StringComparison.Ordinal);
        Assert.Contains("coalesce((op = 'D'), false)", merge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_ReplacePartitionsTable_PrintsNoPromotionSection()
    {
        var (_, output, _) = await CliRunner.RunAsync("plan", "blog", "--conf", _lake.ConfDirectory);

        Assert.DoesNotContain("promotion (merge", output, StringComparison.Ordinal);
    }
}
