using System.Text.Json.Nodes;
using Medallion.Delta.Reading;
using Medallion.Delta.Schema;
using Medallion.Delta.Storage;
using Medallion.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Delta.Tests;

public sealed class DeltaTableTests : IDisposable
{
    private static readonly DeltaSchema Schema = new([
        new DeltaField("id", DeltaPrimitiveType.Long),
        new DeltaField("name", DeltaPrimitiveType.String),
        new DeltaField("k", DeltaPrimitiveType.String),
    ]);

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
    public async Task CommitAsync_CreateAppendRemove_ReadsBackRowsAndActions()
    {
        var sut = new DeltaTable(new LocalObjectStore(_lake.Path), "silver/orders", _clock);
        var first = DataFileWriter.Write(_duck, "SELECT range AS id, 'n' || range AS name, CASE WHEN range % 2 = 0 THEN 'even' ELSE 'odd' END AS k FROM range(10)", TableDirectory, "", "k");
        var create = await sut.StartTransactionAsync();
        create.SetMetadata(Schema, ["k"]);
        first.ForEach(create.Add);
        var created = await create.CommitAsync("WRITE", commitInfoExtras: new Dictionary<string, JsonNode?> { ["runKey"] = "run-1", ["engine"] = "duckdb" });

        var second = DataFileWriter.Write(_duck, "SELECT 101 AS id, 'late' AS name, 'odd' AS k", TableDirectory, "", "k");
        var append = await sut.StartTransactionAsync();
        second.ForEach(append.Add);
        var appended = await append.CommitAsync("WRITE");

        _clock.Advance(TimeSpan.FromMinutes(5));
        var remove = await sut.StartTransactionAsync();
        var evenFile = remove.ReadSnapshot!.Files.Single(file => file.PartitionValues["k"] == "even");
        remove.Remove(evenFile);
        var removed = await remove.CommitAsync("DELETE", new Dictionary<string, JsonNode?> { ["predicate"] = "k = 'even'" });

        var snapshot = await sut.LoadSnapshotAsync();
        DuckDbSnapshotReader.CreateView(_duck, snapshot, TableDirectory, "orders");
        Assert.Equal((0L, 1L, 2L), (created, appended, removed));
        Assert.Equal(DeltaProtocol.Default, snapshot.Protocol);
        Assert.Equal(["odd", "odd"], snapshot.Files.Select(file => file.PartitionValues["k"]));
        Assert.Equal(6, DuckDbTestHelper.Count(_duck, "SELECT count(*) FROM orders"));
        Assert.Equal(0, DuckDbTestHelper.Count(_duck, "SELECT count(*) FROM orders WHERE k <> 'odd' OR id % 2 = 0"));
        var removeLine = File.ReadAllLines(Path.Combine(TableDirectory, "_delta_log", "00000000000000000002.json")).Single(line => line.StartsWith("{\"remove\"", StringComparison.Ordinal));
        var removeAction = JsonNode.Parse(removeLine)!["remove"]!;
        Assert.Equal(_clock.GetUtcNow().ToUnixTimeMilliseconds(), removeAction["deletionTimestamp"]!.GetValue<long>());
        Assert.True(removeAction["extendedFileMetadata"]!.GetValue<bool>());
        Assert.Equal("even", removeAction["partitionValues"]!["k"]!.GetValue<string>());
        Assert.Equal(evenFile.Size, removeAction["size"]!.GetValue<long>());
        Assert.Equal(10, (await new DeltaTable(new LocalObjectStore(_lake.Path), "silver/orders").LoadSnapshotAsync(version: 0)).Files.Sum(file => file.Stats!.NumRecords));
    }

    [Fact]
    public async Task HistoryAsync_AfterCommits_ReturnsOperationTimestampAndExtras()
    {
        var sut = new DeltaTable(new LocalObjectStore(_lake.Path), "t", _clock);
        var create = await sut.StartTransactionAsync();
        create.SetMetadata(Schema, []);
        await create.CommitAsync("CREATE TABLE", commitInfoExtras: new Dictionary<string, JsonNode?> { ["runKey"] = "r1", ["counts"] = new JsonObject { ["rows"] = 0 } });
        _clock.Advance(TimeSpan.FromHours(1));
        await (await sut.StartTransactionAsync()).CommitAsync("WRITE", new Dictionary<string, JsonNode?> { ["mode"] = "Append" });

        var history = await sut.HistoryAsync();

        Assert.Equal([0L, 1L], history.Select(entry => entry.Version));
        Assert.Equal(["CREATE TABLE", "WRITE"], history.Select(entry => entry.Operation));
        Assert.Equal(_clock.GetUtcNow(), history[1].Timestamp);
        Assert.Equal("r1", history[0].Extras["runKey"]!.GetValue<string>());
        Assert.Equal(0, history[0].Extras["counts"]!["rows"]!.GetValue<int>());
        Assert.Equal("Append", history[1].OperationParameters["mode"]!.GetValue<string>());
    }

    [Fact]
    public async Task CommitAsync_TwentyFiveCommits_ReadsTheSameBeforeAndAfterCheckpoints()
    {
        var store = new LocalObjectStore(_lake.Path);
        var sut = new DeltaTable(store, "t", _clock);
        for (var commit = 0; commit < 25; commit++)
        {
            var transaction = await sut.StartTransactionAsync();
            if (commit == 0)
            {
                transaction.SetMetadata(Schema, ["k"]);
            }

            var files = DataFileWriter.Write(_duck, $"SELECT {commit} AS id, 'name ''{commit}' AS name, 'k{commit % 3}' AS k", _lake.Combine("t"), "", "k");
            files.ForEach(transaction.Add);
            if (commit % 4 == 3)
            {
                transaction.Remove(transaction.ReadSnapshot!.Files[0]);
            }

            transaction.SetAppTransaction("promote", commit);
            await transaction.CommitAsync("WRITE");
        }

        var withCheckpoints = await sut.LoadSnapshotAsync();
        foreach (var checkpoint in new[] { 10, 20 })
        {
            Assert.True(File.Exists(_lake.Combine("t", "_delta_log", $"{checkpoint:D20}.checkpoint.parquet")));
        }

        Assert.Equal(20, JsonNode.Parse(File.ReadAllText(_lake.Combine("t", "_delta_log", "_last_checkpoint")))!["version"]!.GetValue<long>());
        foreach (var checkpoint in Directory.GetFiles(_lake.Combine("t", "_delta_log"), "*.checkpoint.parquet").Append(_lake.Combine("t", "_delta_log", "_last_checkpoint")))
        {
            File.Delete(checkpoint);
        }

        var fromJsonOnly = await sut.LoadSnapshotAsync();
        Assert.Equal(24, withCheckpoints.Version);
        Assert.Equal(25 - 6, withCheckpoints.Files.Count);
        Assert.Equal(24, withCheckpoints.AppTransactions["promote"]);
        Assert.Equal(fromJsonOnly.Files, withCheckpoints.Files, new AddFileComparer());
        Assert.Equal(fromJsonOnly.Metadata.Schema.ToJson(), withCheckpoints.Metadata.Schema.ToJson());
        Assert.Equal(fromJsonOnly.Metadata.Id, withCheckpoints.Metadata.Id);
        Assert.Equal(fromJsonOnly.AppTransactions, withCheckpoints.AppTransactions);
    }

    [Fact]
    public async Task CommitAsync_SecondWriterAtTheSameVersion_ThrowsTransientAndKeepsTheFirstCommit()
    {
        var sut = new DeltaTable(new LocalObjectStore(_lake.Path), "t", _clock);
        var create = await sut.StartTransactionAsync();
        create.SetMetadata(Schema, []);
        await create.CommitAsync("CREATE TABLE");
        var winner = await sut.StartTransactionAsync();
        var loser = await sut.StartTransactionAsync();
        winner.SetAppTransaction("winner", 1);
        loser.SetAppTransaction("loser", 1);
        await winner.CommitAsync("WRITE");
        var winnerBytes = File.ReadAllBytes(_lake.Combine("t", "_delta_log", "00000000000000000001.json"));

        var exception = await Assert.ThrowsAsync<DeltaConcurrentCommitException>(() => loser.CommitAsync("WRITE"));

        Assert.True(exception.IsTransient);
        Assert.Equal((1L, 0L), (exception.AttemptedVersion, exception.ReadVersion));
        Assert.Equal(winnerBytes, File.ReadAllBytes(_lake.Combine("t", "_delta_log", "00000000000000000001.json")));
        Assert.Equal(["winner"], (await sut.LoadSnapshotAsync()).AppTransactions.Keys);
    }

    [Fact]
    public async Task CommitAsync_AwkwardPartitionValues_SurviveWriteAndRead()
    {
        string?[] values = ["a b", "x/y", "k=v", "100%", "it's \"quoted\"", "Ærøskøbing ünïcödé", null];
        var rows = string.Join(" UNION ALL ", values.Select((value, index) =>
            $"SELECT {index} AS id, 'row' AS name, {(value is null ? "NULL::VARCHAR" : DuckDbTestHelper.Literal(value))} AS k"));
        var files = DataFileWriter.Write(_duck, rows, _lake.Combine("t"), "", "k");
        var sut = new DeltaTable(new LocalObjectStore(_lake.Path), "t", _clock);
        var create = await sut.StartTransactionAsync();
        create.SetMetadata(Schema, ["k"]);
        files.ForEach(create.Add);
        await create.CommitAsync("WRITE");

        var snapshot = await sut.LoadSnapshotAsync();
        DuckDbSnapshotReader.CreateView(_duck, snapshot, _lake.Combine("t"), "awkward");

        Assert.Equal(files.Select(file => file.Path).Order(StringComparer.Ordinal), snapshot.Files.Select(file => file.Path));
        Assert.All(snapshot.Files, file => Assert.True(File.Exists(Path.Combine(_lake.Combine("t"), file.Path))));
        for (var index = 0; index < values.Length; index++)
        {
            var read = DuckDbTestHelper.Scalar(_duck, $"SELECT coalesce(k, '<null>') FROM awkward WHERE id = {index}");
            Assert.Equal(values[index] ?? "<null>", read);
        }
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

        Assert.Contains("`id` is `long`", changed.Message, StringComparison.Ordinal);
        Assert.Contains("`string`", changed.Message, StringComparison.Ordinal);
        Assert.Contains("`name` (`string`)", missing.Message, StringComparison.Ordinal);
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

    private sealed class AddFileComparer : IEqualityComparer<AddFile>
    {
        public bool Equals(AddFile? x, AddFile? y) =>
            x is not null && y is not null && x.Path == y.Path && x.Size == y.Size && x.ModificationTime == y.ModificationTime
            && x.DataChange == y.DataChange && x.Stats?.NumRecords == y.Stats?.NumRecords
            && x.PartitionValues.OrderBy(pair => pair.Key, StringComparer.Ordinal).SequenceEqual(y.PartitionValues.OrderBy(pair => pair.Key, StringComparer.Ordinal));

        public int GetHashCode(AddFile obj) => obj.Path.GetHashCode(StringComparison.Ordinal);
    }
}
