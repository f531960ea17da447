using System.Text;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using Medallion.Delta.Reading;
using Medallion.Delta.Schema;
using Medallion.Delta.Storage;
using Medallion.Jobs.Engine.DuckDb;
using Medallion.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Delta.Tests.Stores;

/// <summary>
/// The reader and writer tests every store must pass; <see cref="LocalDeltaTableStoreTests"/> and
/// <see cref="S3DeltaTableStoreTests"/> run them against a local folder and S3 on moto.
/// </summary>
/// <remarks>
/// Data files are written by DuckDB into a local upload folder and put into the store through
/// <see cref="IObjectStore.UploadFileAsync"/> as the engine does; reads stage the live files back with
/// <see cref="DeltaFileStaging"/>, so both stores go through exactly the same path.
/// </remarks>
public abstract partial class DeltaTableStoreTests : IDisposable
{
    protected static readonly DeltaSchema Schema = TestSchemas.Orders;

    private readonly TempDirectory _work = new("medallion-delta-store");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly DuckDBConnection _duck = DuckDbTestHelper.Open();
    private readonly List<IDisposable> _owned = [];

    /// <param name="store">The store under test (disposed with the test when disposable).</param>
    /// <param name="root">Whatever holds the store's data (a temp folder), disposed with the test.</param>
    protected DeltaTableStoreTests(IObjectStore store, IDisposable? root = null)
    {
        Store = store;
        if (root is not null)
        {
            _owned.Add(root);
        }
    }

    /// <summary>The store under test.</summary>
    protected IObjectStore Store { get; }

    public void Dispose()
    {
        _duck.Dispose();
        _work.Dispose();
        (Store as IDisposable)?.Dispose();
        lock (_owned)
        {
            _owned.ForEach(owned => owned.Dispose());
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Another store instance over the same root, as a second process would open it.</summary>
    protected abstract IObjectStore OpenSameStore();

    private IObjectStore SameStore()
    {
        var store = OpenSameStore();
        if (store is IDisposable disposable)
        {
            lock (_owned)
            {
                _owned.Insert(0, disposable);
            }
        }

        return store;
    }

    private DeltaTable Table(string tablePath, IObjectStore? store = null) => new(store ?? Store, tablePath, _clock);

    private async Task<List<AddFile>> WriteFilesAsync(string tablePath, string query, params string[] partitionBy)
    {
        var upload = _work.Combine("upload", Guid.NewGuid().ToString("N"));
        var files = DataFileWriter.Write(_duck, query, upload, "", partitionBy);
        foreach (var file in files)
        {
            await Store.UploadFileAsync(Path.Combine(upload, file.Path), $"{tablePath}/{file.Path}");
        }

        return files;
    }

    private async Task CreateViewAsync(DeltaSnapshot snapshot, string viewName)
    {
        var local = await DeltaFileStaging.StageAsync(Store, snapshot, _work.Combine("staged", Guid.NewGuid().ToString("N")));
        DuckDbSnapshotReader.CreateView(_duck, snapshot, local, viewName);
    }

    private async Task<JsonNode> LogActionAsync(string tablePath, long version, string action)
    {
        var content = await Store.TryReadAsync($"{tablePath}/_delta_log/{version:D20}.json") ?? throw new InvalidOperationException($"No commit {version}.");
        var line = Encoding.UTF8.GetString(content).Split('\n').Single(line => line.StartsWith($"{{\"{action}\"", StringComparison.Ordinal));
        return JsonNode.Parse(line)![action]!;
    }

    [Fact]
    public async Task CommitAsync_CreateAppendRemove_ReadsBackRowsAndActions()
    {
        var sut = Table("silver/orders");
        var first = await WriteFilesAsync("silver/orders", "SELECT range AS id, 'n' || range AS name, CASE WHEN range % 2 = 0 THEN 'even' ELSE 'odd' END AS k FROM range(10)", "k");
        var create = await sut.StartTransactionAsync();
        create.SetMetadata(Schema, ["k"]);
        first.ForEach(create.Add);
        var created = await create.CommitAsync("WRITE", commitInfoExtras: new Dictionary<string, JsonNode?> { ["runKey"] = "run-1", ["engine"] = "duckdb" });

        var second = await WriteFilesAsync("silver/orders", "SELECT 101 AS id, 'late' AS name, 'odd' AS k", "k");
        var append = await sut.StartTransactionAsync();
        second.ForEach(append.Add);
        var appended = await append.CommitAsync("WRITE");

        _clock.Advance(TimeSpan.FromMinutes(5));
        var remove = await sut.StartTransactionAsync();
        var evenFile = remove.ReadSnapshot!.Files.Single(file => file.PartitionValues["k"] == "even");
        remove.Remove(evenFile);
        var removed = await remove.CommitAsync("DELETE", new Dictionary<string, JsonNode?> { ["predicate"] = "k = 'even'" });

        var snapshot = await sut.LoadSnapshotAsync();
        await CreateViewAsync(snapshot, "orders");
        Assert.Equal((0L, 1L, 2L), (created, appended, removed));
        Assert.Equal(DeltaProtocol.Default, snapshot.Protocol);
        Assert.Equal(["odd", "odd"], snapshot.Files.Select(file => file.PartitionValues["k"]));
        Assert.Equal(6, DuckDbTestHelper.Count(_duck, "SELECT count(*) FROM orders"));
        Assert.Equal(0, DuckDbTestHelper.Count(_duck, "SELECT count(*) FROM orders WHERE k <> 'odd' OR id % 2 = 0"));
        var removeAction = await LogActionAsync("silver/orders", 2, "remove");
        Assert.Equal(_clock.GetUtcNow().ToUnixTimeMilliseconds(), removeAction["deletionTimestamp"]!.GetValue<long>());
        Assert.True(removeAction["extendedFileMetadata"]!.GetValue<bool>());
        Assert.Equal("even", removeAction["partitionValues"]!["k"]!.GetValue<string>());
        Assert.Equal(evenFile.Size, removeAction["size"]!.GetValue<long>());
        Assert.Equal(10, (await Table("silver/orders", SameStore()).LoadSnapshotAsync(version: 0)).Files.Sum(file => file.Stats!.NumRecords));
    }

    [Fact]
    public async Task HistoryAsync_AfterCommits_ReturnsOperationTimestampAndExtras()
    {
        var sut = Table("t");
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
    public async Task CommitAsync_AwkwardPartitionValues_SurviveWriteAndRead()
    {
        string?[] values = ["a b", "x/y", "k=v", "100%", "it's \"quoted\"", "Ærøskøbing ünïcödé", null];
        var rows = string.Join(" UNION ALL ", values.Select((value, index) =>
            $"SELECT {index} AS id, 'row' AS name, {(value is null ? "NULL::VARCHAR" : DuckDbTestHelper.Literal(value))} AS k"));
        var files = await WriteFilesAsync("t", rows, "k");
        var sut = Table("t");
        var create = await sut.StartTransactionAsync();
        create.SetMetadata(Schema, ["k"]);
        files.ForEach(create.Add);
        await create.CommitAsync("WRITE");

        var snapshot = await sut.LoadSnapshotAsync();
        await CreateViewAsync(snapshot, "awkward");

        Assert.Equal(files.Select(file => file.Path).Order(StringComparer.Ordinal), snapshot.Files.Select(file => file.Path));
        foreach (var file in snapshot.Files)
        {
            Assert.True(await Store.ExistsAsync($"t/{file.Path}"), file.Path);
        }

        for (var index = 0; index < values.Length; index++)
        {
            var read = DuckDbTestHelper.Scalar(_duck, $"SELECT coalesce(k, '<null>') FROM awkward WHERE id = {index}");
            Assert.Equal(values[index] ?? "<null>", read);
        }
    }
}
