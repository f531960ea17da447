using Medallion.Jobs.Config.Rules;
using Medallion.Jobs.Tests.Sql;

namespace Medallion.Jobs.Tests.Config.Rules;

public sealed class RuleCatalogueTests
{
    /// <summary>A kind whose catalogue line is missing cannot be written in YAML at all.</summary>
    [Fact]
    public void All_EveryRuleType_IsListedOnce()
    {
        var types = typeof(RuleSpec).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(RuleSpec)) && !t.IsAbstract);

        Assert.Equal(types.Select(t => t.Name).Order(), RuleCatalogue.All.Select(k => k.Type.Name).Order());
        Assert.Equal(RuleCatalogue.All.Count, RuleCatalogue.All.Select(k => k.Name).Distinct().Count());
    }

    [Fact]
    public void All_EachKind_ParsesToItsOwnTypeWithItsOwnName()
    {
        Assert.All(KindCatalogue.Plan.Table.Rules, r => Assert.Equal(r.GetType(), RuleCatalogue.Find(r.Kind)?.Type));
    }
}
