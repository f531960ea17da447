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
