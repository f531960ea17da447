using System.Globalization;
using Medallion.Orchestration.Runs;
using Spectre.Console;

namespace Medallion.Cli.Commands;

/// <summary>
/// Run progress on a terminal: a line per table redrawn in place (Spectre.Console) with its step,
/// files staged, rows read, steps done and elapsed time; messages and warnings print above it.
/// Logs, pipes and <c>--json</c> get <see cref="ConsoleRunReporter"/>'s plain lines instead.
/// </summary>
internal sealed class LiveRunReporter : IRunReporter
{
    private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly IAnsiConsole _console;
    private readonly ProgressContext _progress;
    private readonly int _steps;

    private LiveRunReporter(IAnsiConsole console, ProgressContext progress, int steps)
    {
        _console = console;
        _progress = progress;
        _steps = steps;
    }

    /// <summary>Runs <paramref name="work"/> under a live display on <paramref name="console"/>, which stays on screen when it ends.</summary>
    /// <param name="steps">How many steps each table goes through (its layers), for the bar.</param>
    public static Task<T> RunAsync<T>(IAnsiConsole console, int steps, Func<IRunReporter, Task<T>> work) =>
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn())
            .StartAsync(progress => work(new LiveRunReporter(console, progress, steps)));

    public void Progress(string message) => _console.MarkupLine(Markup.Escape(message));

    public void Warning(string message) => _console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(message)}");

    public void Report(RunProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        lock (_lock)
        {
            if (!_tasks.TryGetValue(progress.Table, out var task))
            {
                task = _tasks[progress.Table] = _progress.AddTask(progress.Table, maxValue: _steps);
            }

            task.Description = Describe(progress);
            if (progress.Done)
            {
                task.Increment(1);
            }

            if (task.Value >= task.MaxValue)
            {
                task.StopTask();
            }
        }
    }

    /// <summary><c>sales.orders  bronze  files 3/8</c>, then <c>sales.orders  bronze done  1,500 rows read</c>.</summary>
    public static string Describe(RunProgress progress)
    {
        var parts = new List<string> { $"[bold]{Markup.Escape(progress.Table)}[/]", progress.Done ? $"{progress.Step} done" : progress.Step };
        if (progress.Files is { } files)
        {
            parts.Add($"files {progress.FilesStaged ?? 0}/{files}");
        }

        if (progress.RowsRead is { } rows)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows read"));
        }

        return string.Join("  ", parts);
    }
}
