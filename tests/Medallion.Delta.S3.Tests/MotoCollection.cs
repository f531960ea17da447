using Medallion.Testing.Moto;

namespace Medallion.Delta.S3.Tests;

/// <summary>One moto server for every test in this assembly; tests that use it join the "moto" collection.</summary>
[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServer>
{
    public const string Name = "moto";
}
