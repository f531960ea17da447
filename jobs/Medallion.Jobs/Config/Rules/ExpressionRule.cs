using Medallion.Jobs.Sql;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config.Rules;

/// <summary><c>expression: { sql: "amount &gt; 0" }</c> — the row passes when the condition is true or null.</summary>
public sealed record ExpressionRule(string Sql, string Name, RuleSeverity Severity, double? Threshold, SourceLocation Location)
    : RuleSpec(Name, Severity, Threshold, Location), IRuleKind
{
    public static string KindName => "expression";

    public override string Kind => KindName;

    // The condition is SQL; the engine reports its columns when it plans the query.
    internal override IReadOnlyList<string> ColumnsRead => [];

    static RuleSpec? IRuleKind.Parse(ConfigReader reader, YamlMappingNode body, RuleHeader header)
    {
        var values = reader.Keys(body, $"`{KindName}`", "sql");
        return reader.RequiredString(body, values, "sql", $"`{KindName}`") is { } sql
            ? new ExpressionRule(sql, header.NameFor(KindName, []), header.Severity, header.Threshold, header.Location)
            : null;
    }

    internal override string Broken(RuleSql sql) => $"NOT coalesce(({Sql}), TRUE)";
}
