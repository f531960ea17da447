using Medallion.Delta.Storage;
using Medallion.Jobs.Engine.DuckDb;
using Medallion.Testing;

namespace Medallion.Delta.Tests.Conformance;

/// <summary>The delta-kernel-rs golden tables read through the log replay and the DuckDB view.</summary>
public sealed class GoldenTableTests
{
    private static readonly string Golden = RepositoryPaths.SharedFolder("delta-conformance/golden");

    public static TheoryData<string> TablesWithData => new(
        "basic-decimal-table",
        "basic-with-inserts-overwrite-restore",
        "data-reader-escaped-chars",
        "data-reader-partition-values",
        "data-reader-primitives",
        "data-skipping-basic-stats-all-types",
        "decimal-various-scale-precision",
        "kernel-timestamp-int96",
        "kernel-timestamp-timestamp_micros",
        "snapshot-data2-deleted");

    [Theory]
    [MemberData(nameof(TablesWithData))]
    public async Task CreateView_GoldenTable_ReturnsExactlyTheExpectedRows(string table)
    {
        var tableDirectory = Path.Combine(Golden, table, "delta");
        var sut = new DeltaTable(new LocalObjectStore(tableDirectory), "");
        var snapshot = await sut.LoadSnapshotAsync();
        using var connection = DuckDbTestHelper.Open();

        DuckDbSnapshotReader.CreateView(connection, snapshot, tableDirectory, "snapshot", WriterTimeZone(table));

        var columns = string.Join(", ", snapshot.Metadata.Schema.Fields.Select(field => $"\"{field.Name}\""));
        var expectedGlob = DuckDbTestHelper.Literal(Path.Combine(Golden, table, "expected", "*.parquet"));
        DuckDbTestHelper.Execute(connection, $"CREATE TEMP VIEW expected AS SELECT {columns} FROM read_parquet({expectedGlob}, union_by_name = true, hive_partitioning = false)");
        // Expected files store timestamps as Spark wrote them (UTC wall time); compare in UTC.
        DuckDbTestHelper.Execute(connection, "SET TimeZone = 'UTC'");
        var missing = DuckDbTestHelper.Count(connection, $"SELECT count(*) FROM (SELECT * FROM expected EXCEPT ALL SELECT {columns} FROM snapshot)");
        var extra = DuckDbTestHelper.Count(connection, $"SELECT count(*) FROM (SELECT {columns} FROM snapshot EXCEPT ALL SELECT * FROM expected)");
        var expectedCount = DuckDbTestHelper.Count(connection, "SELECT count(*) FROM expected");
        var actualCount = DuckDbTestHelper.Count(connection, "SELECT count(*) FROM snapshot");

        Assert.Equal((0L, 0L, expectedCount), (missing, extra, actualCount));
    }

    /// <summary>
    /// Zone-less timestamp partition values are in the writer's zone. The generator of
    /// data-reader-partition-values ran in Los Angeles: its '2021-09-08 11:11:11' partition is
    /// 18:11:11 UTC in the expected rows, while the kernel tables were written in UTC.
    /// </summary>
    private static string WriterTimeZone(string table) =>
        table == "data-reader-partition-values" ? "America/Los_Angeles" : "UTC";

    [Fact]
    public async Task LoadSnapshot_CheckpointTable_EndsWithTheOneLiveFileFromTheCheckpointAndLaterCommits()
    {
        var sut = new DeltaTable(new LocalObjectStore(Path.Combine(Golden, "checkpoint", "delta")), "");

        var snapshot = await sut.LoadSnapshotAsync();

        Assert.Equal(14, snapshot.Version);
        Assert.Equal(["15"], snapshot.Files.Select(file => file.Path));
    }

    [Fact]
    public async Task LoadSnapshot_SpecialCharactersTable_DecodesThePathAndEndsWithNoLiveFiles()
    {
        var sut = new DeltaTable(new LocalObjectStore(Path.Combine(Golden, "log-replay-special-characters-a", "delta")), "");

        var first = await sut.LoadSnapshotAsync(version: 0);
        var last = await sut.LoadSnapshotAsync();

        Assert.Equal(["special p@#h"], first.Files.Select(file => file.Path));
        Assert.Empty(last.Files);
    }
}
