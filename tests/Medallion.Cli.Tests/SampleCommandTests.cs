using Medallion.Testing;

namespace Medallion.Cli.Tests;

public sealed class SampleCommandTests
{
    [Fact]
    public async Task Generate_SameArguments_WritesTheSameBytes()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        var (exitCode, output, _) = await CliRunner.RunAsync("sample", "generate", "mortgage_transactions", "--rows", "500", "--out", first.Path, "--seed", "9");
        await CliRunner.RunAsync("sample", "generate", "mortgage_transactions", "--rows", "500", "--out", second.Path, "--seed", "9");

        Assert.Equal(0, exitCode);
        Assert.Contains("transactions.csv: 500 records", output, StringComparison.Ordinal);
        // --out is a raw root: the files go under <dataset>/, where `run --input` looks for them.
        Assert.Equal(
            File.ReadAllBytes(first.Combine("mortgage_transactions", "transactions.csv")),
            File.ReadAllBytes(second.Combine("mortgage_transactions", "transactions.csv")));
        Assert.True(File.Exists(first.Combine("mortgage_transactions", "_expected.json")));
        Assert.Contains($"medallion run mortgage_transactions --input {first.Path}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_UnknownDataset_ExitsTwoNamingTheKnownOnes()
    {
        using var folder = new TempDirectory();

        var (exitCode, _, error) = await CliRunner.RunAsync("sample", "generate", "nope", "--rows", "1", "--out", folder.Path);

        Assert.Equal(2, exitCode);
        Assert.Contains("mortgage_transactions, wordpress_api", error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task Generate_MissingRows_ExitsTwo()
    {
        var (exitCode, _, _) = await CliRunner.RunAsync("sample", "generate", "mortgage_transactions", "--out", "x");

        Assert.Equal(2, exitCode);
    }
}
