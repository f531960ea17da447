using Medallion.Jobs.Lake;

namespace Medallion.Jobs.Engine.Spark;

/// <summary>
/// The Spark job host's arguments:
/// <c>--conf DIR --dataset D --table T --layer bronze|silver --run-key K --env E</c>, every one required.
/// </summary>
internal sealed record SparkJobArguments(string Conf, string Dataset, string Table, string Layer, string RunKey, string Environment)
{
    public const string Usage = "usage: Medallion.Jobs.Spark --conf DIR --dataset D --table T --layer bronze|silver --run-key K --env E";

    private static readonly string[] Names = ["--conf", "--dataset", "--table", "--layer", "--run-key", "--env"];

    /// <exception cref="ArgumentException">A missing, repeated or unknown argument, a bad layer or run key; the message ends with the usage.</exception>
    public static SparkJobArguments Parse(IReadOnlyList<string> args)
    {
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

        var missing = Names.Where(n => !values.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            throw Error($"missing {string.Join(", ", missing)}");
        }

        var layer = values["--layer"];
        if (layer is not ("bronze" or "silver"))
        {
            throw Error($"--layer must be bronze or silver, not '{layer}'");
        }

        if (!Lake.RunKey.IsValid(values["--run-key"]))
        {
            throw Error($"--run-key '{values["--run-key"]}' is invalid: {Lake.RunKey.Rule}");
        }

        return new SparkJobArguments(values["--conf"], values["--dataset"], values["--table"], layer, values["--run-key"], values["--env"]);
    }

    private static ArgumentException Error(string problem) => new($"{problem}\n{Usage}");
}
