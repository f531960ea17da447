using Medallion.Delta;

namespace Medallion.Jobs.Engine.DuckDb.Merge;

/// <summary>What a merge wrote: the commit's actions (files already in the store) and the keys it changed.</summary>
/// <param name="Removed">Live files of <c>current/</c> that hold a key the run updates or deletes; the commit removes them.</param>
/// <param name="Added">The new files: the removed files' other rows, plus the run's winning rows, sorted by key.</param>
/// <param name="Inserted">Keys new to <c>current/</c>.</param>
/// <param name="Updated">Keys whose row the run replaced.</param>
/// <param name="Deleted">Keys a tombstone of the run deleted.</param>
/// <param name="CandidateFiles">Files of <c>current/</c> read because their key bounds (stats or partition) could hold a key of the run.</param>
public sealed record MergeResult(
    IReadOnlyList<AddFile> Removed, IReadOnlyList<AddFile> Added, long Inserted, long Updated, long Deleted, int CandidateFiles);
