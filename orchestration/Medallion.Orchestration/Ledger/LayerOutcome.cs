using Medallion.Jobs.Engine;

namespace Medallion.Orchestration.Ledger;

/// <summary>What a layer hands back: its result and, for bronze, the raw files it read when the run did not know them up front.</summary>
public sealed record LayerOutcome(LayerResult Result, IReadOnlyList<RunInputFile>? InputFiles = null);
