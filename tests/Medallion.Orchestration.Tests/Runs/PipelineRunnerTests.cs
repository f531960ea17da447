using Medallion.Jobs.Config;
using Medallion.Orchestration.Runs;
using Medallion.Testing;
using Medallion.Testing.Moto;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Orchestration.Tests.Runs;

/// <summary>Every test runs on a local lake (<see cref="Local"/>) and on an S3 lake with an S3 raw root (<see cref="OnS3"/>).</summary>
public abstract class PipelineRunnerTests(TestLake lake) : IDisposable
{
    private readonly TestLake _lake = lake;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly RecordingReporter _reporter = new();

    public void Dispose()
    {
        _lake.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task RunAsync_ShopDataset_LeavesNoStagingFolder()
    {
        ShopDataset.WriteTo(_lake);

        await RunAsync("k1");

        Assert.Empty(_lake.LeftoverStagingFolders());
    }

    [Fact]
    public async Task RunAsync_ShopDataset_CountsEveryRowFateExactly()
    {
        ShopDataset.WriteTo(_lake);

        var outcome = (await RunAsync("k1")).Single();

        Assert.Null(outcome.Error);
        var silver = outcome.Silver!;
        Assert.Equal(ShopDataset.Read, outcome.Bronze!.RowsRead);
        Assert.Equal(ShopDataset.Read, silver.RowsRead);
        Assert.Equal(ShopDataset.Silver, silver.RowsWritten);
        Assert.Equal(ShopDataset.Quarantined, silver.Quarantined);
        Assert.Equal(ShopDataset.Duplicates, silver.DuplicatesRemoved);
        Assert.Equal(ShopDataset.Filtered, silver.Filtered);
        Assert.True(silver.Reconciles);
        Assert.Equal(ShopDataset.RuleFailures.OrderBy(r => r.Key), silver.RuleFailures.Where(r => r.Value > 0).OrderBy(r => r.Key));
    }

    [Fact]
    public async Task RunAsync_ShopDataset_WritesTransformedSilverRows()
    {
        ShopDataset.WriteTo(_lake);

        await RunAsync("k1");

        var rows = _lake.Query(ShopDataset.SilverRun("k1"),
            "SELECT order_id, customer_name, CAST(amount AS VARCHAR), status, note, ordered_year, ordered_month, amount_cents, _run_key FROM t ORDER BY order_id");
        Assert.Equal(
            [
                ["o1", "Ann", "11.00", "paid", "done later", "2024", "1", "1100", "k1"],
                ["o11", "Ivy", "0.00", "new", "it's A", "2024", "3", "0", "k1"],
                ["o2", "Bob", "20.00", "paid", "a <b>", "2024", "2", "2000", "k1"],
            ],
            rows);
    }

    [Fact]
    public async Task RunAsync_ShopDataset_QuarantinesOriginalValuesWithEveryBrokenRule()
    {
        ShopDataset.WriteTo(_lake);

        await RunAsync("k1");

        var rows = _lake.Query(ShopDataset.Quarantine,
            "SELECT coalesce(order_id, '-'), amount, array_to_string(list_sort(_rule_failures), '+'), _run_key FROM t ORDER BY _record_number");
        Assert.Equal(
            [
                ["o3", "5.00", "not_null_customer_name", "k1"],
                ["o4", "abc", "cast_amount", "k1"],
                ["o6", "8.00", "accepted_values_status", "k1"],
                ["o7", "2000", "range_amount", "k1"],
                ["x8", "9.00", "regex_order_id", "k1"],
                ["o9", "1.00", "max_length_note", "k1"],
                ["o12", "bad", "accepted_values_status+cast_amount", "k1"],
                ["o14", "3.00", "cast_ordered_at", "k1"],
                ["o16", "4.00", "unique_customer_name", "k1"],
                ["-", "NULL", "malformed", "k1"],
            ],
            rows);
        var malformed = _lake.Query(ShopDataset.Quarantine, "SELECT _raw, _malformed FROM t WHERE _malformed IS NOT NULL").Single();
        Assert.Equal("o13,too,few", malformed[0]);
        Assert.Contains("MISSING COLUMNS", malformed[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BronzeThenSilverAsSeparateRuns_WritesWhatOneRunOfBothWrites()
    {
        // A silver-only run finds the key's bronze files through the bronze table's log (on S3,
        // downloads them); the results must be those of one run of both layers.
        ShopDataset.WriteTo(_lake);
        var together = (await RunAsync("k1")).Single();

        // The same files again: an incremental run reads them again only when told to.
        var bronze = (await RunAsync("k2", RunLayer.Bronze, reprocess: true)).Single();
        var silver = (await RunAsync("k2", RunLayer.Silver)).Single();

        Assert.True(bronze.Succeeded && silver.Succeeded, bronze.Error ?? silver.Error);
        Assert.Equal(
            (together.Silver!.RowsRead, together.Silver.RowsWritten, together.Silver.Quarantined, together.Silver.DuplicatesRemoved, together.Silver.Filtered),
            (silver.Silver!.RowsRead, silver.Silver.RowsWritten, silver.Silver.Quarantined, silver.Silver.DuplicatesRemoved, silver.Silver.Filtered));
        const string Rows = "SELECT * EXCLUDE (_run_key) FROM t ORDER BY ALL";
        Assert.Equal(_lake.Query(ShopDataset.SilverRun("k1"), Rows), _lake.Query(ShopDataset.SilverRun("k2"), Rows));
        const string Quarantined = "SELECT * EXCLUDE (_run_key) FROM t WHERE _run_key = '{0}' ORDER BY ALL";
        Assert.Equal(
            _lake.Query(ShopDataset.Quarantine, string.Format(System.Globalization.CultureInfo.InvariantCulture, Quarantined, "k1")),
            _lake.Query(ShopDataset.Quarantine, string.Format(System.Globalization.CultureInfo.InvariantCulture, Quarantined, "k2")));
    }

    [Fact]
    public async Task RunAsync_SameRunKeyTwice_LeavesTheSameTableContents()
    {
        ShopDataset.WriteTo(_lake);
        await RunAsync("k1");
        var silverBefore = _lake.Query(ShopDataset.SilverRun("k1"), "SELECT * EXCLUDE (_ingested_at) FROM t ORDER BY order_id");

        await RunAsync("k1");

        Assert.Equal(ShopDataset.Read, _lake.Count(ShopDataset.Bronze));
        Assert.Equal(ShopDataset.Quarantined, _lake.Count(ShopDataset.Quarantine));
        Assert.Equal(silverBefore, _lake.Query(ShopDataset.SilverRun("k1"), "SELECT * EXCLUDE (_ingested_at) FROM t ORDER BY order_id"));
    }

    [Fact]
    public async Task RunAsync_TwoRunKeysOverTheSameFiles_BronzeHoldsEachRecordOnceAndQuarantineAppends()
    {
        ShopDataset.WriteTo(_lake);

        await RunAsync("k1");
        await RunAsync("k2", reprocess: true);

        // Issue 13: a file read again replaces its earlier bronze rows instead of doubling them.
        Assert.Equal(ShopDataset.Read, _lake.Count(ShopDataset.Bronze));
        Assert.Equal(ShopDataset.Read, _lake.Count(ShopDataset.Bronze, "_run_key = 'k2'"));
        Assert.Equal(2 * ShopDataset.Quarantined, _lake.Count(ShopDataset.Quarantine));
        Assert.Equal(ShopDataset.Silver, _lake.Count(ShopDataset.SilverRun("k2")));
    }

    [Fact]
    public async Task RunAsync_Succeeded_WritesLedgerAndSuccessMarker()
    {
        ShopDataset.WriteTo(_lake);

        await RunAsync("k1");

        var runFolder = ShopDataset.SilverRun("k1");
        Assert.True(_lake.Exists($"{runFolder}/_SUCCESS"));
        var ledger = System.Text.Json.Nodes.JsonNode.Parse(_lake.ReadText($"{runFolder}/_run.json"))!;
        Assert.Equal("succeeded", (string?)ledger["status"]);
        Assert.Equal("k1", (string?)ledger["runKey"]);
        Assert.Equal("shop/orders-2024-03-07.csv", (string?)ledger["inputFiles"]![0]!["path"]);
        Assert.Equal(ShopDataset.Silver, (long?)ledger["silver"]!["rowsWritten"]);
        Assert.Equal(["running", "succeeded"], ledger["statusHistory"]!.AsArray().Select(s => (string?)s!["status"]));
    }

    [Fact]
    public async Task RunAsync_EveryCommittedFile_ExistsWithMatchingStats()
    {
        ShopDataset.WriteTo(_lake);

        await RunAsync("k1");

        foreach (var table in new[] { ShopDataset.Bronze, ShopDataset.SilverRun("k1"), ShopDataset.Quarantine })
        {
            foreach (var file in _lake.Snapshot(table).Files)
            {
                Assert.True(_lake.Exists($"{table}/{file.Path}"), $"{table}: {file.Path} is in the log but not in the store");
                var path = _lake.LocalCopy($"{table}/{file.Path}");
                Assert.Equal(new FileInfo(path).Length, file.Size);
                Assert.Equal(ParquetRows(path), file.Stats!.NumRecords);

                // Regression: DuckDB keys RETURN_STATS by quoted column names, and the engine once
                // looked them up unquoted and recorded no bounds or null counts at all.
                Assert.NotEmpty(file.Stats.NullCount);
                Assert.NotEmpty(file.Stats.MinValues);
                foreach (var (column, nulls) in file.Stats.NullCount)
                {
                    Assert.Equal(ParquetScalar(path, $"count(*) - count(\"{column}\")"), nulls.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                // String and date bounds compare as text (timestamps are millisecond ISO strings in stats).
                var textBounds = file.Stats.MinValues.Where(m => m.Value!.GetValueKind() == System.Text.Json.JsonValueKind.String && !m.Key.EndsWith("_at", StringComparison.Ordinal));
                foreach (var (column, min) in textBounds)
                {
                    // A long string's bound may be truncated: the minimum to a prefix, the maximum to something no smaller.
                    Assert.StartsWith(min!.GetValue<string>(), ParquetScalar(path, $"CAST(min(\"{column}\") AS VARCHAR)"), StringComparison.Ordinal);
                    if (file.Stats.MaxValues.TryGetValue(column, out var max))
                    {
                        Assert.True(string.CompareOrdinal(max!.GetValue<string>(), ParquetScalar(path, $"CAST(max(\"{column}\") AS VARCHAR)")) >= 0, $"{table}: max of {column}");
                    }
                }
            }
        }
    }

    [Fact]
    public async Task RunAsync_FailRuleBroken_FailsTheTableAndWritesNoSilver()
    {
        _lake.WriteDataset("shop", ShopDataset.WithNotNullCustomer("severity: fail"));
        _lake.WriteRaw("shop/orders-1.csv", ShopDataset.Csv);

        var outcome = (await RunAsync("k1")).Single();

        Assert.False(outcome.Succeeded);
        Assert.Contains("`not_null_customer_name` broken by 1 of", outcome.Error, StringComparison.Ordinal);
        Assert.False(_lake.Exists($"{ShopDataset.SilverRun("k1")}/_SUCCESS"));
        Assert.Empty(_lake.List($"{ShopDataset.SilverRun("k1")}/_delta_log/"));
        Assert.Empty(_lake.LeftoverStagingFolders());
    }

    [Fact]
    public async Task RunAsync_FailRuleUnderThreshold_Succeeds()
    {
        _lake.WriteDataset("shop", ShopDataset.WithNotNullCustomer("severity: fail", "threshold: 0.5"));
        _lake.WriteRaw("shop/orders-1.csv", ShopDataset.Csv);

        var outcome = (await RunAsync("k1")).Single();

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(ShopDataset.Quarantined, outcome.Silver!.Quarantined);
    }

    [Fact]
    public async Task RunAsync_UnconfiguredRawFile_IsSkippedWithAWarningNamingIt()
    {
        ShopDataset.WriteTo(_lake);
        _lake.WriteRaw("shop/customers.csv", "id\n1\n");

        await RunAsync("k1");

        Assert.Contains(_reporter.Warnings, w => w.Contains("shop/customers.csv", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a'b")]
    [InlineData("..")]
    public async Task RunAsync_HostileRunKey_IsRefusedBeforeAnyFileIsWritten(string runKey)
    {
        ShopDataset.WriteTo(_lake);

        await Assert.ThrowsAsync<ArgumentException>(() => RunAsync(runKey));

        Assert.Empty(_lake.List("bronze/"));
    }

    private async Task<IReadOnlyList<TableRunOutcome>> RunAsync(string runKey, RunLayer layer = RunLayer.All, bool reprocess = false) =>
        await new PipelineRunner(ConfigLoader.Load(_lake.ConfDirectory), _clock, _reporter)
            .RunAsync(new RunRequest("shop", Layer: layer, RunKey: runKey) { Reprocess = reprocess });

    private static long ParquetRows(string path) => long.Parse(ParquetScalar(path, "count(*)"), System.Globalization.CultureInfo.InvariantCulture);

    private static string ParquetScalar(string path, string expression)
    {
        using var connection = new DuckDB.NET.Data.DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {expression} FROM read_parquet('{path.Replace("'", "''", StringComparison.Ordinal)}')";
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    /// <summary>A lake in a local folder.</summary>
    public sealed class Local() : PipelineRunnerTests(new TestLake());

    /// <summary>A lake and raw root in a moto bucket.</summary>
    [Collection(MotoCollection.Name)]
    public sealed class OnS3(MotoServer moto) : PipelineRunnerTests(TestLake.OnS3(moto));
}
