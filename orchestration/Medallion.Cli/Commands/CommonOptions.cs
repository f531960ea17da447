using System.CommandLine;
using Medallion.Orchestration.Runs;

namespace Medallion.Cli.Commands;

/// <summary>Options several commands share, declared once so they read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string> Conf { get; } = new("--conf")
    {
        Description = "The configuration folder (medallion.yaml and datasets/).",
        DefaultValueFactory = _ => "./conf",
        Recursive = true,
    };

    public static Argument<string> Dataset() => new("dataset") { Description = "The dataset name (conf/datasets/<dataset>.yaml)." };

    public static Option<string?> Table() => new("--table", "-t") { Description = "Only this table (default: every table of the dataset)." };

    public static Option<string?> Environment() => new("--env", "-e") { Description = "The environment in medallion.yaml (default: its default_environment)." };

    public static Option<string?> RunKey(string description) => new("--run-key", "-k") { Description = description };

    public static Option<RunLayer> Layer(RunLayer defaultValue) => new("--layer")
    {
        Description = "Which layers: bronze, silver or all.",
        DefaultValueFactory = _ => defaultValue,
    };
}
