namespace Medallion.Delta.Tests;

/// <summary>
/// Issue 15: the storage and table-format core knows no cloud SDK and no query engine (STYLE.md,
/// "Adapters at the edge"). Stores live in their own packages, the DuckDB view in the engine.
/// </summary>
public sealed class DeltaAssemblyTests
{
    [Fact]
    public void GetReferencedAssemblies_DeltaLibrary_NamesNeitherDuckDbNorTheAwsSdk()
    {
        var sut = typeof(DeltaTable).Assembly;

        var references = sut.GetReferencedAssemblies().Select(reference => reference.Name ?? "").Order(StringComparer.Ordinal).ToList();

        Assert.DoesNotContain(references, name => name.StartsWith("DuckDB", StringComparison.OrdinalIgnoreCase) || name.StartsWith("AWSSDK", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Medallion.Core", references);
    }
}
