using Medallion.Jobs.Sql;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config.Rules;

/// <summary><c>not_null: { column: id }</c></summary>
public sealed record NotNullRule(string Column, string Name, RuleSeverity Severity, double? Threshold, SourceLocation Location)
    : RuleSpec(Name, Severity, Threshold, Location), IRuleKind
{
    public static string KindName => "not_null";

    public override string Kind => KindName;

    internal override IReadOnlyList<string> ColumnsRead => [Column];

    static RuleSpec? IRuleKind.Parse(ConfigReader reader, YamlMappingNode body, RuleHeader header)
    {
        var values = reader.Keys(body, $"`{KindName}`", "column");
        return reader.RequiredString(body, values, "column", $"`{KindName}`") is { } column
            ? new NotNullRule(column, header.NameFor(KindName, [column]), header.Severity, header.Threshold, header.Location)
            : null;
    }

    internal override string Broken(RuleSql sql) => $"{sql.Column(Column)} IS NULL";
}
