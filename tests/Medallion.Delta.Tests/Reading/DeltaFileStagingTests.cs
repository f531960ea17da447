using DuckDB.NET.Data;
using Medallion.Delta.Reading;
using Medallion.Delta.S3;
using Medallion.Jobs.Engine.DuckDb;
using Medallion.Testing;
using Medallion.Testing.Moto;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Delta.Tests.Reading;

/// <summary>Staging an S3 table's live files for DuckDB: streamed downloads, stale copies replaced, missing files named.</summary>
[Collection(MotoCollection.Name)]
public sealed class DeltaFileStagingTests(MotoServer moto) : IDisposable
{
    private readonly TempDirectory _work = new("medallion-staging");
    private readonly DuckDBConnection _duck = DuckDbTestHelper.Open();
    private readonly S3ObjectStore _store = moto.CreateStore("lake");

    public void Dispose()
    {
        _store.Dispose();
        _duck.Dispose();
        _work.Dispose();
    }

    /// <summary>A file cut short by an interrupted run (wrong size) is fetched again; the result reads like the table.</summary>
    [Fact]
    public async Task StageAsync_StaleLocalCopy_DownloadsTheLiveFilesAgain()
    {
        var snapshot = await CommitAsync("bronze/orders", "SELECT range AS id, 'n' || range AS name, 'k' AS k FROM range(100)");
        var staging = _work.Combine("staged");
        var stale = Path.Combine(staging, snapshot.Files[0].Path);
        Directory.CreateDirectory(Path.GetDirectoryName(stale)!);
        await File.WriteAllTextAsync(stale, "half a file");

        var local = await DeltaFileStaging.StageAsync(_store, snapshot, staging);

        Assert.Equal(snapshot.Files[0].Size, new FileInfo(stale).Length);
        DuckDbSnapshotReader.CreateView(_duck, snapshot, local, "staged");
        Assert.Equal(100, DuckDbTestHelper.Count(_duck, "SELECT count(*) FROM staged"));
        Assert.Empty(Directory.GetFiles(staging, ".*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task StageAsync_LiveFileMissingFromTheStore_ThrowsDeltaFormatExceptionNamingIt()
    {
        var snapshot = await CommitAsync("bronze/orders", "SELECT 1 AS id, 'one' AS name, 'k' AS k");
        await _store.DeleteAsync($"bronze/orders/{snapshot.Files[0].Path}");

        var failure = await Assert.ThrowsAsync<DeltaFormatException>(() => DeltaFileStaging.StageAsync(_store, snapshot, _work.Combine("staged")));

        Assert.Contains($"'{_store.Describe($"bronze/orders/{snapshot.Files[0].Path}")}' is missing from the store", failure.Message, StringComparison.Ordinal);
    }

    private async Task<DeltaSnapshot> CommitAsync(string tablePath, string query)
    {
        var upload = _work.Combine("upload", Guid.NewGuid().ToString("N"));
        var files = DataFileWriter.Write(_duck, query, upload, "");
        foreach (var file in files)
        {
            await _store.UploadFileAsync(Path.Combine(upload, file.Path), $"{tablePath}/{file.Path}");
        }

        var table = new DeltaTable(_store, tablePath, new FakeTimeProvider(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero)));
        var transaction = await table.StartTransactionAsync();
        transaction.SetMetadata(TestSchemas.Orders, []);
        files.ForEach(transaction.Add);
        await transaction.CommitAsync("WRITE");
        return await table.LoadSnapshotAsync();
    }
}
