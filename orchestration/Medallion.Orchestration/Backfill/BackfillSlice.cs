using System.Globalization;

namespace Medallion.Orchestration.Backfill;

/// <summary>One day of a backfill: the raw files of that date, run as one run key.</summary>
/// <param name="Date">The raw partition's date (from <c>{date}</c> in <c>source.path</c>, or the files' modification day in UTC).</param>
/// <param name="Files">The files, relative to the raw root, in path order; the run reads exactly these (<c>RunRequest.Files</c>).</param>
public sealed record BackfillSlice(DateOnly Date, IReadOnlyList<string> Files)
{
    /// <summary>
    /// <c>backfill-yyyy-MM-dd</c>: the same for every attempt, so a restarted backfill finds the
    /// slices it already promoted, and a re-run of a slice replaces its own staged output.
    /// </summary>
    public string RunKey => "backfill-" + Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
