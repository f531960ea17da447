using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Medallion.Delta.Storage;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine.Spark;
using Medallion.Orchestration.Runs;

namespace Medallion.Orchestration.Backfill;

/// <summary>
/// Which raw files a backfill re-runs, day by day. Each selected table's glob is listed as a run
/// lists it (<see cref="RawInputs"/>); a file's date is the <c>{date}</c> of its table's
/// <c>source.path</c> (<c>orders/dt={date}/*.json</c>), or, for a table without one, the UTC day
/// the file was last modified. Files from <c>from</c> to <c>to</c> (both included) are grouped by
/// date into slices, oldest first; a day without files has no slice.
/// </summary>
public static class BackfillPlanner
{
    /// <param name="input">A raw root to read instead of the environment's (<c>--input</c>), or null.</param>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public static async Task<IReadOnlyList<BackfillSlice>> PlanAsync(
        PipelineSelection selection, DateOnly from, DateOnly to, string? input = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selection);
        if (to < from)
        {
            throw new ArgumentException($"--to {to:yyyy-MM-dd} is before --from {from:yyyy-MM-dd}.", nameof(to));
        }

        var store = LakeResolver.OpenStore(input ?? selection.Environment.RawRoot, selection.Environment);
        try
        {
            var dated = new SortedDictionary<DateOnly, SortedSet<string>>();
            foreach (var table in selection.Tables)
            {
                var dateOf = DateReader(table);
                foreach (var file in await RawInputs.ResolveAsync(store, table, cancellationToken))
                {
                    if (dateOf(file) is { } date && date >= from && date <= to)
                    {
                        (dated.TryGetValue(date, out var files) ? files : dated[date] = new SortedSet<string>(StringComparer.Ordinal)).Add(file.Path);
                    }
                }
            }

            return [.. dated.Select(d => new BackfillSlice(d.Key, [.. d.Value]))];
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }

    /// <summary>How a table's files are dated: the path's <c>{date}</c> (a file whose date there is not a real day has none), else the modification day.</summary>
    private static Func<ObjectInfo, DateOnly?> DateReader(TableSpec table)
    {
        if (table.Source.DatedPath is not { } datedPath)
        {
            return file => DateOnly.FromDateTime(file.LastModified.UtcDateTime);
        }

        var regex = DatedRegex(datedPath);
        return file => regex.Match(file.Path) is { Success: true } match
            && DateOnly.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : null;
    }

    /// <summary>The dated glob as a regex whose <c>date</c> group is the placeholder's value.</summary>
    internal static Regex DatedRegex(string datedPath)
    {
        var pattern = new StringBuilder("^");
        var path = datedPath.Replace('\\', '/');
        for (var i = 0; i < path.Length; i++)
        {
            if (path.AsSpan(i).StartsWith(SourceSpec.DatePlaceholder))
            {
                pattern.Append(@"(?<date>\d{4}-\d{2}-\d{2})");
                i += SourceSpec.DatePlaceholder.Length - 1;
            }
            else if (path.AsSpan(i).StartsWith("**/"))
            {
                pattern.Append("(?:.*/)?");
                i += 2;
            }
            else
            {
                pattern.Append(path[i] switch
                {
                    '*' when i + 1 < path.Length && path[i + 1] == '*' => ".*",
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    var c => Regex.Escape(c.ToString()),
                });
                i += path[i] == '*' && i + 1 < path.Length && path[i + 1] == '*' ? 1 : 0;
            }
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
