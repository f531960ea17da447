using Medallion.Jobs.Engine;
using Medallion.Orchestration.Runs;
using Medallion.Testing;
using Medallion.Testing.Moto;

namespace Medallion.Orchestration.Tests.Runs;

/// <summary>Raw objects on S3 staged for DuckDB: streamed to disk under their store paths; a vanished object fails the run by name.</summary>
[Collection(MotoCollection.Name)]
public sealed class RawFilesTests(MotoServer moto) : IDisposable
{
    private readonly TempDirectory _folder = new("medallion-raw");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task StageAsync_S3Objects_DownloadsThemUnderTheirPaths()
    {
        var store = moto.CreateStore("raw");
        await store.WriteAsync("sales/2024/orders-1.json", "{\"id\":1}\n"u8.ToArray());
        using var sut = new RawFiles(store, _folder.Combine("staged"));

        var local = await sut.StageAsync(await store.ListAsync("sales"));

        Assert.Equal([_folder.Combine("staged", "sales", "2024", "orders-1.json")], local);
        Assert.Equal("{\"id\":1}\n", await File.ReadAllTextAsync(local[0]));
    }

    [Fact]
    public async Task StageAsync_ObjectGoneAfterListing_ThrowsRunFailedNamingIt()
    {
        var store = moto.CreateStore("raw");
        await store.WriteAsync("sales/orders-1.json", "{}"u8.ToArray());
        using var sut = new RawFiles(store, _folder.Combine("staged"));
        var listed = await store.ListAsync("sales");
        await store.DeleteAsync("sales/orders-1.json");

        var failure = await Assert.ThrowsAsync<RunFailedException>(() => sut.StageAsync(listed));

        Assert.Contains($"{store.Describe("sales/orders-1.json")} was listed but is gone", failure.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder.Combine("staged", "sales")));
    }
}
