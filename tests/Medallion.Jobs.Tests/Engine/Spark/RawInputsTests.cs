using Medallion.Delta.Storage;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine;
using Medallion.Jobs.Engine.Spark;
using Medallion.Testing;

namespace Medallion.Jobs.Tests.Engine.Spark;

public sealed class RawInputsTests
{
    [Theory]
    [InlineData("shop/*.csv", "shop/a.csv,shop/b.csv")]
    [InlineData("shop/**/*.csv", "shop/a.csv,shop/b.csv,shop/old/c.csv")]
    [InlineData("shop/?.json", "shop/d.json")]
    [InlineData("shop/a.csv", "shop/a.csv")]
    public async Task ResolveAsync_Glob_MatchesInNameOrder(string glob, string expected)
    {
        using var raw = new TempDirectory();
        foreach (var file in new[] { "shop/b.csv", "shop/a.csv", "shop/old/c.csv", "shop/d.json", "other/e.csv" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(raw.Combine(file))!);
            await File.WriteAllTextAsync(raw.Combine(file), "x");
        }

        var files = await RawInputs.ResolveAsync(new LocalObjectStore(raw.Path), Table(glob));

        Assert.Equal(expected.Split(','), files.Select(f => f.Path));
        Assert.All(files, f => Assert.Equal(1, f.Size));
    }

    /// <summary>Issue 16: names starting with '.' or '_' are not data, in a folder the glob reaches as well as in a file name.</summary>
    [Theory]
    [InlineData("shop/**/*.csv", "shop/a.csv,shop/day=1/b.csv")]
    [InlineData("shop/*", "shop/a.csv")]
    [InlineData("_staging/*.csv", "_staging/c.csv")]
    public async Task ResolveAsync_NamesStartingWithDotOrUnderscore_AreNotData(string glob, string expected)
    {
        using var raw = new TempDirectory();
        foreach (var file in new[] { "shop/a.csv", "shop/.a.csv", "shop/_b.csv", "shop/_SUCCESS", "shop/_temporary/x.csv", "shop/.git/y.csv", "shop/day=1/b.csv", "_staging/c.csv" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(raw.Combine(file))!);
            await File.WriteAllTextAsync(raw.Combine(file), "x");
        }

        var files = await RawInputs.ResolveAsync(new LocalObjectStore(raw.Path), Table(glob));

        Assert.Equal(expected.Split(','), files.Select(f => f.Path));
    }

    [Theory]
    [InlineData("/raw/b*.csv", "/raw/b[*].csv")]
    [InlineData("/raw/b?[1].csv", "/raw/b[?][[]1].csv")]
    [InlineData("/raw/plain.csv", "/raw/plain.csv")]
    public void DuckDbLiteral_GlobCharacters_MatchOnlyThemselves(string path, string expected)
    {
        Assert.Equal(expected, RawFileNames.DuckDbLiteral(path));
    }

    [Theory]
    [InlineData("shop/b*.csv", "shop/b\\*.csv")]
    [InlineData("shop/{a,b}[1]?.csv", "shop/\\{a,b\\}\\[1\\]\\?.csv")]
    public void HadoopLiteral_GlobCharacters_AreEscaped(string path, string expected)
    {
        Assert.Equal(expected, RawFileNames.HadoopLiteral(path));
    }

    [Fact]
    public async Task ResolveAsync_GlobClimbingOut_IsRefused()
    {
        using var raw = new TempDirectory();

        var error = await Assert.ThrowsAsync<MedallionException>(() => RawInputs.ResolveAsync(new LocalObjectStore(raw.Path), Table("../x/*.csv")));

        Assert.Contains("must be a glob relative to the raw root", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3://acme-raw/landing/", "//acme-raw/landing/")]
    [InlineData("/data/raw", "/data/raw/")]
    public void SourceFileMarker_Root_IsThePathPartOfTheUri(string root, string expected)
    {
        Assert.Equal(expected, SparkBronzeSql.SourceFileMarker(root));
    }

    private static TableSpec Table(string glob)
    {
        var location = new SourceLocation("t.yaml", 1, 1);
        return new TableSpec("t", "v1", new SourceSpec(glob, SourceFormat.Csv, CsvOptions.Default, location),
            [new ColumnSpec("a", ColumnType.String, "a", location)], [], [], [], [], ValidationSpec.Default, PromotionMode.ReplaceAll, location);
    }
}
