using Medallion.Jobs.Plan;
using Medallion.Jobs.Sql;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config.Rules;

/// <summary>
/// <c>unique: { columns: [id] }</c> — within the run. The first row of a key (in input order)
/// passes; every later row with the same key breaks the rule. Null keys are not checked.
/// </summary>
public sealed record UniqueRule(IReadOnlyList<string> Columns, string Name, RuleSeverity Severity, double? Threshold, SourceLocation Location)
    : RuleSpec(Name, Severity, Threshold, Location), IRuleKind
{
    public static string KindName => "unique";

    public override string Kind => KindName;

    internal override IReadOnlyList<string> ColumnsRead => Columns;

    internal override IReadOnlyList<string> RepeatedKeys => Columns;

    static RuleSpec? IRuleKind.Parse(ConfigReader reader, YamlMappingNode body, RuleHeader header)
    {
        const string What = "`unique`";
        var values = reader.Keys(body, What, "columns");
        var columns = reader.Required(body, values, "columns", What) is { } columnsNode ? reader.Names(columnsNode, "`columns`") : null;
        return columns is null ? null : new UniqueRule(columns, header.NameFor(KindName, columns), header.Severity, header.Threshold, header.Location);
    }

    /// <summary>The first live row of a key, in input order, passes; later ones break the rule.</summary>
    /// <remarks>
    /// The first row number of each repeated key comes from the renderer's repeated-keys join: a
    /// narrow GROUP BY joined back, instead of a window over the whole row, which sorted every column
    /// of every row and was most of silver's time (see docs/BENCHMARKS.md).
    /// </remarks>
    internal override string Broken(RuleSql sql)
    {
        var notNull = string.Join(" AND ", Columns.Select(c => $"{sql.Column(c)} IS NOT NULL"));
        return $"({notNull} AND coalesce({sql.Column(LineageColumns.RecordNumber)} > {sql.FirstRowOfRepeatedKey}, FALSE))";
    }
}
