using Medallion.Aws.Artifacts;
using Medallion.Jobs.Config;

namespace Medallion.Aws.Deploy;

/// <summary>
/// The S3 key prefixes under which a landed object belongs to a dataset: for each table, the raw
/// root's key and the literal start of its <c>source.path</c> glob (up to the first <c>*</c>,
/// <c>?</c>, <c>[</c> or <c>{</c>, which also cuts a <c>{date}</c> placeholder). A prefix that
/// another one starts with is dropped (EventBridge would match the object twice over for nothing).
/// The rule is a coarse filter: an object under a prefix that no glob matches starts a run the
/// bronze job finds nothing to do for.
/// </summary>
internal static class TriggerPrefixes
{
    private static readonly char[] Wildcards = ['*', '?', '[', '{'];

    public static IReadOnlyList<string> Of(DatasetSpec dataset, S3Uri raw)
    {
        var root = raw.Key.Length == 0 ? "" : raw.Key.TrimEnd('/') + "/";
        var prefixes = dataset.Tables
            .Select(t => t.Source.Path.Replace('\\', '/'))
            .Select(path => root + (path.IndexOfAny(Wildcards) is var at and >= 0 ? path[..at] : path))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(p => p.Length)
            .ThenBy(p => p, StringComparer.Ordinal)
            .ToList();
        return [.. prefixes.Where((p, i) => !prefixes.Take(i).Any(shorter => p.StartsWith(shorter, StringComparison.Ordinal)))];
    }
}
