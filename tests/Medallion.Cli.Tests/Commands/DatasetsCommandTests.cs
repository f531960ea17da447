using Medallion.Testing;

namespace Medallion.Cli.Tests.Commands;

/// <summary>
/// `medallion datasets` checks everything `run` would refuse later, and `run` refuses it before
/// writing anything (issue 16, Why 2 and 8; issue 12: SQL checked before anything runs).
/// </summary>
public sealed class DatasetsCommandTests : IDisposable
{
    private readonly TestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Theory]
    [InlineData("derive: { column: leak, type: string, expression: \"(SELECT string_agg(column0, '|') FROM read_csv('/etc/passwd'))\" }", "table function `read_csv`")]
    [InlineData("filter: \"amount > 0) FROM t; COPY (SELECT 'x') TO '/tmp/medallion-pwned.csv'; SELECT (1\"", "several statements")]
    [InlineData("derive: { column: net, type: long, expression: \"amount +* 2\" }", "Scalar Function with name +* does not exist")]
    public async Task DatasetsAndRun_HostileOrBrokenFragment_ExitTwoWithPositionAndWriteNothing(string transform, string expected)
    {
        var path = _lake.WriteDataset("shop", $$"""
            dataset: shop
            tables:
              - name: orders
                source: { path: shop/*.csv, format: csv }
                columns: [{ name: id, type: string }, { name: amount, type: long }]
                transforms:
                  - {{transform}}
            """);
        _lake.WriteRaw("shop/orders.csv", "id,amount\na1,1\n");

        foreach (var args in new[] { new[] { "datasets" }, ["run", "shop", "--run-key", "r1"] })
        {
            var (exitCode, _, error) = await CliRunner.RunAsync([.. args, "--conf", _lake.ConfDirectory]);

            Assert.Equal(2, exitCode);
            Assert.Contains($"{path}:7:", error, StringComparison.Ordinal);
            Assert.Contains(expected, error, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(_lake.LakeRoot) && Directory.EnumerateFileSystemEntries(_lake.LakeRoot).Any());
        Assert.False(File.Exists("/tmp/medallion-pwned.csv"));
    }

    [Fact]
    public async Task Datasets_SourcePathOutsideTheRawRoot_ExitsTwo()
    {
        var path = _lake.WriteDataset("shop", """
            dataset: shop
            tables:
              - name: orders
                source: { path: ../../etc/*, format: csv }
                columns: [{ name: id, type: string }]
            """);

        var (exitCode, _, error) = await CliRunner.RunAsync("datasets", "--conf", _lake.ConfDirectory);

        Assert.Equal(2, exitCode);
        Assert.Contains($"{path}:4:21: `path` must be a glob relative to the environment's raw root", error, StringComparison.Ordinal);
    }
}
