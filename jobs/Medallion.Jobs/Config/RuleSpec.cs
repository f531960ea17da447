namespace Medallion.Jobs.Config;

/// <summary>What happens to a row that breaks a rule.</summary>
public enum RuleSeverity
{
    /// <summary>Counted only; the row stays in silver.</summary>
    Warn,

    /// <summary>The row goes to quarantine (the default).</summary>
    Quarantine,

    /// <summary>
    /// The run fails when any row breaks the rule, or when the broken share exceeds the rule's
    /// threshold; rows under the threshold are quarantined.
    /// </summary>
    Fail,
}

/// <summary>A silver quality rule, checked on every row after the transforms.</summary>
/// <param name="Name">Unique within the table; defaults to <c>{kind}_{column}</c>. Quarantined rows list it in <c>_rule_failures</c>.</param>
/// <param name="Severity">What happens to a row that breaks the rule; <see cref="RuleSeverity.Quarantine"/> by default.</param>
/// <param name="Threshold">For <see cref="RuleSeverity.Fail"/>: the share of rows (0..1) that may break the rule before the run fails; null means none.</param>
/// <param name="Location">Where the rule was written.</param>
public abstract record RuleSpec(string Name, RuleSeverity Severity, double? Threshold, SourceLocation Location)
{
    /// <summary>The YAML key that names this kind, e.g. <c>not_null</c>.</summary>
    public abstract string Kind { get; }
}

/// <summary><c>not_null: { column: id }</c></summary>
public sealed record NotNullRule(string Column, string Name, RuleSeverity Severity, double? Threshold, SourceLocation Location)
    : RuleSpec(Name, Severity, Threshold, Location)
{
    public override string Kind => "not_null";
}

/// <summary>
/// <c>unique: { columns: [id] }</c> — within the run. The first row of a key (in input order)
/// passes; every later row with the same key breaks the rule. Null keys are not checked.
/// </summary>
public sealed record UniqueRule(IReadOnlyList<string> Columns, string Name, RuleSeverity Severity, double? Threshold, SourceLocation Location)
    : RuleSpec(Name, Severity, Threshold, Location)
{
    public override string Kind => "unique";
}

/// <summary><c>accepted_values: { column: currency, values: [EUR, USD] }</c> — nulls pass (use not_null for them).</summary>
public sealed record AcceptedValuesRule(string Column, IReadOnlyList<string> Values, string Name, RuleSeverity Severity, double? Threshold, SourceLocation Location)
    : RuleSpec(Name, Severity, Threshold, Location)
{
    public override string Kind => "accepted_values";
}

/// <summary><c>range: { column: amount, min: 0, max: 1000000 }</c> — inclusive bounds, either optional; nulls pass.</summary>
public sealed record RangeRule(string Column, string? Min, string? Max, string Name, RuleSeverity Severity, double? Threshold, SourceLocation Location)
    : RuleSpec(Name, Severity, Threshold, Location)
{
    public override string Kind => "range";
}

/// <summary><c>regex: { column: slug, pattern: "^[a-z0-9-]+$" }</c> — the value must match somewhere (anchor it to match all); nulls pass.</summary>
public sealed record RegexRule(string Column, string Pattern, string Name, RuleSeverity Severity, double? Threshold, SourceLocation Location)
    : RuleSpec(Name, Severity, Threshold, Location)
{
    public override string Kind => "regex";
}

/// <summary><c>max_length: { column: title, length: 200 }</c> — in characters; nulls pass.</summary>
public sealed record MaxLengthRule(string Column, int Length, string Name, RuleSeverity Severity, double? Threshold, SourceLocation Location)
    : RuleSpec(Name, Severity, Threshold, Location)
{
    public override string Kind => "max_length";
}

/// <summary><c>expression: { sql: "amount &gt; 0" }</c> — the row passes when the condition is true or null.</summary>
public sealed record ExpressionRule(string Sql, string Name, RuleSeverity Severity, double? Threshold, SourceLocation Location)
    : RuleSpec(Name, Severity, Threshold, Location)
{
    public override string Kind => "expression";
}
