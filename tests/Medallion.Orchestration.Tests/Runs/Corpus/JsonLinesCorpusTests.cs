using System.Text;
using Medallion.Testing;

namespace Medallion.Orchestration.Tests.Runs.Corpus;

/// <summary>
/// Issue 16, "Why" 3 to 6 for JSON: a newline-delimited file whose first line is an array, duplicate
/// keys, numbers that a double would change, mixed line endings, and a rejected line that a later read
/// inserted a second time. Counts are checked against the lines the test wrote.
/// </summary>
public sealed class JsonLinesCorpusTests : IDisposable
{
    private readonly TestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public async Task RunAsync_LinesWhoseFirstIsAnArray_AreReadLineByLine()
    {
        using var corpus = new ReaderCorpus(_lake, "corpus/*.json", "json");
        var lines = new[] { "[1,2]", "{\"id\":\"a\"}", "{\"id\":\"b\"}" };
        corpus.Write("corpus/a.json", string.Join("\n", lines) + "\n");

        var outcome = await corpus.RunAsync();

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(lines.Length, outcome.Bronze!.RowsRead);
        Assert.Equal([["a"], ["b"]], corpus.SilverRows());
        Assert.Equal([["not a JSON object", "[1,2]", "corpus/a.json"]], corpus.Malformed());
    }

    [Fact]
    public async Task RunAsync_ObjectWithARepeatedKey_IsMalformedNamingTheKey()
    {
        using var corpus = new ReaderCorpus(_lake, "corpus/*", "json", "      - { name: id, type: string }\n      - { name: city, field: address.city, type: string }\n");
        corpus.Write("corpus/a.ndjson",
            "{\"id\":\"a\",\"id\":\"b\"}\n" +
            "{\"id\":\"c\",\"address\":{\"city\":\"X\",\"city\":\"Y\"}}\n" +
            "{\"id\":\"d\",\"address\":{\"city\":\"Z\"}}\n");
        corpus.Write("corpus/b.json", "[{\"id\":\"e\"},{\"id\":\"f\",\"id\":\"g\"}]");

        var outcome = await corpus.RunAsync();

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(5, outcome.Bronze!.RowsRead);
        Assert.Equal([["d"], ["e"]], corpus.SilverRows());
        Assert.Equal(
            [
                ["the JSON object has the key \"id\" more than once", "{\"id\":\"a\",\"id\":\"b\"}", "corpus/a.ndjson"],
                ["the JSON object has the key \"city\" more than once", "{\"id\":\"c\",\"address\":{\"city\":\"X\",\"city\":\"Y\"}}", "corpus/a.ndjson"],
                ["the JSON object has the key \"id\" more than once", "{\"id\":\"f\",\"id\":\"g\"}", "corpus/b.json"],
            ],
            corpus.Malformed());
    }

    [Fact]
    public async Task RunAsync_Numbers_KeepTheirExactTextUntilCast()
    {
        using var corpus = new ReaderCorpus(_lake, "corpus/*", "json",
            "      - { name: id, type: string }\n      - { name: text, field: n, type: string }\n      - { name: amount, field: n, type: \"decimal(38,3)\" }\n");
        corpus.Write("corpus/a.ndjson",
            "{\"id\":\"a\",\"n\":1234567890123456.789}\n" +
            "{\"id\":\"b\",\"n\":1.50, \"note\":\"1.5e3 in a string\"}\n" +
            "{\"id\":\"c\",\"n\":-0.0}\n" +
            "{\"id\":\"d\",\"n\":12345678901234567890.5}\n" +
            // The key twice in the line (a nested one too) and a string that looks like a number: read from the marked copy.
            "{\"id\":\"f\",\"n\":2.50,\"x\":{\"n\":3.0}}\n" +
            "{\"id\":\"g\",\"n\":\"7.10\"}\n" +
            // A string that looks like a number is its own exact text; twice in the line, the marked copy decides.
            "{\"id\":\"h\",\"x\":{\"n\":\"9.99\"}, \"n\" : \"8.80\"}\n" +
            "{\"id\":\"i\",\"n\" :\"0.10\"}\n");
        corpus.Write("corpus/b.json", "[{\"id\":\"e\",\"n\":1234567890123456.789}]");

        var outcome = await corpus.RunAsync();

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(
            [
                ["a", "1234567890123456.789", "1234567890123456.789"],
                ["b", "1.50", "1.500"],
                ["c", "-0.0", "0.000"],
                ["d", "12345678901234567890.5", "12345678901234567890.500"],
                ["e", "1234567890123456.789", "1234567890123456.789"],
                ["f", "2.50", "2.500"],
                ["g", "7.10", "7.100"],
                ["h", "8.80", "8.800"],
                ["i", "0.10", "0.100"],
            ],
            corpus.SilverRows("id, text, CAST(amount AS VARCHAR)"));
    }

    [Fact]
    public async Task RunAsync_NestedObjectHoldingNumbers_KeepsThemAsNumbers()
    {
        using var corpus = new ReaderCorpus(_lake, "corpus/*", "json", "      - { name: id, type: string }\n      - { name: body, type: string }\n");
        corpus.Write("corpus/a.ndjson", "{\"id\":\"a\",\"body\":{\"x\":1.5,\"s\":\"2.5\"}}\n");

        var outcome = await corpus.RunAsync();

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal([["{\"x\":1.5,\"s\":\"2.5\"}"]], corpus.SilverRows("body"));
    }

    [Fact]
    public async Task RunAsync_MixedLineEndings_ReadsEveryLine()
    {
        using var corpus = new ReaderCorpus(_lake, "corpus/*", "json");
        var content = "{\"id\":\"a\"}\n{\"id\":\"b\"}\r\n{\"id\":\"c\"}\n{\"id\":\"d\"}\r\n";
        corpus.Write("corpus/a.ndjson", content);
        corpus.Write("corpus/b.ndjson", "{\"id\":\"e\"}\n");

        var outcome = await corpus.RunAsync();

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(content.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length + 1, outcome.Bronze!.RowsRead);
        Assert.Equal([["a"], ["b"], ["c"], ["d"], ["e"]], corpus.SilverRows());
        Assert.Equal(["corpus/a.ndjson", "corpus/a.ndjson", "corpus/a.ndjson", "corpus/a.ndjson", "corpus/b.ndjson"], corpus.SilverRows("_source_file").Select(r => r[0]));
    }

    [Fact]
    public async Task RunAsync_LinesArrayLinesWithAnInvalidUtf8Line_CountsTheRejectedLineOnce()
    {
        using var corpus = new ReaderCorpus(_lake, "corpus/*", "json");
        var first = Encoding.UTF8.GetBytes("{\"id\":\"a\"}\n{\"id\":\"b\"}\n").Concat(new byte[] { (byte)'{', (byte)'"', (byte)'i', (byte)'d', (byte)'"', (byte)':', (byte)'"', 0xFF, (byte)'"', (byte)'}', (byte)'\n' }).Concat(Encoding.UTF8.GetBytes("{\"id\":\"c\"}\n")).ToArray();
        corpus.Write("corpus/1.ndjson", first);
        corpus.Write("corpus/2.json", "[{\"id\":\"d\"},{\"id\":\"e\"},{\"id\":\"f\"}]");
        corpus.Write("corpus/3.ndjson", "{\"id\":\"g\"}\n{\"id\":\"h\"}\n{\"id\":\"i\"}\n{\"id\":\"j\"}\n");
        // Counted here: 4 lines, 3 elements, 4 lines.
        const int records = 4 + 3 + 4;

        var outcome = await corpus.RunAsync();

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(records, outcome.Bronze!.RowsRead);
        var malformed = Assert.Single(corpus.Malformed());
        Assert.Contains("INVALID ENCODING", malformed[0], StringComparison.Ordinal);
        Assert.Contains("(line 3)", malformed[0], StringComparison.Ordinal);
        Assert.Equal("corpus/1.ndjson", malformed[2]);
    }
}
