using System.Text;
using Medallion.Jobs.Config;

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
            var count = Split(header, CsvOptions.Default with { Delimiter = candidate }).Count - 1;
            if (count > bestCount)
            {
                (best, bestCount) = (candidate, count);
            }
        }

        return best;
    }

    /// <summary>The fields of one line, with quotes removed and escaped quotes kept (as bronze's header match reads them).</summary>
    public static List<string> Split(string line, CsvOptions options)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == options.Escape && i + 1 < line.Length && line[i + 1] == options.Quote)
            {
                current.Append(options.Quote);
                i++;
            }
            else if (c == options.Quote)
            {
                quoted = !quoted;
            }
            else if (c == options.Delimiter && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
