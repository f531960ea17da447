using Medallion.Delta.Storage;
using Medallion.Testing;

namespace Medallion.Delta.Tests.Storage;

public sealed class ObjectStoreRegistryTests
{
    private readonly ObjectStoreRegistry _sut = new();

    [Fact]
    public void Open_LocalFolderOrFileUri_OpensALocalStoreAtTheFullPath()
    {
        using var folder = new TempDirectory();

        var plain = (LocalObjectStore)_sut.Open(folder.Path);
        var uri = (LocalObjectStore)_sut.Open(new Uri(folder.Path).AbsoluteUri);

        Assert.Equal(folder.Path, plain.RootDirectory);
        Assert.Equal(folder.Path, uri.RootDirectory);
    }

    [Fact]
    public void Open_UnregisteredScheme_ThrowsArgumentExceptionNamingTheRootAndTheRegisteredSchemes()
    {
        _sut.Register(new RecordingFactory("mem"));

        var error = Assert.Throws<ArgumentException>(() => _sut.Open("s3://lake/prefix"));

        Assert.Contains("'s3://lake/prefix' is neither a local folder nor a URI of a registered store (registered: mem://)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_RegisteredScheme_PassesTheWholeRootAndTheOptionsToItsFactory()
    {
        var factory = new RecordingFactory("mem");
        var options = new ObjectStoreOptions { Region = "eu-west-1", EndpointUrl = new Uri("http://127.0.0.1:5000") };
        _sut.Register(factory);

        var store = _sut.Open("MEM://lake/prod", options);

        Assert.Same(factory.Store, store);
        Assert.Equal(("MEM://lake/prod", options), (factory.Root, factory.Options));
    }

    [Theory]
    [InlineData("file")]
    [InlineData("")]
    [InlineData("3d")]
    [InlineData("s3://")]
    public void Register_FileOrAnInvalidScheme_ThrowsArgumentException(string scheme)
    {
        Assert.Throws<ArgumentException>(() => _sut.Register(new RecordingFactory(scheme)));
    }

    private sealed class RecordingFactory(string scheme) : IObjectStoreFactory
    {
        public IObjectStore Store { get; } = new LocalObjectStore(Path.GetTempPath());

        public string? Root { get; private set; }

        public ObjectStoreOptions? Options { get; private set; }

        public string Scheme => scheme;

        public IObjectStore Open(string root, ObjectStoreOptions options)
        {
            (Root, Options) = (root, options);
            return Store;
        }
    }
}
