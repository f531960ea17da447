using Medallion.Delta.S3;
using Medallion.Testing;
using Medallion.Testing.Moto;

namespace Medallion.Delta.S3.Tests;

/// <summary>File uploads and downloads: streamed, multipart above the threshold, missing objects reported like <c>TryReadAsync</c>.</summary>
public sealed partial class S3ObjectStoreTests
{
    private const int MiB = 1024 * 1024;

    /// <summary>
    /// 12 MB with 5 MB parts (S3's minimum) stands in for a data file beyond PutObject's 5 GB: three
    /// parts, the last one short, must come back byte for byte.
    /// </summary>
    [Fact]
    public async Task UploadFileAsync_FileAboveTheMultipartThreshold_UploadsInPartsAndDownloadsIdentically()
    {
        using var folder = new TempDirectory("medallion-s3-files");
        var bucket = moto.CreateBucket();
        using var sut = new S3ObjectStore(moto.Settings(), bucket, "lake") { MultipartThreshold = 5 * MiB, PartSize = 5 * MiB };
        var content = new byte[(12 * MiB) + 123];
        new Random(42).NextBytes(content);
        var source = folder.Combine("part-0001.parquet");
        await File.WriteAllBytesAsync(source, content);

        await sut.UploadFileAsync(source, "bronze/orders/part-0001.parquet");
        var downloaded = await sut.TryDownloadFileAsync("bronze/orders/part-0001.parquet", folder.Combine("staged", "t", "part-0001.parquet"));

        Assert.True(downloaded);
        Assert.Equal(content, await File.ReadAllBytesAsync(folder.Combine("staged", "t", "part-0001.parquet")));
        Assert.Equal(content.Length, Assert.Single(await sut.ListAsync("bronze")).Size);
        using var client = moto.CreateClient();
        var metadata = await client.GetObjectMetadataAsync(bucket, "lake/bronze/orders/part-0001.parquet");
        Assert.EndsWith("-3\"", metadata.ETag, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Combine("staged", "t"), ".*.tmp"));
    }

    [Fact]
    public async Task UploadFileAsync_SmallFile_OverwritesTheObjectInOneRequest()
    {
        using var folder = new TempDirectory("medallion-s3-files");
        using var sut = moto.CreateStore("lake");
        await sut.WriteAsync("raw/a.json", Bytes("old"));
        var source = folder.Combine("a.json");
        await File.WriteAllTextAsync(source, "{\"id\":1}");

        await sut.UploadFileAsync(source, "raw/a.json");

        Assert.Equal("{\"id\":1}", System.Text.Encoding.UTF8.GetString((await sut.TryReadAsync("raw/a.json"))!));
    }

    /// <summary>Decision: a missing object is <c>false</c>, not an exception, so callers keep their own message (as with <c>TryReadAsync</c>'s <c>null</c>).</summary>
    [Fact]
    public async Task TryDownloadFileAsync_MissingObject_ReturnsFalseAndLeavesTheLocalFileAlone()
    {
        using var folder = new TempDirectory("medallion-s3-files");
        using var sut = moto.CreateStore("lake");
        var target = folder.Combine("kept.json");
        await File.WriteAllTextAsync(target, "local");

        var downloaded = await sut.TryDownloadFileAsync("raw/missing.json", target);

        Assert.False(downloaded);
        Assert.Equal("local", await File.ReadAllTextAsync(target));
        Assert.Equal([target], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task TryDownloadFileAsync_MissingBucket_ThrowsPermanentWithoutTheSecret()
    {
        using var folder = new TempDirectory("medallion-s3-files");
        using var sut = new S3ObjectStore(moto.Settings(), "medallion-no-such-bucket");

        var failure = await Assert.ThrowsAsync<MedallionException>(() => sut.TryDownloadFileAsync("x.parquet", folder.Combine("x.parquet")));

        Assert.Contains("download of 's3://medallion-no-such-bucket/x.parquet' to '", failure.Message, StringComparison.Ordinal);
        Assert.False(failure.IsTransient);
        Assert.DoesNotContain(MotoServer.SecretKey, failure.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task UploadFileAsync_MissingLocalFile_ThrowsFileNotFoundNamingBothSides()
    {
        using var sut = moto.CreateStore("lake");

        var failure = await Assert.ThrowsAsync<FileNotFoundException>(() => sut.UploadFileAsync("/nonexistent/medallion/x.parquet", "t/x.parquet"));

        Assert.Contains("/nonexistent/medallion/x.parquet", failure.Message, StringComparison.Ordinal);
        Assert.Contains("s3://", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// One PutObject (16 bytes) and a multipart upload whose first request (CreateMultipartUpload)
    /// is refused. The test server answers without reading a request body, so the single-request
    /// case stays small: a large body would end in a broken pipe before the client reads the answer.
    /// </summary>
    [Theory]
    [InlineData(16, 503, "SlowDown", true)]
    [InlineData(16, 403, "AccessDenied", false)]
    [InlineData(5 * MiB, 503, "SlowDown", true)]
    [InlineData(5 * MiB, 403, "AccessDenied", false)]
    public async Task UploadFileAsync_ServiceAnswersWithAnError_MapsTransienceAndHidesTheSecret(int size, int status, string code, bool transient)
    {
        using var folder = new TempDirectory("medallion-s3-files");
        using var server = new ErrorAnsweringServer(status, code, "No.");
        var secret = "s3cr3t-" + Guid.NewGuid().ToString("N");
        var settings = new S3StoreSettings { Region = "eu-west-1", EndpointUrl = server.Endpoint, Credentials = new S3AccessKeys("AKIATEST", secret), MaxErrorRetry = 0 };
        using var sut = new S3ObjectStore(settings, "lake", "prod") { MultipartThreshold = 5 * MiB, PartSize = 5 * MiB };
        var source = folder.Combine("x.parquet");
        await File.WriteAllBytesAsync(source, new byte[size]);

        var failure = await Assert.ThrowsAsync<MedallionException>(() => sut.UploadFileAsync(source, "t/x.parquet"));

        Assert.Equal(transient, failure.IsTransient);
        Assert.Contains($"upload of '{source}' to 's3://lake/prod/t/x.parquet' failed: HTTP {status} {code}", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, failure.ToString(), StringComparison.Ordinal);
    }
}
