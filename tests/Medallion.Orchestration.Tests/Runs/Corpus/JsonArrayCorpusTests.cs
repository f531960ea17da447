using System.Text;
using Medallion.Testing;

namespace Medallion.Orchestration.Tests.Runs.Corpus;

/// <summary>
/// Issue 16, "Why" 3: a JSON array file that does not parse used to become one quarantined row with
/// <c>_raw</c> null, its complete records gone while the counts reconciled. Each case breaks an array of
/// records <c>r1…rN</c> that the test writes, so it knows how many elements are complete and where the
/// unreadable rest starts: the complete ones reach silver, the rest is one malformed record with its
/// original text and a reason naming the file and the bytes.
/// </summary>
public sealed class JsonArrayCorpusTests : IDisposable
{
    private readonly ReaderCorpus _corpus = new(new TestLake(), "corpus/*.json", "json");

    public void Dispose() => _corpus.Dispose();

    /// <summary>
    /// How the array breaks: the number of complete elements, the text that follows them, and where in
    /// that text the unreadable rest starts (after the closing bracket when the array closes, else at once).
    /// </summary>
    public static TheoryData<string, int, string, int> Breaks => new()
    {
        { "trailing comma", 99, ",\n]\n", 0 },
        { "truncated in the middle", 50, ",\n{\"id\":\"r51\",\"na", 0 },
        { "a comment", 30, ",\n/* a comment */ {\"id\":\"r31\"}\n]\n", 0 },
        { "trailing garbage", 100, "\n] and more\n", 2 },
    };

    [Theory]
    [MemberData(nameof(Breaks))]
    public async Task RunAsync_ArrayBreakingMidway_ReadsItsCompleteElementsAndQuarantinesTheRest(string name, int complete, string rest, int restFrom)
    {
        _ = name;
        var head = Elements(complete);
        var content = head + rest;
        _corpus.Write("corpus/a.json", content);
        var restStart = head.Length + restFrom;

        var outcome = await _corpus.RunAsync();

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(complete + 1, outcome.Bronze!.RowsRead);
        Assert.Equal(Ids(complete), _corpus.SilverRows());
        var malformed = Assert.Single(_corpus.Malformed());
        Assert.StartsWith("corpus/a.json: the JSON array breaks at byte ", malformed[0], StringComparison.Ordinal);
        Assert.Contains($"the {complete} complete element(s) before it were read", malformed[0], StringComparison.Ordinal);
        Assert.Contains($"(bytes {restStart}–{content.Length} of corpus/a.json)", malformed[0], StringComparison.Ordinal);
        Assert.Equal(content[restStart..], malformed[1]);
        Assert.Equal("corpus/a.json", malformed[2]);
    }

    [Fact]
    public async Task RunAsync_ArrayWithALatin1String_ReadsTheElementsBeforeItAndKeepsTheRestByteForByte()
    {
        var head = Elements(39);
        var rest = Encoding.Latin1.GetBytes(",\n{\"id\":\"caf\u00e9\"},\n{\"id\":\"r41\"}\n]\n");
        _corpus.Write("corpus/a.json", [.. Encoding.ASCII.GetBytes(head), .. rest]);

        var outcome = await _corpus.RunAsync();

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(40, outcome.Bronze!.RowsRead);
        Assert.Equal(Ids(39), _corpus.SilverRows());
        var malformed = Assert.Single(_corpus.Malformed());
        Assert.Contains("a string that is not UTF-8", malformed[0], StringComparison.Ordinal);
        Assert.Contains($"(bytes {head.Length}–{head.Length + rest.Length} of corpus/a.json, not UTF-8", malformed[0], StringComparison.Ordinal);
        Assert.Equal(Encoding.Latin1.GetString(rest), malformed[1]);
    }

    [Fact]
    public async Task RunAsync_ArrayBreakingBeforeAMegabyteOfText_KeepsTheFileOffsetAndTheFirstBytes()
    {
        var head = Elements(3);
        var rest = ",\n{\"id\":\"" + new string('x', 2 * 1024 * 1024);
        _corpus.Write("corpus/a.json", head + rest);

        var outcome = await _corpus.RunAsync();

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(4, outcome.Bronze!.RowsRead);
        var malformed = Assert.Single(_corpus.Malformed());
        Assert.Contains($"_raw holds the first 1024 of the {rest.Length} bytes (bytes {head.Length}–{head.Length + rest.Length} of corpus/a.json)", malformed[0], StringComparison.Ordinal);
        Assert.Equal(rest[..1024], malformed[1]);
    }

    [Fact]
    public async Task RunAsync_ArrayAfterMoreThan4KiBOfWhitespace_IsReadAsAnArray()
    {
        _corpus.Write("corpus/a.json", new string(' ', 3000) + new string('\n', 3000) + Elements(5) + "\n]\n");

        var outcome = await _corpus.RunAsync();

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(5, outcome.Bronze!.RowsRead);
        Assert.Equal(Ids(5), _corpus.SilverRows());
        Assert.Empty(_corpus.Malformed());
    }

    /// <summary>An array of <paramref name="count"/> records r1…rN, not closed: what follows decides how it ends.</summary>
    private static string Elements(int count) =>
        "[\n" + string.Join(",\n", Enumerable.Range(1, count).Select(i => $"{{\"id\":\"r{i}\"}}"));

    /// <summary>The ids r1…rN in the order <see cref="ReaderCorpus.SilverRows"/> sorts them (as text).</summary>
    private static string[][] Ids(int count) => [.. Enumerable.Range(1, count).Select(i => $"r{i}").Order(StringComparer.Ordinal).Select(id => new[] { id })];
}
