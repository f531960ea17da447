using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Config.Rules;

/// <summary>
/// A silver quality rule, checked on every row after the transforms. Every kind is one type that
/// owns its YAML shape (see <see cref="IRuleKind"/>), the columns it reads and its SQL; it is listed
/// once in <see cref="RuleCatalogue"/>.
/// </summary>
/// <param name="Name">Unique within the table; defaults to <c>{kind}_{column}</c>. Quarantined rows list it in <c>_rule_failures</c>.</param>
/// <param name="Severity">What happens to a row that breaks the rule; <see cref="RuleSeverity.Quarantine"/> by default.</param>
/// <param name="Threshold">For <see cref="RuleSeverity.Fail"/>: the share of rows (0..1) that may break the rule before the run fails; null means none.</param>
/// <param name="Location">Where the rule was written.</param>
public abstract record RuleSpec(string Name, RuleSeverity Severity, double? Threshold, SourceLocation Location)
{
    /// <summary>The YAML key that names this kind, e.g. <c>not_null</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>The silver columns the rule names; loading fails when one is not a silver column.</summary>
    internal abstract IReadOnlyList<string> ColumnsRead { get; }

    /// <summary>
    /// For a rule that compares a row with the other live rows: the key columns whose repeated values
    /// the renderer groups (see <see cref="RuleSql.FirstRowOfRepeatedKey"/>); null for a rule on one row.
    /// </summary>
    internal virtual IReadOnlyList<string>? RepeatedKeys => null;

    /// <summary>The user SQL the rule embeds (checked against the silver columns when the config loads); none by default.</summary>
    internal virtual IEnumerable<SqlFragment> Fragments => [];

    /// <summary>
    /// Settings that contradict the silver columns' types (a bound that is no value of its column,
    /// <c>min</c> above <c>max</c>), checked when the config loads with DuckDB as the rule's SQL would
    /// compare them; none by default.
    /// </summary>
    internal virtual IEnumerable<ConfigError> CheckSettings(IReadOnlyList<TypedColumn> silver, SqlFragmentChecker engine) => [];

    /// <summary>A condition true where a live row breaks the rule, written with the dialect's primitives.</summary>
    internal abstract string Broken(RuleSql sql);
}
