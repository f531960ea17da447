using Medallion.Jobs.Config;
using Medallion.Jobs.Engine.DuckDb;

namespace Medallion.Jobs.Init;

/// <summary>The CSV dialect of a sample, told from its header line alone.</summary>
internal static class SampleCsv
{
    private static readonly char[] Candidates = [',', ';', '\t', '|'];

    /// <summary>
    /// The delimiter the header line uses most outside quotes (a comma when it uses none): a tab for
    /// <c>.tsv</c> files, a semicolon for European exports.
    /// </summary>
    public static char Delimiter(string header, string file)
    {
        if (file.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase))
        {
            return '\t';
        }

        var best = ',';
        var bestCount = 0;
        foreach (var candidate in Candidates)
        {
            var count = CsvHeader.Split(header, CsvOptions.Default with { Delimiter = candidate }).Count - 1;
            if (count > bestCount)
            {
                (best, bestCount) = (candidate, count);
            }
        }

        return best;
    }
}
