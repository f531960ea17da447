using Medallion.Delta.Storage;

namespace Medallion.Delta.S3.Tests;

/// <summary><c>s3://</c> roots opened through a registry the S3 factory is registered with, as hosts do.</summary>
public sealed class S3ObjectStoreFactoryTests
{
    private static readonly ObjectStoreOptions Options = new() { Region = "eu-west-1" };

    private readonly ObjectStoreRegistry _registry = new ObjectStoreRegistry().Register(new S3ObjectStoreFactory());

    [Fact]
    public void Open_S3UriWithPrefix_PutsThePrefixInFrontOfEveryPath()
    {
        using var sut = (S3ObjectStore)_registry.Open("s3://my-lake/env/prod/", Options);

        Assert.Equal(("my-lake", "env/prod"), (sut.Bucket, sut.Prefix));
        Assert.Equal("s3://my-lake/env/prod/silver/orders", sut.Describe("silver/orders"));
    }

    [Fact]
    public void Open_S3UriWithoutPrefix_AddressesTheBucketRoot()
    {
        using var sut = (S3ObjectStore)_registry.Open("s3://my-lake", Options);

        Assert.Equal("s3://my-lake/t/_delta_log", sut.Describe("t/_delta_log"));
    }

    [Theory]
    [InlineData("s3://")]
    [InlineData("s3:///prefix")]
    [InlineData("s3://lake/a/../b")]
    [InlineData("gs://lake/prefix")]
    [InlineData("s3://Bad_Bucket/x")]
    public void Open_InvalidRoot_ThrowsArgumentException(string root)
    {
        Assert.ThrowsAny<ArgumentException>(() => _registry.Open(root, Options));
    }
}
