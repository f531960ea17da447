using Amazon.S3.Model;
using Medallion.Delta.S3;
using Medallion.Testing.Moto;

namespace Medallion.Delta.S3.Tests;

/// <summary>Server-side copies: one CopyObject below the threshold, a multipart copy (UploadPartCopy with byte ranges, which moto 5.2.1 honours) above it.</summary>
public sealed partial class S3ObjectStoreTests
{
    private const string CopyTooLarge = "The specified copy source is larger than the maximum allowable size for a copy source: 5368709120";

    /// <summary>12 MB with 5 MB parts stands in for a data file beyond CopyObject's 5 GiB: three ranges, the last one short.</summary>
    [Fact]
    public async Task CopyAsync_SourceAboveTheCopyPartThreshold_CopiesInPartsByteForByte()
    {
        var bucket = moto.CreateBucket();
        using var sut = new S3ObjectStore(moto.Settings(), bucket, "lake") { CopyPartThreshold = 5 * MiB, CopyPartSize = 5 * MiB };
        var content = new byte[(12 * MiB) + 123];
        new Random(7).NextBytes(content);
        await sut.WriteAsync("silver/orders/_runs/r1/part-0001.parquet", content);

        await sut.CopyAsync("silver/orders/_runs/r1/part-0001.parquet", "silver/orders/current/part-0001.parquet");

        Assert.Equal(content, await sut.TryReadAsync("silver/orders/current/part-0001.parquet"));
        using var client = moto.CreateClient();
        var metadata = await client.GetObjectMetadataAsync(bucket, "lake/silver/orders/current/part-0001.parquet");
        Assert.EndsWith("-3\"", metadata.ETag, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CopyAsync_SourceBelowTheCopyPartThreshold_CopiesInOneRequest()
    {
        var bucket = moto.CreateBucket();
        using var sut = new S3ObjectStore(moto.Settings(), bucket) { CopyPartThreshold = 5 * MiB, CopyPartSize = 5 * MiB };
        await sut.WriteAsync("a.parquet", new byte[5 * MiB]);

        await sut.CopyAsync("a.parquet", "b.parquet");

        using var client = moto.CreateClient();
        var metadata = await client.GetObjectMetadataAsync(bucket, "b.parquet");
        Assert.DoesNotContain("-", metadata.ETag, StringComparison.Ordinal);
        Assert.Equal(5 * MiB, metadata.ContentLength);
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(5 * MiB)]
    public async Task CopyAsync_MissingSource_ThrowsFileNotFoundNamingBothSides(long threshold)
    {
        using var sut = new S3ObjectStore(moto.Settings(), moto.CreateBucket(), "lake") { CopyPartThreshold = threshold, CopyPartSize = 5 * MiB };

        var failure = await Assert.ThrowsAsync<FileNotFoundException>(() => sut.CopyAsync("run/missing.parquet", "current/missing.parquet"));

        Assert.Equal($"Cannot copy '{sut.Describe("run/missing.parquet")}' to '{sut.Describe("current/missing.parquet")}': the source does not exist.", failure.Message);
    }

    /// <summary>Parts below S3's 5 MB minimum make CompleteMultipartUpload fail (moto checks it too): the upload is aborted and the destination never appears.</summary>
    [Fact]
    public async Task CopyAsync_MultipartCopyFails_AbortsTheUploadAndThrowsPermanent()
    {
        var bucket = moto.CreateBucket();
        using var sut = new S3ObjectStore(moto.Settings(), bucket) { CopyPartThreshold = MiB, CopyPartSize = MiB };
        await sut.WriteAsync("a.parquet", new byte[3 * MiB]);

        var failure = await Assert.ThrowsAsync<MedallionException>(() => sut.CopyAsync("a.parquet", "b.parquet"));

        Assert.Contains($"copy of 's3://{bucket}/a.parquet' to 's3://{bucket}/b.parquet' failed: HTTP 400 EntityTooSmall", failure.Message, StringComparison.Ordinal);
        Assert.False(failure.IsTransient);
        Assert.False(await sut.ExistsAsync("b.parquet"));
        using var client = moto.CreateClient();
        Assert.Empty((await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket })).MultipartUploads ?? []);
    }

    /// <summary>
    /// At the default threshold no size check precedes a copy; S3's refusal of a source beyond 5 GiB
    /// makes the store ask for the size (the second request), any other refusal does not.
    /// </summary>
    [Theory]
    [InlineData(CopyTooLarge, 2)]
    [InlineData("The source and destination are the same.", 1)]
    public async Task CopyAsync_CopyObjectRefused_FallsBackToPartsOnlyForATooLargeSource(string message, int requests)
    {
        using var server = new ErrorAnsweringServer(400, "InvalidRequest", message);
        var settings = moto.Settings() with { EndpointUrl = server.Endpoint };
        using var sut = new S3ObjectStore(settings, "lake", "prod");

        var failure = await Assert.ThrowsAsync<MedallionException>(() => sut.CopyAsync("run/a.parquet", "current/a.parquet"));

        Assert.Equal(requests, server.Requests);
        Assert.Contains("copy of 's3://lake/prod/run/a.parquet' to 's3://lake/prod/current/a.parquet' failed: HTTP 400", failure.Message, StringComparison.Ordinal);
        Assert.False(failure.IsTransient);
        Assert.DoesNotContain(MotoServer.SecretKey, failure.ToString(), StringComparison.Ordinal);
    }
}
