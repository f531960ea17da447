using Medallion.Delta.S3;
using Medallion.Delta.Storage;
using Medallion.Testing.Moto;

namespace Medallion.Delta.Tests.Stores;

/// <summary>The store contract on S3 (moto), under a key prefix so prefix handling is exercised too.</summary>
[Collection(MotoCollection.Name)]
public sealed class S3DeltaTableStoreTests(MotoServer moto) : DeltaTableStoreTests(moto.CreateStore("lake/prod"))
{
    protected override IObjectStore OpenSameStore()
    {
        var store = (S3ObjectStore)Store;
        return new S3ObjectStore(moto.Settings(), store.Bucket, store.Prefix);
    }
}
