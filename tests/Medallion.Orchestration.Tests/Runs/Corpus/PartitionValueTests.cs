using Medallion.Testing;

namespace Medallion.Orchestration.Tests.Runs.Corpus;

/// <summary>
/// Issue 16, "Why" 5: a partition value longer than a folder name may be failed the whole silver
/// write ("File name too long"). Now such a row breaks the implicit rule <c>partition_&lt;column&gt;</c>
/// and is quarantined; the other rows of the file reach silver.
/// </summary>
public sealed class PartitionValueTests : IDisposable
{
    private const string Columns = "      - { name: id, type: string }\n      - { name: v, type: string }\n    partition_by: [v]\n";
    private readonly ReaderCorpus _corpus = new(new TestLake(), "corpus/*.csv", "csv", Columns);

    public void Dispose() => _corpus.Dispose();

    [Fact]
    public async Task RunAsync_PartitionValueTooLongForAFolderName_QuarantinesThatRowOnly()
    {
        // 'v=' + 253 safe bytes is exactly 255: it fits. 254 does not; nor do 100 'é' (200 bytes, 600 encoded).
        var fits = new string('x', 253);
        var tooLong = new string('y', 254);
        var accented = new string('é', 100);
        _corpus.Write("corpus/a.csv", $"id,v\n1,a\n2,{fits}\n3,{tooLong}\n4,{accented}\n5,b\n");

        var outcome = await _corpus.RunAsync();

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(5, outcome.Bronze!.RowsRead);
        Assert.Equal([["1"], ["2"], ["5"]], _corpus.SilverRows());
        Assert.Equal(
            [["3", "True"], ["4", "True"]],
            _corpus.Lake.Query(ReaderCorpus.Quarantine, "SELECT id, list_contains(_rule_failures, 'partition_v') FROM t ORDER BY id"));
    }
}
