using Medallion.Delta.Storage;
using Medallion.Jobs.Engine.DuckDb;
using Medallion.Testing;

namespace Medallion.Delta.Tests.Conformance;

/// <summary>The delta-rs test tables; the expected values were read by hand from their JSON logs.</summary>
public sealed class DeltaRsTableTests
{
    private static readonly string Tables = RepositoryPaths.SharedFolder("delta-conformance/tables");

    private static DeltaTable Open(string table) => new(new LocalObjectStore(Path.Combine(Tables, table)), "");

    [Fact]
    public async Task LoadSnapshot_Partitioned_HasSixFilesWithYearMonthDayValues()
    {
        var sut = Open("delta-0.8.0-partitioned");

        var snapshot = await sut.LoadSnapshotAsync();

        Assert.Equal(0, snapshot.Version);
        Assert.Equal(["year", "month", "day"], snapshot.Metadata.PartitionColumns);
        Assert.Equal(6, snapshot.Files.Count);
        var file = Assert.Single(snapshot.Files, file => file.Path.StartsWith("year=2021/month=12/day=20/", StringComparison.Ordinal));
        Assert.Equal(new Dictionary<string, string?> { ["year"] = "2021", ["month"] = "12", ["day"] = "20" }, file.PartitionValues);
    }

    [Fact]
    public async Task LoadSnapshot_NullPartition_ReadsTheNullValueFromTheLog()
    {
        var sut = Open("delta-0.8.0-null-partition");

        var snapshot = await sut.LoadSnapshotAsync();

        Assert.Equal(2, snapshot.Files.Count);
        var nullFile = Assert.Single(snapshot.Files, file => file.Path.StartsWith("k=__HIVE_DEFAULT_PARTITION__/", StringComparison.Ordinal));
        Assert.Null(nullFile.PartitionValues["k"]);
        Assert.Equal("A", Assert.Single(snapshot.Files, file => file.Path.StartsWith("k=A/", StringComparison.Ordinal)).PartitionValues["k"]);
    }

    [Fact]
    public async Task LoadSnapshot_SpecialPartition_DecodesPathsOnceAndKeepsTheRawValues()
    {
        var sut = Open("delta-0.8.0-special-partition");

        var snapshot = await sut.LoadSnapshotAsync();

        // The log has x=A%252FA: the directory on disk is x=A%2FA and the value is "A/A".
        Assert.Contains(snapshot.Files, file => file.Path.StartsWith("x=A%2FA/", StringComparison.Ordinal) && file.PartitionValues["x"] == "A/A");
        Assert.Contains(snapshot.Files, file => file.Path.StartsWith("x=B%20B/", StringComparison.Ordinal) && file.PartitionValues["x"] == "B B");
        Assert.All(snapshot.Files, file => Assert.True(File.Exists(Path.Combine(Tables, "delta-0.8.0-special-partition", file.Path))));
    }

    [Fact]
    public async Task CreateView_NumericPartition_CastsPartitionStringsToTheSchemaTypes()
    {
        var directory = Path.Combine(Tables, "delta-0.8.0-numeric-partition");
        var snapshot = await Open("delta-0.8.0-numeric-partition").LoadSnapshotAsync();
        using var connection = DuckDbTestHelper.Open();

        DuckDbSnapshotReader.CreateView(connection, snapshot, directory, "numeric");

        Assert.Equal(2, snapshot.Files.Count);
        Assert.Equal("10:10.0,9:9.9", DuckDbTestHelper.Scalar(connection, "SELECT string_agg(x || ':' || y, ',' ORDER BY x DESC) FROM numeric"));
        Assert.Equal("BIGINT,DOUBLE", DuckDbTestHelper.Scalar(connection, "SELECT typeof(x) || ',' || typeof(y) FROM numeric LIMIT 1"));
    }

    [Fact]
    public async Task CreateView_TypedPartitions_ReturnsRowsWithIntegerAndStringPartitions()
    {
        var directory = Path.Combine(Tables, "delta-2.2.0-partitioned-types");
        var snapshot = await Open("delta-2.2.0-partitioned-types").LoadSnapshotAsync();
        using var connection = DuckDbTestHelper.Open();

        DuckDbSnapshotReader.CreateView(connection, snapshot, directory, "typed");

        Assert.Equal(3, snapshot.Files.Count);
        Assert.Equal("4c,5b,6a", DuckDbTestHelper.Scalar(connection, "SELECT string_agg(DISTINCT c1 || c2, ',' ORDER BY c1 || c2) FROM typed"));
    }

    [Fact]
    public async Task LoadSnapshot_SimpleTableWithCheckpoint_UsesCheckpointTenAndHasElevenFiles()
    {
        var sut = Open("simple_table_with_checkpoint");

        var snapshot = await sut.LoadSnapshotAsync();

        Assert.Equal(10, snapshot.Version);
        Assert.Equal(11, snapshot.Files.Count);
        Assert.Contains(snapshot.Files, file => file.Path == "part-00000-136c36f5-639d-4e95-bb0f-15cde3fb14eb-c000.snappy.parquet");
    }

    [Fact]
    public async Task LoadSnapshot_LogStartingAtCheckpoint_ReplaysFromTheCheckpoint()
    {
        var sut = Open("checkpoint_with_partitions");

        var snapshot = await sut.LoadSnapshotAsync();

        Assert.Equal(2, snapshot.Version);
        Assert.Equal(["color"], snapshot.Metadata.PartitionColumns);
        Assert.Null(Assert.Single(snapshot.Files, file => file.Path == "8ac7d8e1-daab-48ef-9d05-ec22fb4b0d2f").PartitionValues["color"]);
        Assert.Equal("red", Assert.Single(snapshot.Files, file => file.Path == "f62d8868-d952-4f9d-8bb2-fd4e011ebf36").PartitionValues["color"]);
    }

    [Fact]
    public async Task CreateView_EdgeTimestamps_ReadsBothFiles()
    {
        var directory = Path.Combine(Tables, "table_with_edge_timestamps");
        var snapshot = await Open("table_with_edge_timestamps").LoadSnapshotAsync();
        using var connection = DuckDbTestHelper.Open();

        DuckDbSnapshotReader.CreateView(connection, snapshot, directory, "edge");

        Assert.Equal(2, snapshot.Files.Count);
        Assert.True(DuckDbTestHelper.Count(connection, "SELECT count(*) FROM edge") >= 2);
    }

    [Theory]
    [InlineData("table_with_column_mapping", "column mapping")]
    [InlineData("table-with-dv-small", "deletion vectors")]
    public async Task LoadSnapshot_UnsupportedReaderFeature_IsRefusedNamingTheFeature(string table, string feature)
    {
        var sut = Open(table);

        var exception = await Assert.ThrowsAsync<DeltaUnsupportedFeatureException>(() => sut.LoadSnapshotAsync());

        Assert.Contains(feature, exception.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<MedallionException>(exception);
    }
}
