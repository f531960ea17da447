using Medallion.Jobs.Config;
using Spectre.Console;

namespace Medallion.Cli;

/// <summary>What every command gets: where to write, the clock, and the configuration loader.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, TimeProvider clock)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public TimeProvider Clock { get; } = clock;

    /// <summary>True when output goes to a terminal (progress may redraw); false for logs and pipes.</summary>
    public bool IsTerminal { get; } = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;

    /// <summary>The terminal's width in characters, or null when output is redirected (a file or a pipe has none).</summary>
    public int? TerminalWidth => IsTerminal && System.Console.WindowWidth > 0 ? System.Console.WindowWidth : null;

    /// <summary>A Spectre console over <see cref="Output"/>: colours on a terminal, plain text elsewhere.</summary>
    public IAnsiConsole Console { get; } = CreateConsole(output);

    private static IAnsiConsole CreateConsole(TextWriter output)
    {
        var terminal = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.Detect,
            // Interactive lets a live display redraw in place (run progress); only a terminal can.
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });

        // Logs and pipes have no width; give tables room rather than wrapping every cell.
        if (!terminal)
        {
            console.Profile.Width = 200;
        }

        return console;
    }

    public static MedallionConfiguration LoadConfiguration(string confDirectory) => ConfigLoader.Load(confDirectory);
}
