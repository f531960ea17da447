using System.Text.Json.Nodes;
using Medallion.Delta.Storage;
using Medallion.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Delta.Tests.Writing;

/// <summary>
/// A checkpoint Medallion writes must read in other Delta readers, not only its own: DuckDB's
/// <c>read_parquet</c> sees the protocol's checkpoint schema and the actions as a commit file holds them.
/// </summary>
public sealed class CheckpointWriterTests : IDisposable
{
    private readonly TempDirectory _lake = new("medallion-checkpoint");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly DuckDB.NET.Data.DuckDBConnection _duck = DuckDbTestHelper.Open();

    public void Dispose()
    {
        _duck.Dispose();
        _lake.Dispose();
    }

    [Fact]
    public async Task WriteAsync_TenthCommit_DuckDbReadsTheProtocolSchemaAndEveryAction()
    {
        var sut = new DeltaTable(new LocalObjectStore(_lake.Path), "t", _clock);
        for (var commit = 0; commit <= 10; commit++)
        {
            var transaction = await sut.StartTransactionAsync();
            if (commit == 0)
            {
                transaction.SetMetadata(TestSchemas.Orders, ["k"]);
            }

            var stats = new FileStatistics(commit + 1, new Dictionary<string, JsonNode?> { ["id"] = commit }, new Dictionary<string, JsonNode?> { ["id"] = commit }, new Dictionary<string, long> { ["id"] = 0 });
            transaction.Add(new AddFile($"k=a b/part-{commit}.parquet", new Dictionary<string, string?> { ["k"] = commit == 3 ? null : "a b" }, 100 + commit, 1_700_000_000_000, DataChange: true, stats));
            transaction.SetAppTransaction("promote", commit);
            await transaction.CommitAsync("WRITE");
        }

        var file = DuckDbTestHelper.Literal(_lake.Combine("t", "_delta_log", $"{10:D20}.checkpoint.parquet"));
        var types = DuckDbTestHelper.Scalar(_duck, $"SELECT string_agg(column_name || ' ' || column_type, '; ') FROM (DESCRIBE SELECT * FROM read_parquet({file}))");
        var adds = DuckDbTestHelper.Scalar(_duck,
            $"SELECT string_agg(add.path || '|' || coalesce(add.partitionValues['k'], 'null') || '|' || add.size || '|' || (add.stats::JSON->>'numRecords'), ',' ORDER BY add.size) FROM read_parquet({file}) WHERE add IS NOT NULL");
        var others = DuckDbTestHelper.Scalar(_duck,
            $"SELECT max(protocol.minReaderVersion) || ',' || max(protocol.minWriterVersion) || ',' || max(txn.appId) || ':' || max(txn.version) || ',' || max(array_to_string(metaData.partitionColumns, '/')) || ',' || count(remove) FROM read_parquet({file})");

        Assert.Equal(
            "protocol STRUCT(minReaderVersion INTEGER, minWriterVersion INTEGER); "
            + "metaData STRUCT(id VARCHAR, \"name\" VARCHAR, description VARCHAR, format STRUCT(provider VARCHAR, \"options\" MAP(VARCHAR, VARCHAR)), schemaString VARCHAR, partitionColumns VARCHAR[], createdTime BIGINT, \"configuration\" MAP(VARCHAR, VARCHAR)); "
            + "txn STRUCT(appId VARCHAR, \"version\" BIGINT, lastUpdated BIGINT); "
            + "add STRUCT(path VARCHAR, partitionValues MAP(VARCHAR, VARCHAR), size BIGINT, modificationTime BIGINT, dataChange BOOLEAN, stats VARCHAR, tags MAP(VARCHAR, VARCHAR)); "
            + "remove STRUCT(path VARCHAR, deletionTimestamp BIGINT, dataChange BOOLEAN, extendedFileMetadata BOOLEAN, partitionValues MAP(VARCHAR, VARCHAR), size BIGINT)",
            types);
        Assert.Equal(string.Join(',', Enumerable.Range(0, 11).Select(commit => $"k=a%20b/part-{commit}.parquet|{(commit == 3 ? "null" : "a b")}|{100 + commit}|{commit + 1}")), adds);
        Assert.Equal("1,2,promote:10,k,0", others);
    }
}
