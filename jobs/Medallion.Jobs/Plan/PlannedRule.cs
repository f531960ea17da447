using Medallion.Jobs.Config;
using Medallion.Jobs.Config.Rules;

namespace Medallion.Jobs.Plan;

/// <summary>
/// A rule as the engine checks it: a rule from the YAML, or an implicit rule a transform adds
/// (a cast's <c>cast_&lt;column&gt;</c>), or the implicit <c>partition_&lt;column&gt;</c> rule of each
/// partition column. At most one of <paramref name="Spec"/>, <paramref name="StepFlagColumn"/> and
/// <see cref="PartitionColumn"/> is set, and one always is.
/// </summary>
/// <param name="FlagColumn">The internal boolean column that is true where a row breaks the rule.</param>
/// <param name="Spec">The YAML rule, or null for an implicit rule.</param>
/// <param name="StepFlagColumn">For an implicit rule: the column its transform's step sets where a row breaks it.</param>
public sealed record PlannedRule(
    string Name,
    string Kind,
    RuleSeverity Severity,
    double? Threshold,
    string FlagColumn,
    RuleSpec? Spec,
    string? StepFlagColumn)
{
    /// <summary>
    /// The implicit rule <c>partition_&lt;column&gt;</c>: the silver partition column whose value
    /// would not fit in a folder name (<see cref="PartitionFolderBytes"/>). Set only on that rule,
    /// which has neither a YAML rule nor a step flag.
    /// </summary>
    public string? PartitionColumn { get; init; }

    /// <summary>
    /// The longest folder name (<c>column=value</c>, percent-encoded) a partition value may make: 255
    /// bytes is the limit of common file systems (ext4, APFS, NTFS) and of the tools that copy S3 keys
    /// to them; a longer value would fail the whole silver write, so its row is quarantined instead.
    /// </summary>
    public const int PartitionFolderBytes = 255;

    /// <summary>True when a broken row leaves silver (quarantine and fail rules).</summary>
    public bool IsBlocking => Severity != RuleSeverity.Warn;
}
