using Medallion.Jobs.Config;

namespace Medallion.Jobs.Sql;

/// <summary>What a rule kind writes its condition with: the dialect and the silver columns.</summary>
/// <param name="dialect">The dialect to write in.</param>
/// <param name="columns">The silver columns (after every transform), with their types.</param>
/// <param name="flagColumn">The rule's flag column; names the columns of its repeated keys.</param>
internal sealed class RuleSql(ISqlDialect dialect, IReadOnlyList<TypedColumn> columns, string flagColumn)
{
    public ISqlDialect Dialect => dialect;

    /// <summary>
    /// For a rule with <see cref="Config.Rules.RuleSpec.RepeatedKeys"/>: the first live row number of
    /// the row's key when that key occurs more than once among the live rows, else null.
    /// </summary>
    public string FirstRowOfRepeatedKey => Column(RepeatedKeyAlias(flagColumn, "first"));

    /// <summary>A quoted column reference.</summary>
    public string Column(string name) => dialect.Identifier(name);

    public ColumnType TypeOf(string column) => columns.First(c => c.Name == column).Type;

    /// <summary>
    /// True where <paramref name="column"/> is not null and does not pass: a null value passes every
    /// rule but not_null.
    /// </summary>
    public string Fails(string passes, string column) => $"({Column(column)} IS NOT NULL AND NOT ({passes}))";

    /// <summary>The name of a column of a rule's repeated-keys relation (its key columns, <c>first</c>, the relation's alias).</summary>
    public static string RepeatedKeyAlias(string flagColumn, string part) => $"{flagColumn}_{part}";
}
