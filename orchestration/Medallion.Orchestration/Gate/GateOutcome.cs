using Medallion.Orchestration.Promotion;
using Medallion.Orchestration.Validation;

namespace Medallion.Orchestration.Gate;

/// <summary>How one table came through the gate.</summary>
/// <param name="Promotion">The promotion, or null when validation failed or promotion was turned off.</param>
public sealed record GateOutcome(LakeTable Table, ValidationReport Report, PromotionResult? Promotion)
{
    public bool Passed => Report.Passed;

    /// <summary>Plain lines for a log: the validation verdict (naming failed checks), then the promotion.</summary>
    public IEnumerable<string> Describe()
    {
        yield return Report.Passed
            ? $"validation of run {Report.RunKey}: {Table.Name} — passed ({Report.Checks.Count} checks)"
            : $"validation of run {Report.RunKey}: {Table.Name} — FAILED: {Report.DescribeFailures()}";
        if (Promotion is { Record: var record } promotion)
        {
            yield return promotion.AlreadyPromoted
                ? $"promote {Table.Name}: run {record.RunKey} was already promoted (current/ version {record.CurrentVersion}); nothing changed"
                : $"promote {Table.Name}: run {record.RunKey} → current/ version {record.CurrentVersion} ({promotion.FilesCopied} file(s), {record.Counts.CurrentRows:N0} row(s) live" +
                  (record.Counts.Merge is { } merge ? $"; merge: {merge.Inserted:N0} inserted, {merge.Updated:N0} updated, {merge.Deleted:N0} deleted, {merge.Unchanged:N0} unchanged)" : ")");
        }
    }
}
