using System.Text.RegularExpressions;
using Medallion.Jobs.Sql;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config.Rules;

/// <summary><c>regex: { column: slug, pattern: "^[a-z0-9-]+$" }</c> — the value must match somewhere (anchor it to match all); nulls pass.</summary>
public sealed record RegexRule(string Column, string Pattern, string Name, RuleSeverity Severity, double? Threshold, SourceLocation Location)
    : RuleSpec(Name, Severity, Threshold, Location), IRuleKind
{
    public static string KindName => "regex";

    public override string Kind => KindName;

    internal override IReadOnlyList<string> ColumnsRead => [Column];

    static RuleSpec? IRuleKind.Parse(ConfigReader reader, YamlMappingNode body, RuleHeader header)
    {
        const string What = "`regex`";
        var values = reader.Keys(body, What, "column", "pattern");
        var column = reader.RequiredString(body, values, "column", What);
        var pattern = reader.RequiredString(body, values, "pattern", What);
        if (pattern is not null && !IsValidRegex(reader, values["pattern"], pattern))
        {
            return null;
        }

        return column is null || pattern is null
            ? null
            : new RegexRule(column, pattern, header.NameFor(KindName, [column]), header.Severity, header.Threshold, header.Location);
    }

    internal override string Broken(RuleSql sql) =>
        sql.Fails(sql.Dialect.RegexMatches(sql.Dialect.ToText(sql.Column(Column)), Pattern), Column);

    // The engines use RE2 (DuckDB) and Java (Spark) syntax; .NET's catches most mistakes when the config loads.
    private static bool IsValidRegex(ConfigReader reader, YamlNode node, string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException e)
        {
            reader.Error(node, $"`pattern` `{pattern}` is not a valid regular expression: {e.Message}");
            return false;
        }
    }
}
