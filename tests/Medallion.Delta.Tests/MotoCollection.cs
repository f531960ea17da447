using Medallion.Testing.Moto;

namespace Medallion.Delta.Tests;

/// <summary>One moto server for every S3 test in this assembly; tests that use it join the "moto" collection.</summary>
[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServer>
{
    public const string Name = "moto";
}
