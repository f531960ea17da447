using System.Text.Json;
using Medallion.Testing;

namespace Medallion.Samples.Tests;

public sealed class SampleGeneratorTests
{
    [Theory]
    [InlineData("mortgage_transactions", SampleFormat.Default)]
    [InlineData("mortgage_transactions", SampleFormat.Ndjson)]
    [InlineData("wordpress_api", SampleFormat.Default)]
    public void Generate_SameArguments_WritesIdenticalBytes(string dataset, SampleFormat format)
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        SampleGenerator.Generate(dataset, 3_000, first.Path, 0.02, 7, format);
        SampleGenerator.Generate(dataset, 3_000, second.Path, 0.02, 7, format);

        AssertSameFiles(first.Path, second.Path);
    }

    [Theory]
    [InlineData("mortgage_transactions")]
    [InlineData("wordpress_api")]
    public void Generate_DifferentSeed_WritesDifferentData(string dataset)
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        var a = SampleGenerator.Generate(dataset, 500, first.Path, seed: 1);
        SampleGenerator.Generate(dataset, 500, second.Path, seed: 2);

        var main = a.Tables[0].FileName;
        Assert.NotEqual(File.ReadAllBytes(first.Combine(main)), File.ReadAllBytes(second.Combine(main)));
    }

    [Fact]
    public void Generate_MortgageCsv_CountsMatchTheFile()
    {
        using var output = new TempDirectory();

        var result = SampleGenerator.Generate("mortgage_transactions", 20_000, output.Path, 0.05, 3);

        var table = result["transactions"];
        var (rows, kinds) = SampleFileClassifier.ClassifyCsv(output.Combine("transactions.csv"));
        Assert.Equal(20_000, rows);
        Assert.Equal(rows, table.RowsRead);
        Assert.Equal(1_000, table.QuarantinedRows);
        Assert.Equal(NonZero(table.BadRowsWritten), kinds);
        Assert.Equal(8, kinds.Count);
        Assert.Equal(new FileInfo(output.Combine("transactions.csv")).Length, table.Bytes);
        AssertReconciles(table);
    }

    [Fact]
    public void Generate_MortgageNdjson_SameRowsAndCountsAsCsv()
    {
        using var csv = new TempDirectory();
        using var ndjson = new TempDirectory();

        var fromCsv = SampleGenerator.Generate("mortgage_transactions", 5_000, csv.Path, 0.03);
        var fromNdjson = SampleGenerator.Generate("mortgage_transactions", 5_000, ndjson.Path, 0.03, format: SampleFormat.Ndjson);

        var table = fromNdjson["transactions"];
        var (rows, kinds) = SampleFileClassifier.ClassifyNdjson(ndjson.Combine("transactions.ndjson"));
        Assert.Equal("transactions.ndjson", table.FileName);
        Assert.Equal(5_000, rows);
        Assert.Equal(NonZero(table.BadRowsWritten), kinds);
        Assert.Equal(fromCsv["transactions"].RuleFailures, table.RuleFailures);
    }

    [Fact]
    public void Generate_WordPress_CountsMatchTheFiles()
    {
        using var output = new TempDirectory();

        var result = SampleGenerator.Generate("wordpress_api", 2_000, output.Path, 0.03, 5);

        var posts = result["posts"];
        Assert.Equal(NonZero(posts.BadRowsWritten), SampleFileClassifier.ClassifyPosts(output.Combine("posts.json")));
        Assert.Equal(60, posts.BadRowsWritten.Values.Sum());
        foreach (var table in result.Tables)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(output.Combine(table.FileName)));
            Assert.Equal(table.RowsRead, document.RootElement.GetArrayLength());
            AssertReconciles(table);
        }

        Assert.Equal(["users.json"], result.UnconfiguredFiles);
        Assert.True(File.Exists(output.Combine("users.json")));
    }

    [Theory]
    [InlineData("mortgage_transactions", 1_500, 0.04)]
    [InlineData("wordpress_api", 120, 0.05)]
    public void Generate_DocumentedArguments_ReproducesCommittedSample(string dataset, long rows, double badShare)
    {
        using var output = new TempDirectory();

        SampleGenerator.Generate(dataset, rows, output.Path, badShare, seed: 42);

        AssertSameFiles(Path.Combine(RepositoryPaths.Samples, dataset), output.Path);
    }

    [Fact]
    public void Generate_WritesExpectedJsonMatchingTheResult()
    {
        using var output = new TempDirectory();

        var result = SampleGenerator.Generate("mortgage_transactions", 1_000, output.Path, 0.1);

        using var expected = JsonDocument.Parse(File.ReadAllBytes(output.Combine("_expected.json")));
        var table = expected.RootElement.GetProperty("tables").GetProperty("transactions");
        Assert.Equal(result["transactions"].SilverRows, table.GetProperty("silver_rows").GetInt64());
        Assert.Equal(100, table.GetProperty("quarantined_rows").GetInt64());
        Assert.Equal(
            result["transactions"].RuleFailures["cast_transaction_amount"],
            table.GetProperty("rule_failures").GetProperty("cast_transaction_amount").GetInt64());
    }

    [Fact]
    public void Generate_ZeroBadShare_WritesOnlyCleanRows()
    {
        using var output = new TempDirectory();

        var result = SampleGenerator.Generate("mortgage_transactions", 2_000, output.Path, 0);

        Assert.Equal(2_000, result["transactions"].SilverRows);
        Assert.Empty(SampleFileClassifier.ClassifyCsv(output.Combine("transactions.csv")).Kinds);
    }

    [Fact]
    public void Generate_UnknownDataset_ThrowsNamingTheKnownOnes()
    {
        using var output = new TempDirectory();

        var error = Assert.Throws<ArgumentException>(() => SampleGenerator.Generate("nope", 10, output.Path));

        Assert.Contains("mortgage_transactions, wordpress_api", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_WordPressAsNdjson_Throws()
    {
        using var output = new TempDirectory();

        Assert.Throws<ArgumentException>(() => SampleGenerator.Generate("wordpress_api", 10, output.Path, format: SampleFormat.Ndjson));
    }

    [Fact]
    public void Generate_CancelledToken_Throws()
    {
        using var output = new TempDirectory();

        Assert.Throws<OperationCanceledException>(
            () => SampleGenerator.Generate("mortgage_transactions", 10, output.Path, cancellationToken: new CancellationToken(true)));
    }

    private static Dictionary<string, long> NonZero(IReadOnlyDictionary<string, long> counts) =>
        counts.Where(c => c.Value != 0).ToDictionary();

    private static void AssertReconciles(SampleTableResult table) => Assert.Equal(
        table.RowsRead, table.SilverRows + table.QuarantinedRows + table.DuplicatesRemoved + table.FilteredRows);

    private static void AssertSameFiles(string expectedDirectory, string actualDirectory)
    {
        static string[] Names(string directory) =>
            [.. Directory.GetFiles(directory).Select(Path.GetFileName).Where(n => !n!.StartsWith('.')).Order(StringComparer.Ordinal)!];

        Assert.Equal(Names(expectedDirectory), Names(actualDirectory));
        foreach (var name in Names(expectedDirectory))
        {
            var expected = File.ReadAllBytes(Path.Combine(expectedDirectory, name));
            var actual = File.ReadAllBytes(Path.Combine(actualDirectory, name));
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"{name} differs from a regeneration ({expected.Length} vs {actual.Length} bytes).");
        }
    }
}
