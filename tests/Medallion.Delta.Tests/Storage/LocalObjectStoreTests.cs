using System.Text;
using Medallion.Delta.Storage;
using Medallion.Testing;

namespace Medallion.Delta.Tests.Storage;

public sealed class LocalObjectStoreTests : IDisposable
{
    private readonly TempDirectory _root = new("medallion-store");

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task PutIfAbsentAsync_ExistingObject_ReturnsFalseAndKeepsContent()
    {
        var sut = new LocalObjectStore(_root.Path);

        var first = await sut.PutIfAbsentAsync("t/_delta_log/0.json", Encoding.UTF8.GetBytes("first"));
        var second = await sut.PutIfAbsentAsync("t/_delta_log/0.json", Encoding.UTF8.GetBytes("second"));

        Assert.Equal((true, false), (first, second));
        Assert.Equal("first", Encoding.UTF8.GetString((await sut.TryReadAsync("t/_delta_log/0.json"))!));
    }

    [Fact]
    public async Task ListAsync_NestedObjects_ReturnsRelativeSortedPathsWithoutTempFiles()
    {
        var sut = new LocalObjectStore(_root.Path);
        await sut.WriteAsync("t/b/2.txt", new byte[] { 1, 2 });
        await sut.WriteAsync("t/a.txt", new byte[] { 1 });
        await sut.CopyAsync("t/a.txt", "t/c/a.txt");
        File.WriteAllText(_root.Combine("t", ".x.json.abc.tmp"), "partial");

        var listed = await sut.ListAsync("t");

        Assert.Equal(["t/a.txt", "t/b/2.txt", "t/c/a.txt"], listed.Select(item => item.Path));
        Assert.Equal(2, listed[1].Size);
        Assert.Null(await sut.TryReadAsync("t/missing"));
        Assert.Empty(await sut.ListAsync("nothing"));
    }

    [Fact]
    public async Task DeleteAsync_ExistingObject_RemovesIt()
    {
        var sut = new LocalObjectStore(_root.Path);
        await sut.WriteAsync("x.bin", new byte[] { 1 });

        await sut.DeleteAsync("x.bin");

        Assert.False(await sut.ExistsAsync("x.bin"));
    }

    [Fact]
    public async Task UploadFileAsync_ThenTryDownloadFileAsync_RoundTripsReplacingFilesWithoutLeavingTempFiles()
    {
        using var elsewhere = new TempDirectory("medallion-files");
        var sut = new LocalObjectStore(_root.Path);
        var content = new byte[(3 * 1024 * 1024) + 7];
        new Random(7).NextBytes(content);
        var source = elsewhere.Combine("part-0001.parquet");
        await File.WriteAllBytesAsync(source, content);
        var target = elsewhere.Combine("staged", "part-0001.parquet");
        Directory.CreateDirectory(elsewhere.Combine("staged"));
        await File.WriteAllTextAsync(target, "stale");
        await sut.WriteAsync("t/part-0001.parquet", new byte[] { 1 });

        await sut.UploadFileAsync(source, "t/part-0001.parquet");
        var downloaded = await sut.TryDownloadFileAsync("t/part-0001.parquet", target);

        Assert.True(downloaded);
        Assert.Equal(content, await File.ReadAllBytesAsync(_root.Combine("t", "part-0001.parquet")));
        Assert.Equal(content, await File.ReadAllBytesAsync(target));
        Assert.Equal(["part-0001.parquet"], Directory.GetFiles(_root.Combine("t")).Select(Path.GetFileName));
        Assert.Equal(["part-0001.parquet"], Directory.GetFiles(elsewhere.Combine("staged")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task TryDownloadFileAsync_MissingObject_ReturnsFalseAndCreatesNothing()
    {
        using var elsewhere = new TempDirectory("medallion-files");
        var sut = new LocalObjectStore(_root.Path);

        var downloaded = await sut.TryDownloadFileAsync("no/such/file.json", elsewhere.Combine("staged", "file.json"));

        Assert.False(downloaded);
        Assert.False(Directory.Exists(elsewhere.Combine("staged")));
    }

    [Fact]
    public async Task UploadFileAsync_MissingLocalFile_ThrowsFileNotFoundAndWritesNothing()
    {
        var sut = new LocalObjectStore(_root.Path);

        await Assert.ThrowsAsync<FileNotFoundException>(() => sut.UploadFileAsync(_root.Combine("absent.parquet"), "t/x.parquet"));

        Assert.False(await sut.ExistsAsync("t/x.parquet"));
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("a/../../b")]
    [InlineData("/absolute")]
    [InlineData("C:/windows")]
    [InlineData("s3://bucket/key")]
    [InlineData("a\\b")]
    public async Task WriteAsync_UnsafePath_ThrowsArgumentException(string path)
    {
        var sut = new LocalObjectStore(_root.Path);

        await Assert.ThrowsAsync<ArgumentException>(() => sut.WriteAsync(path, new byte[] { 1 }));
    }
}
