using Medallion.Delta.Storage;
using Medallion.Testing;

namespace Medallion.Orchestration.Tests.Runs;

/// <summary>
/// Issue 17: an incremental run loaded the bronze snapshot twice (once to choose the new raw objects,
/// once more to start bronze's commit); a snapshot load lists the table's <c>_delta_log/</c>, so the
/// listings of the bronze log through the run's own stores tell how often it was loaded.
/// </summary>
public sealed class RunSnapshotLoadsTests : IDisposable
{
    private const string BronzeLog = "bronze/sales/orders/schema_v=1/_delta_log";

    /// <summary>The stores opened by the test that is counting; null for every other test running at once.</summary>
    private static readonly AsyncLocal<List<CountingObjectStore>?> Counting = new();

    private readonly TestLake _lake = new();

    static RunSnapshotLoadsTests() =>
        // Only this test class decorates the registry in this assembly; other tests' stores pass through untouched.
        ObjectStoreRegistry.Default.Decorate(store =>
        {
            if (Counting.Value is not { } stores)
            {
                return store;
            }

            var counting = new CountingObjectStore(store);
            lock (stores)
            {
                stores.Add(counting);
            }

            return counting;
        });

    public void Dispose() => _lake.Dispose();

    [Fact]
    public async Task Run_IncrementalOverAnExistingBronze_LoadsTheBronzeSnapshotOnceBeforeItsCommit()
    {
        SalesDataset.WriteTo(_lake, promotion: "append", ingestion: "incremental");
        _lake.WriteRaw("sales/day1.csv", "id,amount,day\na,1.00,2024-01-05\n");
        Assert.True((await SingleTableRun.RunAsync(_lake, "sales", "k1")).Succeeded);
        _lake.WriteRaw("sales/day2.csv", "id,amount,day\nb,2.00,2024-01-06\n");
        var stores = new List<CountingObjectStore>();
        Counting.Value = stores;

        var outcome = await SingleTableRun.RunAsync(_lake, "sales", "k2");

        Counting.Value = null;
        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(["sales/day2.csv"], outcome.InputFiles);
        // Once to choose the objects and start bronze's commit on, once for silver to read the bronze it committed.
        Assert.Equal(2, stores.SelectMany(s => s.ListedPrefixes).Count(p => p.TrimEnd('/') == BronzeLog));
    }
}
