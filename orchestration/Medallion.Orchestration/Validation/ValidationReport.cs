using System.Text.Json.Serialization;

namespace Medallion.Orchestration.Validation;

/// <summary>The content of a staged run's <c>_validation.json</c>: every check with its threshold, measured value and result.</summary>
public sealed record ValidationReport(
    string RunKey,
    string Dataset,
    string Table,
    string SchemaVersion,
    DateTimeOffset ValidatedAt,
    bool Passed,
    IReadOnlyList<ValidationCheck> Checks)
{
    [JsonIgnore]
    public IReadOnlyList<ValidationCheck> FailedChecks => [.. Checks.Where(c => c.Failed)];

    /// <summary>The failed checks as one line: <c>min_rows (0 &lt; 1 row(s)); …</c>.</summary>
    public string DescribeFailures() => string.Join("; ", FailedChecks.Select(c => $"{c.Name}: {c.Detail}"));
}
