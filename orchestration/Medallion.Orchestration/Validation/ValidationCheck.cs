using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Medallion.Orchestration.Validation;

/// <summary>One check of the validation gate, as written to <c>_validation.json</c>.</summary>
/// <param name="Name">The check, e.g. <c>max_quarantine_ratio</c>.</param>
/// <param name="Threshold">The limit from the configuration (a number or a description), or null when the check has none.</param>
/// <param name="Measured">What the run has, or null when it could not be measured.</param>
/// <param name="Result"><see cref="PassedResult"/>, <see cref="FailedResult"/> or <see cref="SkippedResult"/> (not configured, or nothing to compare with).</param>
/// <param name="Detail">One sentence a person can act on.</param>
public sealed record ValidationCheck(string Name, JsonNode? Threshold, JsonNode? Measured, string Result, string Detail)
{
    public const string PassedResult = "passed";
    public const string FailedResult = "failed";
    public const string SkippedResult = "skipped";

    [JsonIgnore]
    public bool Failed => Result == FailedResult;

    public static ValidationCheck Of(string name, bool passed, JsonNode? threshold, JsonNode? measured, string detail) =>
        new(name, threshold, measured, passed ? PassedResult : FailedResult, detail);

    public static ValidationCheck Skipped(string name, JsonNode? threshold, string detail) =>
        new(name, threshold, null, SkippedResult, detail);
}
