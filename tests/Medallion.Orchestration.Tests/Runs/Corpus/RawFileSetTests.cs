using Medallion.Testing;
using Medallion.Testing.Moto;

namespace Medallion.Orchestration.Tests.Runs.Corpus;

/// <summary>
/// Issue 16, "Why" 7: raw file names were handed to DuckDB as globs (files <c>b*.csv</c> and
/// <c>b2.csv</c> read <c>b2.csv</c> twice), and names starting with <c>.</c> or <c>_</c> were read
/// although they are not data. Runs on a local raw root and on an S3 one.
/// </summary>
public abstract class RawFileSetTests(TestLake lake) : IDisposable
{
    private readonly ReaderCorpus _corpus = new(lake, "corpus/**/*.csv", "csv", "      - { name: id, type: string }\n");

    public void Dispose()
    {
        _corpus.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task RunAsync_FileNamesHoldingGlobCharacters_ReadsEachFileOnce()
    {
        _corpus.Write("corpus/b*.csv", "id\nstar\n");
        _corpus.Write("corpus/b2.csv", "id\ntwo\n");
        _corpus.Write("corpus/b?.csv", "id\nquestion\n");
        _corpus.Write("corpus/[b]2.csv", "id\nbracket\n");

        var outcome = await _corpus.RunAsync();

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(4, outcome.Bronze!.RowsRead);
        Assert.Equal(
            [["bracket", "corpus/[b]2.csv"], ["question", "corpus/b?.csv"], ["star", "corpus/b*.csv"], ["two", "corpus/b2.csv"]],
            _corpus.SilverRows("id, _source_file"));
    }

    [Fact]
    public async Task RunAsync_NamesStartingWithDotOrUnderscore_AreNotRead()
    {
        _corpus.Write("corpus/a.csv", "id\na\n");
        _corpus.Write("corpus/.hidden.csv", "id\nhidden\n");
        _corpus.Write("corpus/_x.csv", "id\nunderscore\n");
        _corpus.Write("corpus/_temporary/b.csv", "id\ntemporary\n");
        _corpus.Write("corpus/day=1/c.csv", "id\nc\n");

        var outcome = await _corpus.RunAsync();

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(["corpus/a.csv", "corpus/day=1/c.csv"], outcome.InputFiles);
        Assert.Equal([["a"], ["c"]], _corpus.SilverRows());
        Assert.DoesNotContain(_corpus.Reporter.Warnings, w => w.Contains("hidden", StringComparison.Ordinal) || w.Contains("_x", StringComparison.Ordinal));
    }

    public sealed class Local() : RawFileSetTests(new TestLake());

    [Collection(MotoCollection.Name)]
    public sealed class OnS3(MotoServer moto) : RawFileSetTests(TestLake.OnS3(moto));
}
