using Medallion.Jobs.Config;
using Medallion.Jobs.Engine.Spark;
using Medallion.Jobs.Plan;
using Medallion.Jobs.Tests.Sql.Grammar;
using Medallion.Testing;

namespace Medallion.Jobs.Tests.Sql;

public sealed class SparkSqlGrammarTests
{
    [Fact]
    public void SparkPlanScript_SampleTables_ParseAsSparkSql()
    {
        var configuration = ConfigLoader.Load(RepositoryPaths.Conf);
        var plans = configuration.Datasets.SelectMany(d => d.Tables.Select(t => PlanCompiler.Compile(d, t))).ToList();

        Assert.NotEmpty(plans);
        SparkSqlGrammar.AssertParses(plans.SelectMany(Statements).ToList());
    }

    [Fact]
    public void SparkPlanScript_EveryTransformAndRuleKind_ParsesAsSparkSql()
    {
        SparkSqlGrammar.AssertParses(Statements(KindCatalogue.Plan));
    }

    [Fact]
    public void Check_BrokenStatement_ReportsThePosition()
    {
        var errors = SparkSqlGrammar.Check(["SELECT 1", "SELECT a FROM t WHERE ) b"]);

        Assert.Empty(errors[0]);
        Assert.StartsWith("1:23: ')' is not valid at this position", Assert.Single(errors[1]), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DuckDbRendering_IsRejected()
    {
        // The grammar check tells the dialects apart: DuckDB's list literals and lambdas are not Spark SQL.
        var duckDb = new Jobs.Sql.SilverSqlRenderer(Jobs.Sql.DuckDbDialect.Instance).Render(KindCatalogue.Plan, "bronze_input").Sql;

        Assert.NotEmpty(SparkSqlGrammar.Check([duckDb])[0]);
    }

    /// <summary>Every statement of both layers, named for the failure message.</summary>
    internal static IReadOnlyList<(string Name, string Sql)> Statements(TablePlan plan)
    {
        var name = $"{plan.Dataset.Name}.{plan.Table.Name}";
        return SparkPlanScript.Bronze(plan, "s3://raw-bucket/landing").Select((s, i) => ($"{name} bronze #{i + 1}", s))
            .Concat(SparkPlanScript.Silver(plan, "s3://lake-bucket/medallion").Select((s, i) => ($"{name} silver #{i + 1}", s)))
            .ToList();
    }
}
