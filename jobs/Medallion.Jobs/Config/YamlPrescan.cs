using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Medallion.Jobs.Config;

/// <summary>
/// Walks a YAML text's parsing events once, before YamlDotNet builds its node tree, and finds what
/// the tree builder handles badly: nesting deep enough to overflow its recursion (the process dies,
/// no catch helps), an alias to an anchor that does not exist (reported at 1:1 by the tree builder),
/// and parser failures that are not <see cref="YamlException"/> or that point at the wrong place
/// (an unclosed <c>[</c>, a tab used for indentation). The parser itself is a loop with its own
/// stack, so walking its events never recurses.
/// </summary>
internal static class YamlPrescan
{
    /// <summary>Deeper than any Medallion file needs (a rule in a table in a list is 6), far below what overflows the stack.</summary>
    public const int MaxDepth = 64;

    /// <summary>The first problem, or null when the tree builder can take the text.</summary>
    public static (Mark At, string Message)? Check(string text)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var open = new Stack<(Mark Start, bool Flow)>();
        var last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                last = current.End;
                switch (current)
                {
                    case DocumentStart:
                        anchors.Clear();
                        break;
                    case AnchorAlias alias when !anchors.Contains(alias.Value.Value):
                        return (current.Start, $"YAML syntax error: the alias `*{alias.Value.Value}` names no anchor defined before it (`&{alias.Value.Value}`)");
                    case NodeEvent { Anchor.IsEmpty: false } node:
                        anchors.Add(node.Anchor.Value);
                        break;
                }

                if (current is MappingStart or SequenceStart)
                {
                    open.Push((current.Start, current is MappingStart { Style: MappingStyle.Flow } or SequenceStart { Style: SequenceStyle.Flow }));
                    if (open.Count > MaxDepth)
                    {
                        return (current.Start, $"the YAML nests deeper than {MaxDepth} levels; a Medallion file needs far fewer");
                    }
                }
                else if (current is MappingEnd or SequenceEnd && open.Count > 0)
                {
                    open.Pop();
                }
            }
        }
        catch (YamlException error) when (error.Message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            // The scanner reports a tab at the end of the token before it, often a line early.
            return (TabAfter(text, error.Start), "YAML syntax error: a tab character is used for indentation; YAML indents with spaces");
        }
        catch (YamlException error)
        {
            return (error.Start, $"YAML syntax error: {error.InnerException?.Message ?? error.Message}{Unclosed(open)}");
        }
        catch (Exception error) when (error is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet fails with a state error on some unclosed flow collections; the last event read is where it stopped.
            return (last, $"YAML syntax error: the YAML parser stopped here ({error.Message}){Unclosed(open)}");
        }

        return null;
    }

    /// <summary>Names the innermost flow collection still open where the parser failed: the usual cause.</summary>
    private static string Unclosed(Stack<(Mark Start, bool Flow)> open) =>
        open.FirstOrDefault(o => o.Flow) is { Flow: true } flow
            ? $"; the `[` or `{{` opened at line {flow.Start.Line}, column {flow.Start.Column} is not closed"
            : "";

    private static Mark TabAfter(string text, Mark from)
    {
        var start = (int)Math.Clamp(from.Index, 0, text.Length);
        var tab = text.IndexOf('\t', start);
        if (tab < 0)
        {
            return from;
        }

        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < tab; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new Mark(tab, line, tab - lineStart + 1);
    }
}
