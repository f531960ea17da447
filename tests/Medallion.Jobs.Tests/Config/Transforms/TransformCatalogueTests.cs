using Medallion.Jobs.Config.Transforms;
using Medallion.Jobs.Tests.Sql;

namespace Medallion.Jobs.Tests.Config.Transforms;

public sealed class TransformCatalogueTests
{
    /// <summary>A kind whose catalogue line is missing cannot be written in YAML at all.</summary>
    [Fact]
    public void All_EveryTransformType_IsListedOnce()
    {
        var types = typeof(TransformSpec).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(TransformSpec)) && !t.IsAbstract);

        Assert.Equal(types.Select(t => t.Name).Order(), TransformCatalogue.All.Select(k => k.Type.Name).Order());
        Assert.Equal(TransformCatalogue.All.Count, TransformCatalogue.All.Select(k => k.Name).Distinct().Count());
    }

    [Fact]
    public void All_EachKind_ParsesToItsOwnTypeWithItsOwnName()
    {
        Assert.All(KindCatalogue.Plan.Table.Transforms, t => Assert.Equal(t.GetType(), TransformCatalogue.Find(t.Kind)?.Type));
    }
}
