using System.Text;
using Medallion.Delta.Storage;
using Medallion.Orchestration.Promotion;
using Medallion.Testing;

namespace Medallion.Orchestration.Tests.Promotion;

/// <summary>The promotion's copy loop on a local store (the S3 side runs through <see cref="PromoterTests.OnS3"/>).</summary>
public sealed class FileCopierTests : IDisposable
{
    private readonly TempDirectory _folder = new("medallion-copier");

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task CopyAsync_TenFiles_CopiesEachToItsTargetAndCountsThem(int parallelism)
    {
        var store = new LocalObjectStore(_folder.Path);
        var copies = Enumerable.Range(0, 10).Select(i => ($"runs/r1/part-{i}.parquet", $"current/part-{i}.parquet")).ToList();
        foreach (var (source, _) in copies)
        {
            await store.WriteAsync(source, Encoding.UTF8.GetBytes(source));
        }

        var copied = await FileCopier.CopyAsync(store, copies, parallelism);

        Assert.Equal(10, copied);
        foreach (var (source, target) in copies)
        {
            Assert.Equal(source, Encoding.UTF8.GetString(await store.TryReadAsync(target) ?? []));
        }
    }

    [Fact]
    public async Task CopyAsync_MissingSource_ThrowsNamingIt()
    {
        var store = new LocalObjectStore(_folder.Path);

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => FileCopier.CopyAsync(store, [("runs/r1/gone.parquet", "current/gone.parquet")], 4));

        Assert.Contains("gone.parquet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CopyAsync_ZeroParallelism_Throws()
    {
        var store = new LocalObjectStore(_folder.Path);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => FileCopier.CopyAsync(store, [], 0));
    }
}
