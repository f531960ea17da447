using Medallion.Delta.Storage;
using Medallion.Testing;

namespace Medallion.Delta.Tests.Stores;

/// <summary>The store contract on a local folder.</summary>
public sealed class LocalDeltaTableStoreTests : DeltaTableStoreTests
{
    public LocalDeltaTableStoreTests()
        : this(new TempDirectory("medallion-delta-local"))
    {
    }

    private LocalDeltaTableStoreTests(TempDirectory root)
        : base(new LocalObjectStore(root.Path), root)
    {
        RootPath = root.Path;
    }

    private string RootPath { get; }

    protected override IObjectStore OpenSameStore() => new LocalObjectStore(RootPath);
}
