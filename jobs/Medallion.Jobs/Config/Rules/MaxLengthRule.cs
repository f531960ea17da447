using Medallion.Jobs.Sql;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config.Rules;

/// <summary><c>max_length: { column: title, length: 200 }</c> — in characters; nulls pass.</summary>
public sealed record MaxLengthRule(string Column, int Length, string Name, RuleSeverity Severity, double? Threshold, SourceLocation Location)
    : RuleSpec(Name, Severity, Threshold, Location), IRuleKind
{
    public static string KindName => "max_length";

    public override string Kind => KindName;

    internal override IReadOnlyList<string> ColumnsRead => [Column];

    static RuleSpec? IRuleKind.Parse(ConfigReader reader, YamlMappingNode body, RuleHeader header)
    {
        const string What = "`max_length`";
        var values = reader.Keys(body, What, "column", "length");
        var column = reader.RequiredString(body, values, "column", What);
        var length = reader.Required(body, values, "length", What) is { } lengthNode ? reader.Long(lengthNode, "`length`", 1, int.MaxValue) : null;
        return column is null || length is null
            ? null
            : new MaxLengthRule(column, (int)length.Value, header.NameFor(KindName, [column]), header.Severity, header.Threshold, header.Location);
    }

    internal override string Broken(RuleSql sql) =>
        sql.Fails($"{sql.Dialect.Length(sql.Dialect.ToText(sql.Column(Column)))} <= {Length}", Column);
}
