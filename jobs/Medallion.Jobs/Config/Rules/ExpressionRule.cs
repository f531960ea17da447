using Medallion.Jobs.Sql;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config.Rules;

/// <summary><c>expression: { sql: "amount &gt; 0" }</c> — the row passes when the condition is true or null.</summary>
public sealed record ExpressionRule(string Sql, string Name, RuleSeverity Severity, double? Threshold, SourceLocation Location)
    : RuleSpec(Name, Severity, Threshold, Location), IRuleKind
{
    public static string KindName => "expression";

    public override string Kind => KindName;

    // The condition's columns are checked by binding it in DuckDB against the silver columns (see ConfigReader.CheckFragmentColumns).
    internal override IReadOnlyList<string> ColumnsRead => [];

    /// <summary>Where the YAML wrote <see cref="Sql"/>; null for a rule built in code.</summary>
    internal SqlFragment? ConditionFragment { get; init; }

    internal override IEnumerable<SqlFragment> Fragments => [ConditionFragment ?? new SqlFragment(Sql, SqlFragmentRole.Condition, Location)];

    static RuleSpec? IRuleKind.Parse(ConfigReader reader, YamlMappingNode body, RuleHeader header)
    {
        var values = reader.Keys(body, $"`{KindName}`", "sql");
        return reader.Required(body, values, "sql", $"`{KindName}`") is { } node
            && reader.SqlFragment(node, $"`sql` of `{KindName}`", SqlFragmentRole.Condition) is { } sql
            ? new ExpressionRule(sql.Text, header.NameFor(KindName, []), header.Severity, header.Threshold, header.Location) { ConditionFragment = sql }
            : null;
    }

    internal override string Broken(RuleSql sql) => $"NOT coalesce(({Sql}), TRUE)";
}
