using System.Text.Json.Nodes;
using Medallion.Delta.Schema;
using Medallion.Delta.Storage;
using Medallion.Jobs.Engine.DuckDb;
using Medallion.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Delta.Tests;

public sealed class DeltaTableTests : IDisposable
{
    private static readonly DeltaSchema Schema = TestSchemas.Orders;

    private readonly TempDirectory _lake = new("medallion-delta");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly DuckDB.NET.Data.DuckDBConnection _duck = DuckDbTestHelper.Open();

    private string TableDirectory => _lake.Combine("silver", "orders");

    public void Dispose()
    {
        _duck.Dispose();
        _lake.Dispose();
    }

    [Fact]
    public async Task SetMetadata_ChangedTypeOrMissingColumn_ThrowsNamingColumnAndTypes()
    {
        var sut = new DeltaTable(new LocalObjectStore(_lake.Path), "t", _clock);
        var create = await sut.StartTransactionAsync();
        create.SetMetadata(Schema, ["k"]);
        await create.CommitAsync("CREATE TABLE");
        var transaction = await sut.StartTransactionAsync();

        var changed = Assert.Throws<DeltaSchemaMismatchException>(() => transaction.SetMetadata(
            new DeltaSchema([new DeltaField("id", DeltaPrimitiveType.String), Schema.Fields[1], Schema.Fields[2]]), ["k"]));
        var missing = Assert.Throws<DeltaSchemaMismatchException>(() => transaction.SetMetadata(new DeltaSchema([Schema.Fields[0], Schema.Fields[2]]), ["k"]));
        var added = Assert.Throws<DeltaSchemaMismatchException>(() => transaction.SetMetadata(
            new DeltaSchema([.. Schema.Fields, new DeltaField("extra", DeltaPrimitiveType.Integer)]), ["k"]));

        Assert.Contains("retyped `id` from `long` to `string`", changed.Message, StringComparison.Ordinal);
        Assert.Contains("removed `name` (`string`)", missing.Message, StringComparison.Ordinal);
        Assert.Contains("added `extra` (`integer`)", added.Message, StringComparison.Ordinal);
        Assert.Contains("allowAddColumns", added.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateView_ColumnAddedLater_ReadsNullFromOlderFiles()
    {
        var sut = new DeltaTable(new LocalObjectStore(_lake.Path), "t", _clock);
        var create = await sut.StartTransactionAsync();
        create.SetMetadata(Schema, ["k"]);
        DataFileWriter.Write(_duck, "SELECT 1 AS id, 'old' AS name, 'a' AS k", _lake.Combine("t"), "", "k").ForEach(create.Add);
        await create.CommitAsync("WRITE");
        var evolve = await sut.StartTransactionAsync();
        evolve.SetMetadata(new DeltaSchema([.. Schema.Fields, new DeltaField("amount", new DeltaDecimalType(18, 2))]), ["k"], allowAddColumns: true);
        DataFileWriter.Write(_duck, "SELECT 2 AS id, 'new' AS name, 12.5::DECIMAL(18,2) AS amount, 'b' AS k", _lake.Combine("t"), "", "k").ForEach(evolve.Add);
        await evolve.CommitAsync("WRITE");

        DuckDbSnapshotReader.CreateView(_duck, await sut.LoadSnapshotAsync(), _lake.Combine("t"), "evolved");

        Assert.Equal("1:null,2:12.50", DuckDbTestHelper.Scalar(_duck, "SELECT string_agg(id || ':' || coalesce(CAST(amount AS VARCHAR), 'null'), ',' ORDER BY id) FROM evolved"));
        Assert.Equal("DECIMAL(18,2)", DuckDbTestHelper.Scalar(_duck, "SELECT typeof(amount) FROM evolved LIMIT 1"));
    }

    [Fact]
    public async Task CreateView_NoLiveFiles_IsEmptyWithTheSchemaTypes()
    {
        var sut = new DeltaTable(new LocalObjectStore(_lake.Path), "t", _clock);
        var create = await sut.StartTransactionAsync();
        create.SetMetadata(new DeltaSchema([new DeltaField("at", DeltaPrimitiveType.Timestamp), new DeltaField("d", DeltaPrimitiveType.Date)]), ["d"]);
        await create.CommitAsync("CREATE TABLE");

        DuckDbSnapshotReader.CreateView(_duck, await sut.LoadSnapshotAsync(), _lake.Combine("t"), "empty \"view\"");

        Assert.Equal(0, DuckDbTestHelper.Count(_duck, "SELECT count(*) FROM \"empty \"\"view\"\"\""));
        Assert.Equal("TIMESTAMP WITH TIME ZONE,DATE", DuckDbTestHelper.Scalar(_duck, "SELECT string_agg(column_type, ',') FROM (DESCRIBE SELECT * FROM \"empty \"\"view\"\"\")"));
    }

    [Fact]
    public async Task LoadSnapshotAsync_NoTable_ThrowsNotFoundAndTryReturnsNull()
    {
        var sut = new DeltaTable(new LocalObjectStore(_lake.Path), "missing", _clock);

        Assert.Null(await sut.TryLoadSnapshotAsync());
        var exception = await Assert.ThrowsAsync<DeltaTableNotFoundException>(() => sut.LoadSnapshotAsync());
        Assert.Contains(_lake.Combine("missing"), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitAsync_CheckpointWriteFails_CommitSucceedsAndTheWarningIsRaised()
    {
        var warnings = new List<DeltaTableWarning>();
        var store = new CheckpointFailingStore(new LocalObjectStore(_lake.Path));
        var sut = new DeltaTable(store, "t", _clock, warnings.Add);
        var versions = new List<long>();
        for (var commit = 0; commit <= 10; commit++)
        {
            var transaction = await sut.StartTransactionAsync();
            if (commit == 0)
            {
                transaction.SetMetadata(Schema, []);
            }

            transaction.SetAppTransaction("run", commit);
            versions.Add(await transaction.CommitAsync("WRITE"));
        }

        var warning = Assert.Single(warnings);
        Assert.Equal(10, versions[^1]);
        Assert.Equal(10, warning.Version);
        Assert.IsType<IOException>(warning.Exception);
        Assert.Contains("Version 10", warning.Message, StringComparison.Ordinal);
        Assert.Contains("disk full", warning.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_lake.Combine("t", "_delta_log", $"{10:D20}.checkpoint.parquet")));
        Assert.Equal((10L, 10L), ((await sut.LoadSnapshotAsync()).Version, (await sut.LoadSnapshotAsync()).AppTransactions["run"]));
    }
}
