using Medallion.Delta.Storage;

namespace Medallion.Orchestration.Runs;

/// <summary>The lake a command works on.</summary>
/// <param name="Store">Where every table, ledger, validation report and <c>_LATEST.json</c> lives.</param>
public sealed record LakeConnection(IObjectStore Store);
