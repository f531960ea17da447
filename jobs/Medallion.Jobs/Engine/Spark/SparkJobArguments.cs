namespace Medallion.Jobs.Engine.Spark;

/// <summary>
/// The Spark job host's arguments, the one form both its parser and every launcher
/// (<c>medallion submit</c>, the state machine, a local <c>spark-submit</c>) use:
/// <c>--conf DIR --dataset D [--table T] --step bronze|silver|promote --run-key K --env E</c>.
/// Without <c>--table</c> the step covers every table of the dataset.
/// </summary>
/// <param name="Table">One table, or null for every table of the dataset.</param>
/// <param name="Step"><see cref="Bronze"/>, <see cref="Silver"/> or <see cref="Promote"/> (validate, then promote).</param>
public sealed record SparkJobArguments(string Conf, string Dataset, string? Table, string Step, string RunKey, string Environment)
{
    public const string Bronze = "bronze";
    public const string Silver = "silver";

    /// <summary>The orchestrator's gate after silver: validate the run, then promote it to <c>current/</c>.</summary>
    public const string Promote = "promote";

    public const string Usage = "usage: Medallion.Jobs.Spark --conf DIR --dataset D [--table T] --step bronze|silver|promote --run-key K --env E";

    private static readonly string[] Required = ["--conf", "--dataset", "--step", "--run-key", "--env"];
    private static readonly string[] Names = [.. Required, "--table"];

    /// <summary>Whether this step runs a layer on Spark (bronze or silver) rather than the gate.</summary>
    public bool IsLayer => Step is Bronze or Silver;

    /// <exception cref="ArgumentException">A missing, repeated or unknown argument, a bad step or run key; the message ends with the usage.</exception>
    public static SparkJobArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!Names.Contains(args[i]))
            {
                throw Error($"unknown argument '{args[i]}'");
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw Error($"{args[i]} needs a value");
            }

            if (!values.TryAdd(args[i], args[i + 1]))
            {
                throw Error($"{args[i]} is given twice");
            }
        }

        var missing = Required.Where(n => !values.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            throw Error($"missing {string.Join(", ", missing)}");
        }

        var step = values["--step"];
        if (step is not (Bronze or Silver or Promote))
        {
            throw Error($"--step must be bronze, silver or promote, not '{step}'");
        }

        if (!Lake.RunKey.IsValid(values["--run-key"]))
        {
            throw Error($"--run-key '{values["--run-key"]}' is invalid: {Lake.RunKey.Rule}");
        }

        return new SparkJobArguments(values["--conf"], values["--dataset"], values.GetValueOrDefault("--table"), step, values["--run-key"], values["--env"]);
    }

    /// <summary>The command line <see cref="Parse"/> reads back into these arguments.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        List<string> arguments = ["--conf", Conf, "--dataset", Dataset];
        if (Table is not null)
        {
            arguments.AddRange(["--table", Table]);
        }

        arguments.AddRange(["--step", Step, "--run-key", RunKey, "--env", Environment]);
        return arguments;
    }

    private static ArgumentException Error(string problem) => new($"{problem}\n{Usage}");
}
