using System.Security.Cryptography;
using System.Text;
using Medallion.Jobs.Config;
using Medallion.Jobs.Config.Transforms;
using Medallion.Jobs.Plan;
using Medallion.Jobs.Sql;
using Medallion.Jobs.Tests.Engine;
using Medallion.Testing;

namespace Medallion.Jobs.Tests.Config.Transforms;

public sealed class HashTransformTests : IDisposable
{
    private const string Yaml = """
        dataset: customers
        tables:
          - name: customers
            source: { path: customers/*.csv, format: csv }
            columns:
              - { name: id, type: string }
              - { name: customer, type: string }
              - { name: email, type: string }
            transforms:
              - hash: [customer, email]
        """;

    private readonly TestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public void LoadDataset_HashList_ReadsTheColumns()
    {
        var path = _lake.WriteDataset("customers", Yaml);

        var sut = Assert.Single(ConfigLoader.LoadDataset(path).Tables[0].Transforms);

        Assert.Equivalent(new HashTransform(["customer", "email"], new SourceLocation(path, 10, 9)), sut, strict: true);
        Assert.Equal("hash", sut.Kind);
    }

    [Theory]
    [InlineData("duckdb", "sha256(\"customer\") AS \"customer\"")]
    [InlineData("spark", "sha2(`customer`, 256) AS `customer`")]
    public void Render_EachDialect_HashesWithItsSha256Function(string dialect, string expected)
    {
        var path = _lake.WriteDataset("customers", Yaml);
        var dataset = ConfigLoader.LoadDataset(path);
        var sut = new SilverSqlRenderer(dialect == "spark" ? SparkDialect.Instance : DuckDbDialect.Instance);

        var query = sut.Render(PlanCompiler.Compile(dataset, dataset.Tables[0]), "bronze_input");

        Assert.Contains(expected, query.Sql, StringComparison.Ordinal);
    }

    /// <summary>
    /// The DuckDB engine writes what Spark's <c>sha2(x, 256)</c> returns: the values for Alice and Bob
    /// are the ones in Spark's documentation of <c>sha2</c>; the others are .NET's SHA-256 of the UTF-8 bytes.
    /// </summary>
    [Fact]
    public async Task RunSilver_DuckDbEngine_WritesTheSha256HexSparkWrites()
    {
        var silver = await DuckDbTableRun.RunAsync(_lake, Yaml, "customers/day1.csv",
            "id,customer,email\n" +
            "1,Alice,alice@example.com\n" +
            "2,Bob,\n" +                    // an empty field is null, and stays null
            "3,Zoë Ümit,zoë@example.com\n");

        Assert.True(silver.Reconciles);
        Assert.Equal(3, silver.RowsWritten);
        Assert.Equal(
            [
                ["1", "3bc51062973c458d5a6f2d8d64a023246354ad7e064b1e4e009ec8a0699a3043", Sha256("alice@example.com")],
                ["2", "cd9fb1e148ccd8442e5aa74904cc73bf6fb54d1d54d333bd596aa9bb4bb4e961", "NULL"],
                ["3", Sha256("Zoë Ümit"), Sha256("zoë@example.com")],
            ],
            _lake.Query(DuckDbTableRun.SilverRun("customers", "customers"), "SELECT id, customer, email FROM t ORDER BY id"));
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
