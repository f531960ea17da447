using System.Text;

namespace Medallion.Cli.Commands.PlanText;

/// <summary>
/// Folds long plan lines to a width at spaces outside quotes, so a wrapped plan is still the SQL the
/// engine runs: only whitespace between tokens changes. Continuations are indented four more spaces
/// (and stay comments when the line is a <c>--</c> comment); a token longer than the width stays whole.
/// </summary>
internal static class SqlWrapper
{
    private const string ContinuationIndent = "    ";

    public static string Wrap(string text, int width)
    {
        if (width <= 0)
        {
            return text;
        }

        var lines = text.Split('\n');
        var wrapped = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                wrapped.Append('\n');
            }

            WrapLine(wrapped, lines[i], width);
        }

        return wrapped.ToString();
    }

    private static void WrapLine(StringBuilder output, string line, int width)
    {
        if (line.Length <= width)
        {
            output.Append(line);
            return;
        }

        var indent = line[..(line.Length - line.TrimStart().Length)];
        var comment = line.TrimStart().StartsWith("--", StringComparison.Ordinal);
        var continuation = indent + (comment ? "--" + ContinuationIndent[2..] : ContinuationIndent);
        var current = new StringBuilder(indent);
        var empty = true;
        foreach (var token in Tokens(line[indent.Length..]))
        {
            if (!empty && current.Length + 1 + token.Length > width)
            {
                output.Append(current).Append('\n');
                current.Clear().Append(continuation).Append(token);
                continue;
            }

            current.Append(empty ? "" : " ").Append(token);
            empty = false;
        }

        output.Append(current);
    }

    /// <summary>The line split at single spaces that are outside '…', "…" and `…`; a run of spaces inside a token is kept.</summary>
    private static IEnumerable<string> Tokens(string text)
    {
        var token = new StringBuilder();
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is { } open)
            {
                token.Append(c);
                if (c == open)
                {
                    quote = null;
                }

                continue;
            }

            if (c is '\'' or '"' or '`')
            {
                quote = c;
                token.Append(c);
                continue;
            }

            if (c == ' ' && token.Length > 0)
            {
                yield return token.ToString();
                token.Clear();
                continue;
            }

            if (c != ' ')
            {
                token.Append(c);
            }
        }

        if (token.Length > 0)
        {
            yield return token.ToString();
        }
    }
}
