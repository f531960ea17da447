
namespace Medallion.Orchestration.Outcomes;

/// <summary>
/// What one step of a run did to each table, as a small JSON file the deployed state machine reads
/// (<c>aws-sdk:s3:getObject</c>) to say in its notifications which table failed and why — for a
/// rejected validation, every failed check with its threshold and measured value — and, on
/// success, each table's counts. The state machine cannot read the ledgers itself: it does not
/// know a dataset's tables, and Step Functions has no way to list and merge files.
/// </summary>
/// <param name="Succeeded">True when every table came through the step.</param>
public sealed record StepOutcome(string Dataset, string RunKey, string Step, bool Succeeded, IReadOnlyList<StepOutcomeTable> Tables)
{
    /// <summary>The folder below the lake root.</summary>
    public const string Folder = "_medallion/outcomes";

    /// <summary>The file of one step: <c>_medallion/outcomes/{dataset}/run_key={k}/{step}.json</c>.</summary>
    public static string PathOf(string dataset, string runKey, string step) => $"{Folder}/{dataset}/run_key={Jobs.Lake.RunKey.Validate(runKey)}/{step}.json";
}
