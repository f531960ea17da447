using Medallion.Delta.Storage;
using Medallion.Testing;

namespace Medallion.Delta.Tests.Storage;

public sealed class ObjectStoreFactoryTests
{
    [Fact]
    public void Open_S3UriWithPrefix_PutsThePrefixInFrontOfEveryPath()
    {
        using var sut = (S3ObjectStore)ObjectStoreFactory.Open("s3://my-lake/env/prod/", new S3StoreSettings { Region = "eu-west-1" });

        Assert.Equal(("my-lake", "env/prod"), (sut.Bucket, sut.Prefix));
        Assert.Equal("s3://my-lake/env/prod/silver/orders", sut.Describe("silver/orders"));
    }

    [Fact]
    public void Open_S3UriWithoutPrefix_AddressesTheBucketRoot()
    {
        using var sut = (S3ObjectStore)ObjectStoreFactory.Open("s3://my-lake", new S3StoreSettings { Region = "eu-west-1" });

        Assert.Equal("s3://my-lake/t/_delta_log", sut.Describe("t/_delta_log"));
    }

    [Fact]
    public void Open_LocalFolderOrFileUri_OpensALocalStoreAtTheFullPath()
    {
        using var folder = new TempDirectory();

        var plain = (LocalObjectStore)ObjectStoreFactory.Open(folder.Path);
        var uri = (LocalObjectStore)ObjectStoreFactory.Open(new Uri(folder.Path).AbsoluteUri);

        Assert.Equal(folder.Path, plain.RootDirectory);
        Assert.Equal(folder.Path, uri.RootDirectory);
    }

    [Theory]
    [InlineData("s3://")]
    [InlineData("s3:///prefix")]
    [InlineData("s3://lake/a/../b")]
    [InlineData("gs://lake/prefix")]
    [InlineData("s3://Bad_Bucket/x")]
    public void Open_InvalidRoot_ThrowsArgumentException(string root)
    {
        Assert.ThrowsAny<ArgumentException>(() => ObjectStoreFactory.Open(root, new S3StoreSettings { Region = "eu-west-1" }));
    }
}
