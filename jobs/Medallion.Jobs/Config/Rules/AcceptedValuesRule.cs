using Medallion.Jobs.Sql;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config.Rules;

/// <summary><c>accepted_values: { column: currency, values: [EUR, USD] }</c> — nulls pass (use not_null for them).</summary>
public sealed record AcceptedValuesRule(string Column, IReadOnlyList<string> Values, string Name, RuleSeverity Severity, double? Threshold, SourceLocation Location)
    : RuleSpec(Name, Severity, Threshold, Location), IRuleKind
{
    public static string KindName => "accepted_values";

    public override string Kind => KindName;

    internal override IReadOnlyList<string> ColumnsRead => [Column];

    static RuleSpec? IRuleKind.Parse(ConfigReader reader, YamlMappingNode body, RuleHeader header)
    {
        const string What = "`accepted_values`";
        var values = reader.Keys(body, What, "column", "values");
        var column = reader.RequiredString(body, values, "column", What);
        var accepted = reader.Required(body, values, "values", What) is { } acceptedNode ? reader.Names(acceptedNode, "`values`") : null;
        return column is null || accepted is null
            ? null
            : new AcceptedValuesRule(column, accepted, header.NameFor(KindName, [column]), header.Severity, header.Threshold, header.Location);
    }

    // Compared as text, so that one list of values fits every column type.
    internal override string Broken(RuleSql sql) => sql.Fails(
        $"{sql.Dialect.ToText(sql.Column(Column))} IN ({string.Join(", ", Values.Select(sql.Dialect.StringLiteral))})", Column);
}
