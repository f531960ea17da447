using Medallion.Testing;

namespace Medallion.Orchestration.Tests.Runs.Corpus;

/// <summary>
/// Issue 16, "Why" 5 for CSV: one odd file used to fail the whole table — a file mixing LF and CRLF
/// ("CSV Parser state machine reached an invalid state", nothing quarantined) and a 0-byte file next
/// to good ones. Counts are checked against the lines the test wrote.
/// </summary>
public sealed class CsvCorpusTests : IDisposable
{
    private const string Columns = "      - { name: id, type: string }\n      - { name: v, type: string }\n";
    private readonly ReaderCorpus _corpus = new(new TestLake(), "corpus/*.csv", "csv", Columns);

    public void Dispose() => _corpus.Dispose();

    [Fact]
    public async Task RunAsync_FileMixingLfAndCrlf_ReadsEveryLineAndStillRejectsBrokenOnes()
    {
        var content = "id,v\n1,a\r\n2,b\n3,c,extra\r\n4,\"d\"\n5,e\r\n";
        _corpus.Write("corpus/a.csv", content);
        _corpus.Write("corpus/b.csv", "id,v\n6,f\n");
        // Counted here: data lines of both files.
        var records = content.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1 + 1;

        var outcome = await _corpus.RunAsync();

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(records, outcome.Bronze!.RowsRead);
        Assert.Equal([["1", "a"], ["2", "b"], ["4", "d"], ["5", "e"], ["6", "f"]], _corpus.SilverRows("id, v"));
        var malformed = Assert.Single(_corpus.Malformed());
        Assert.Contains("TOO MANY COLUMNS", malformed[0], StringComparison.Ordinal);
        Assert.Contains("(line 4)", malformed[0], StringComparison.Ordinal);
        Assert.Equal("3,c,extra", malformed[1]);
        Assert.Equal("corpus/a.csv", malformed[2]);
    }

    [Fact]
    public async Task RunAsync_EmptyFileBesideGoodOnes_CountsZeroRecordsWithANote()
    {
        _corpus.Write("corpus/a.csv", "id,v\n1,a\n2,b\n");
        _corpus.Write("corpus/b.csv", "");
        _corpus.Write("corpus/c.csv", "id,v\n3,c\n");

        var outcome = await _corpus.RunAsync();

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(3, outcome.Bronze!.RowsRead);
        Assert.Equal([["1"], ["2"], ["3"]], _corpus.SilverRows());
        Assert.Contains("corpus.records: raw file corpus/b.csv is empty (0 bytes): it holds no records.", _corpus.Reporter.Warnings);
    }
}
