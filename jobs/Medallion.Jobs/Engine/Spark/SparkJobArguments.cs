namespace Medallion.Jobs.Engine.Spark;

/// <summary>
/// The Spark job host's arguments, the one form both its parser and every launcher
/// (<c>medallion submit</c>, the state machine, a local <c>spark-submit</c>) use:
/// <c>--conf DIR --dataset D [--table T] --step bronze|silver|promote --run-key K --env E</c>, and
/// optionally what ran it: <c>--execution-arn ARN --state-machine NAME --bronze-job-run ID
/// --silver-job-run ID</c> (the state machine passes them; the gate records them in the ledger), and
/// <c>--object URI</c>: the one landed object to read (an S3 event's bucket and key), for the tables
/// whose <c>source.path</c> matches it. Without <c>--table</c> the step covers every table of the dataset.
/// </summary>
/// <param name="Table">One table, or null for every table of the dataset.</param>
/// <param name="Step"><see cref="Bronze"/>, <see cref="Silver"/> or <see cref="Promote"/> (validate, then promote).</param>
public sealed partial record SparkJobArguments(string Conf, string Dataset, string? Table, string Step, string RunKey, string Environment)
{
    public const string Bronze = "bronze";
    public const string Silver = "silver";

    /// <summary>The orchestrator's gate after silver: validate the run, then promote it to <c>current/</c>.</summary>
    public const string Promote = "promote";

    public const string Usage =
        "usage: Medallion.Jobs.Spark --conf DIR --dataset D [--table T] --step bronze|silver|promote --run-key K --env E" +
        " [--execution-arn ARN] [--state-machine NAME] [--bronze-job-run ID] [--silver-job-run ID] [--object s3://BUCKET/KEY]";

    private static readonly string[] Required = ["--conf", "--dataset", "--step", "--run-key", "--env"];
    private static readonly string[] Trace = ["--execution-arn", "--state-machine", "--bronze-job-run", "--silver-job-run"];
    private static readonly string[] Names = [.. Required, "--table", "--object", .. Trace];

    /// <summary>The Step Functions execution that runs the step (<c>$$.Execution.Id</c>), or null.</summary>
    public string? ExecutionArn { get; init; }

    /// <summary>The state machine's name (<c>$$.StateMachine.Name</c>), or null.</summary>
    public string? StateMachine { get; init; }

    /// <summary>The EMR Serverless job run of each earlier step (<c>bronze</c>, <c>silver</c>), or null when none is given.</summary>
    public IReadOnlyDictionary<string, string>? JobRunIds { get; init; }

    /// <summary>
    /// The one raw object the step reads (<c>s3://bucket/key</c> below the raw root), for the tables
    /// whose glob matches it; null for what the table's ingestion mode chooses.
    /// </summary>
    public string? Object { get; init; }

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

        return new SparkJobArguments(values["--conf"], values["--dataset"], values.GetValueOrDefault("--table"), step, values["--run-key"], values["--env"])
        {
            ExecutionArn = Checked(values, "--execution-arn", ExecutionArnPattern(), "a Step Functions execution ARN"),
            StateMachine = Checked(values, "--state-machine", StateMachinePattern(), "1 to 80 of [A-Za-z0-9_-]"),
            JobRunIds = JobRuns(values),
            Object = values.GetValueOrDefault("--object"),
        };
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
        if (Object is not null)
        {
            arguments.AddRange(["--object", Object]);
        }

        if (ExecutionArn is not null)
        {
            arguments.AddRange(["--execution-arn", ExecutionArn]);
        }

        if (StateMachine is not null)
        {
            arguments.AddRange(["--state-machine", StateMachine]);
        }

        foreach (var (step, id) in JobRunIds ?? new Dictionary<string, string>())
        {
            arguments.AddRange([$"--{step}-job-run", id]);
        }

        return arguments;
    }

    /// <summary>These values reach logs and the lake's JSON files only, but a launcher's typo should stop the job, not land there.</summary>
    private static string? Checked(Dictionary<string, string> values, string name, System.Text.RegularExpressions.Regex pattern, string rule) =>
        values.GetValueOrDefault(name) is not { } value ? null
        : pattern.IsMatch(value) ? value
        : throw Error($"{name} '{value}' is invalid: expected {rule}");

    private static SortedDictionary<string, string>? JobRuns(Dictionary<string, string> values)
    {
        var runs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var step in new[] { Bronze, Silver })
        {
            if (Checked(values, $"--{step}-job-run", JobRunIdPattern(), "an EMR Serverless job run id, 1 to 64 of [0-9a-z]") is { } id)
            {
                runs[step] = id;
            }
        }

        return runs.Count == 0 ? null : runs;
    }

    private static ArgumentException Error(string problem) => new($"{problem}\n{Usage}");

    [System.Text.RegularExpressions.GeneratedRegex(@"^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:execution:[A-Za-z0-9_-]{1,80}:[^\s]{1,80}\z")]
    private static partial System.Text.RegularExpressions.Regex ExecutionArnPattern();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z0-9_-]{1,80}\z")]
    private static partial System.Text.RegularExpressions.Regex StateMachinePattern();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[0-9a-z]{1,64}\z")]
    private static partial System.Text.RegularExpressions.Regex JobRunIdPattern();
}
