using Medallion.Testing;

namespace Medallion.Orchestration.Tests.Runs;

/// <summary>
/// The cases the <c>unique</c> rule's key query leaves to the join: it groups null keys like any
/// other (the join never matches them) and only rows that are still live (not malformed, filtered
/// or a removed duplicate) take part.
/// </summary>
public sealed class UniqueRuleTests : IDisposable
{
    private readonly TestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public async Task RunAsync_NullKeysAndKeysOfRowsNoLongerLive_AreNotRepeatedKeys()
    {
        _lake.WriteDataset("events", """
            dataset: events
            tables:
              - name: events
                source: { path: events/*.csv, format: csv }
                columns:
                  - { name: id, type: string }
                  - { name: kind, type: string }
                  - { name: line, type: string }
                transforms:
                  - empty_to_null: [id]
                  - filter: "kind <> 'test'"
                rules:
                  - unique: { columns: [id] }
            """);
        _lake.WriteRaw("events/day1.csv",
            "id,kind,line\n" +
            ",a,1\n" +          // null key: silver
            ",a,2\n" +          // null key again: silver, not a repeated key
            "k1,test,3\n" +     // filtered: its key does not count
            "k1,a,4\n" +        // first live k1: silver
            "k2,a,5,extra\n" +  // malformed: its key does not count
            "k2,a,6\n" +        // first live k2: silver
            "k1,a,7\n");        // second live k1: unique_id

        var outcome = await SingleTableRun.RunAsync(_lake, "events");

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(
            [["1"], ["2"], ["4"], ["6"]],
            _lake.Query("silver/events/events/schema_v=1/runs/run_key=k1", "SELECT line FROM t ORDER BY line"));
        Assert.Equal(1, outcome.Silver!.Filtered);
        Assert.Equal(1, outcome.Silver.RuleFailures["unique_id"]);
        Assert.Equal(
            [["malformed"], ["unique_id"]],
            _lake.Query("quarantine/events/events/schema_v=1", "SELECT array_to_string(_rule_failures, ',') AS failures FROM t ORDER BY failures"));
    }
}
