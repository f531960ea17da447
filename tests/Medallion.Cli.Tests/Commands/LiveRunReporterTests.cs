using Medallion.Cli.Commands;
using Medallion.Orchestration.Runs;
using Spectre.Console;

namespace Medallion.Cli.Tests.Commands;

/// <summary>The terminal's live display: what a table's line says as its steps go by.</summary>
public sealed class LiveRunReporterTests
{
    [Fact]
    public async Task RunAsync_StepsReported_LeavesEachTablesLastStepOnScreen()
    {
        using var screen = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(screen),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
        });
        console.Profile.Width = 160;

        var result = await LiveRunReporter.RunAsync(console, steps: 2, reporter =>
        {
            reporter.Report(new RunProgress("sales.orders", "bronze", Files: 3, FilesStaged: 0));
            reporter.Report(new RunProgress("sales.orders", "bronze", Files: 3, FilesStaged: 2));
            reporter.Report(new RunProgress("sales.orders", "bronze", Files: 3, FilesStaged: 3, RowsRead: 1500, Done: true));
            reporter.Report(new RunProgress("sales.refunds", "silver"));
            reporter.Warning("sales: skipping raw file x.csv");
            return Task.FromResult(7);
        });

        var text = screen.ToString();
        Assert.Equal(7, result);
        Assert.Contains("bronze done  files 3/3  1,500 rows read", text, StringComparison.Ordinal);
        Assert.Contains("sales.refunds", text, StringComparison.Ordinal);
        Assert.Contains("warning: sales: skipping raw file x.csv", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_StagingStep_NamesFilesStagedOfAll()
    {
        var line = LiveRunReporter.Describe(new RunProgress("a.b", "bronze", Files: 8, FilesStaged: 3));

        Assert.Equal("[bold]a.b[/]  bronze  files 3/8", line);
    }
}
