using Medallion.Delta;
using Medallion.Jobs.Config;

namespace Medallion.Jobs.Engine.DuckDb.Merge;

/// <summary>What a merge promotion asks of the embedded engine: upsert a staged run's rows into <c>current/</c> by key.</summary>
/// <param name="Tables">The lake as the engine sees it: the lake folder itself (local lake) or a staging folder (S3), where the inputs are read and the new files written.</param>
/// <param name="Settings">DuckDB memory, temp folder and threads.</param>
/// <param name="Run">The run's staged silver table (every live file is the run's).</param>
/// <param name="Current">The snapshot of <c>current/</c> the commit will build on; null when it has no table yet.</param>
/// <param name="CurrentPath">The lake path of <c>current/</c>, where the new files go.</param>
/// <param name="Key">The primary key columns.</param>
/// <param name="Merge">Which row is newer, which rows are tombstones.</param>
/// <param name="FileRows">Most rows per written file (per partition): files stay small and sorted by key, so the next merge rewrites little.</param>
public sealed record MergeRequest(
    DuckDbTables Tables,
    DuckDbSpec Settings,
    DeltaSnapshot Run,
    DeltaSnapshot? Current,
    string CurrentPath,
    IReadOnlyList<string> Key,
    MergeSpec Merge,
    long FileRows);
