using Medallion.Testing;

namespace Medallion.Orchestration.Tests.Runs;

/// <summary>
/// Newline-delimited JSON: a line is a record when it is valid JSON whose value is an object, and
/// malformed (kept with its text) otherwise; blank lines are skipped. The reader decides "object" and
/// "blank" from the first characters instead of a full parse or a trim; these lines pin that it agrees with them.
/// </summary>
public sealed class JsonLinesTests : IDisposable
{
    private readonly TestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public async Task RunAsync_LinesThatAreNotObjects_AreMalformedWithTheirText()
    {
        _lake.WriteDataset("events", """
            dataset: events
            tables:
              - name: events
                source: { path: events/*.ndjson, format: json }
                columns:
                  - { name: id, type: string }
            """);
        _lake.WriteRaw("events/day1.ndjson",
            "{\"id\":\"a\"}\n" +
            " \t{\"id\":\"b\"}\n" +     // JSON whitespace before the object: a record
            "[{\"id\":\"c\"}]\n" +      // an array
            "\"d\"\n" +                 // a string
            "42\n" +                    // a number
            "   \n" +                   // blank: skipped
            "\u00a0\u00a0\n" +           // blank too (trim removes Unicode spaces): skipped
            "{\"id\":\"e\"} x\n" +      // an object followed by text: not valid JSON
            "\u00a0{\"id\":\"f\"}\n");  // no-break space is not JSON whitespace

        var outcome = await SingleTableRun.RunAsync(_lake, "events");

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(7, outcome.Bronze!.RowsRead);
        Assert.Equal([["a"], ["b"]], _lake.Query("silver/events/events/schema_v=1/runs/run_key=k1", "SELECT id FROM t ORDER BY id"));
        Assert.Equal(
            [["\"d\""], ["42"], ["[{\"id\":\"c\"}]"], ["{\"id\":\"e\"} x"], ["\u00a0{\"id\":\"f\"}"]],
            _lake.Query("quarantine/events/events/schema_v=1", "SELECT _raw FROM t ORDER BY _raw"));
    }
}
