using Medallion.Jobs.Engine;

namespace Medallion.Orchestration.Ledger;

/// <summary>The layers a run records, as they appear in <c>_run.json</c>'s <c>layers</c> and in <see cref="LayerResult.Layer"/>.</summary>
public static class LayerNames
{
    public const string Bronze = "bronze";
    public const string Silver = "silver";
}
