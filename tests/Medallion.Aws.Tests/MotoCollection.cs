using Medallion.Testing.Moto;

namespace Medallion.Aws.Tests;

/// <summary>One moto server for every test in this assembly that talks to AWS.</summary>
[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServer>
{
    public const string Name = "moto";
}
