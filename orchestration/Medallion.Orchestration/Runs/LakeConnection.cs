using Medallion.Delta.Storage;

namespace Medallion.Orchestration.Runs;

/// <summary>The lake a command works on.</summary>
/// <param name="Store">Where every table, ledger, validation report and <c>_LATEST.json</c> lives.</param>
/// <param name="EngineDirectory">
/// The local folder the embedded engine writes Parquet files into: the lake itself for a local
/// lake root (for an S3 root, a staging folder whose files are then uploaded through <paramref name="Store"/>).
/// </param>
internal sealed record LakeConnection(IObjectStore Store, string EngineDirectory);
