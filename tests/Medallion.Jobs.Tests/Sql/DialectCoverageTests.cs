using Medallion.Jobs.Config;
using Medallion.Jobs.Config.Rules;
using Medallion.Jobs.Config.Transforms;
using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Tests.Sql;

public sealed class DialectCoverageTests
{
    public static TheoryData<string> Dialects => new() { "duckdb", "spark" };

    [Fact]
    public void KindCatalogue_EveryConcreteKind_IsUsed()
    {
        var transforms = ConcreteSubtypes<TransformSpec>();
        var rules = ConcreteSubtypes<RuleSpec>();

        Assert.Empty(transforms.Except(KindCatalogue.Plan.Table.Transforms.Select(t => t.GetType())).Select(t => t.Name));
        Assert.Empty(rules.Except(KindCatalogue.Plan.Table.Rules.Select(r => r.GetType())).Select(t => t.Name));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Render_EveryTransformAndRuleKind_HasARendering(string dialect)
    {
        var sut = new SilverSqlRenderer(dialect == "spark" ? SparkDialect.Instance : DuckDbDialect.Instance);

        var query = sut.Render(KindCatalogue.Plan, "bronze_input");

        // Every rule, the implicit cast rules included, has its flag column in the query.
        Assert.All(KindCatalogue.Plan.Rules, rule => Assert.Contains(rule.FlagColumn, query.Sql, StringComparison.Ordinal));
        Assert.Equal(ConcreteSubtypes<TransformSpec>().Count, KindCatalogue.Plan.Table.Transforms.Select(t => t.Kind).Distinct().Count());
    }

    private static List<Type> ConcreteSubtypes<T>() =>
        typeof(T).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(T)) && !t.IsAbstract).ToList();
}
