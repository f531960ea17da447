using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config;

/// <summary>Turns the root node of <c>medallion.yaml</c> into a <see cref="MedallionConfig"/>.</summary>
internal sealed partial class SettingsParser
{
    internal static readonly Dictionary<string, EngineKind> Engines = new(StringComparer.Ordinal)
    {
        ["duckdb"] = EngineKind.DuckDb,
        ["spark"] = EngineKind.Spark,
    };

    private readonly ConfigReader _reader;

    public SettingsParser(ConfigReader reader) => _reader = reader;

    /// <summary>The settings, or null when they are too broken to build (the errors say why).</summary>
    public MedallionConfig? Parse(YamlNode root)
    {
        if (_reader.Mapping(root, "medallion.yaml") is not { } map)
        {
            return null;
        }

        var values = _reader.Keys(map, "medallion.yaml", "default_environment", "environments");
        var environments = new Dictionary<string, EnvironmentSpec>(StringComparer.Ordinal);
        if (_reader.Required(map, values, "environments", "medallion.yaml") is { } environmentsNode
            && _reader.Mapping(environmentsNode, "`environments`") is { } environmentsMap)
        {
            foreach (var (keyNode, value) in environmentsMap.Children)
            {
                if (ParseEnvironment(keyNode, value) is { } environment)
                {
                    environments[environment.Name] = environment;
                }
            }
        }

        var defaultEnvironment = "local";
        if (ConfigReader.Optional(values, "default_environment") is { } defaultNode
            && _reader.String(defaultNode, "`default_environment`") is { } named)
        {
            defaultEnvironment = named;
            if (environments.Count > 0 && !environments.ContainsKey(named))
            {
                _reader.Error(defaultNode, $"default_environment `{named}` is not defined; environments are: {string.Join(", ", environments.Keys)}");
            }
        }

        return new MedallionConfig(defaultEnvironment, environments, _reader.At(map));
    }

    private EnvironmentSpec? ParseEnvironment(YamlNode keyNode, YamlNode value)
    {
        if (_reader.String(keyNode, "an environment name") is not { } name)
        {
            return null;
        }

        if (!ConfigNames.IsEnvironment(name))
        {
            _reader.Error(keyNode, $"environment name `{name}` is invalid; expected {ConfigNames.EnvironmentPattern}");
        }

        var what = $"environment `{name}`";
        if (_reader.Mapping(value, what) is not { } map)
        {
            return null;
        }

        var values = _reader.Keys(map, what, "lake_root", "raw_root", "engine", "duckdb", "aws", "maintenance");
        var lakeRoot = Root(map, values, "lake_root", what);
        var rawRoot = Root(map, values, "raw_root", what);
        var engine = ConfigReader.Optional(values, "engine") is { } engineNode
            ? _reader.Choice(engineNode, "`engine`", Engines) ?? EngineKind.DuckDb
            : EngineKind.DuckDb;
        var duckDb = ConfigReader.Optional(values, "duckdb") is { } duckDbNode ? ParseDuckDb(duckDbNode, what) : DuckDbSpec.Default;
        var aws = ConfigReader.Optional(values, "aws") is { } awsNode ? ParseAws(awsNode, what) : null;
        return new EnvironmentSpec(name, lakeRoot ?? "", rawRoot ?? "", engine, duckDb, aws, _reader.At(map)) { Maintenance = ParseMaintenance(values, what) };
    }

    private DuckDbSpec ParseDuckDb(YamlNode node, string environment)
    {
        var what = $"`duckdb` of {environment}";
        if (_reader.Mapping(node, what) is not { } map)
        {
            return DuckDbSpec.Default;
        }

        var values = _reader.Keys(map, what, "memory_limit", "temp_directory", "threads");
        var spec = DuckDbSpec.Default;
        if (ConfigReader.Optional(values, "memory_limit") is { } limitNode && _reader.String(limitNode, "`memory_limit`") is { } limit)
        {
            if (!MemorySize().IsMatch(limit))
            {
                _reader.Error(limitNode, $"`memory_limit` must be a DuckDB size such as 512MB or 2GB, found `{limit}`");
            }

            spec = spec with { MemoryLimit = limit };
        }

        if (ConfigReader.Optional(values, "temp_directory") is { } tempNode && _reader.String(tempNode, "`temp_directory`") is { } temp)
        {
            if (ConfigPaths.LocalFolderProblem(temp, writable: true) is { } problem)
            {
                _reader.Error(tempNode, $"`temp_directory` `{temp}` is not a usable folder: {problem}");
            }

            spec = spec with { TempDirectory = temp };
        }

        if (ConfigReader.Optional(values, "threads") is { } threadsNode && _reader.Long(threadsNode, "`threads`", 1, int.MaxValue) is { } threads)
        {
            spec = spec with { Threads = (int)threads };
        }

        return spec;
    }

    private AwsSpec? ParseAws(YamlNode node, string environment)
    {
        var what = $"`aws` of {environment}";
        if (_reader.Mapping(node, what) is not { } map)
        {
            return null;
        }

        var values = _reader.Keys(
            map, what, "region", "endpoint_url", "artifacts_prefix", "emr_application_id", "job_role_arn", "release_label", "log_uri", "glue_database", "kms_key_arn", "pipeline");
        var region = RequiredString(map, values, "region", what);
        return new AwsSpec(
            region ?? "",
            OptionalString(values, "endpoint_url"),
            OptionalString(values, "artifacts_prefix"),
            OptionalString(values, "emr_application_id"),
            OptionalString(values, "job_role_arn"),
            ReleaseLabel(values),
            OptionalString(values, "log_uri"),
            GlueDatabase(values))
        {
            KmsKeyArn = KmsKeyArn(values),
            Pipeline = ParsePipeline(values, environment),
        };
    }

    /// <summary>Glue database names are lower case letters, digits and underscores (Athena's rule for unquoted names).</summary>
    private string? GlueDatabase(Dictionary<string, YamlNode> values)
    {
        var name = OptionalString(values, "glue_database");
        if (name is not null && !GlueDatabaseName().IsMatch(name))
        {
            _reader.Error(values["glue_database"], $"`glue_database` must match {GlueDatabaseName()}, found `{name}`");
        }

        return name;
    }

    /// <summary>
    /// The release label is the one place the Spark version is chosen: the job bundle carries the
    /// microsoft-spark jar of Spark 3.5, which EMR runs from release 7.0 on (every 7.x is Spark 3.5.x;
    /// the patch level follows the label, see docs/spark.md).
    /// </summary>
    private string? ReleaseLabel(Dictionary<string, YamlNode> values)
    {
        var label = OptionalString(values, "release_label");
        if (label is not null && !SparkReleaseLabel().IsMatch(label))
        {
            _reader.Error(values["release_label"],
                $"`release_label` must be an EMR 7.x release such as `emr-7.2.0` (Spark 3.5, which the job bundle's microsoft-spark-3-5 jar needs), found `{label}`");
        }

        return label;
    }

    /// <summary>A lake or raw root: a local folder, or a URI such as <c>s3://bucket/prefix</c>.</summary>
    private string? Root(YamlMappingNode map, Dictionary<string, YamlNode> values, string key, string what)
    {
        var root = RequiredString(map, values, key, what);
        if (root is not null && ConfigPaths.RootProblem(root) is { } problem)
        {
            _reader.Error(values[key], $"`{key}` `{root}` cannot be opened: {problem}");
        }

        return root;
    }

    private string? RequiredString(YamlMappingNode map, Dictionary<string, YamlNode> values, string key, string what) =>
        _reader.Required(map, values, key, what) is { } node ? _reader.String(node, $"`{key}`") : null;

    private string? OptionalString(Dictionary<string, YamlNode> values, string key) =>
        ConfigReader.Optional(values, key) is { } node ? _reader.String(node, $"`{key}`") : null;

    [GeneratedRegex(@"^emr-7\.\d+\.\d+\z")]
    private static partial Regex SparkReleaseLabel();

    [GeneratedRegex(@"^[a-z0-9_]{1,255}\z")]
    private static partial Regex GlueDatabaseName();

    // DuckDB accepts a number and a unit, with or without a space and an "i" (GiB).
    [GeneratedRegex(@"^\s*\d+(\.\d+)?\s*([KMGT]i?)?B\s*\z", RegexOptions.IgnoreCase)]
    private static partial Regex MemorySize();
}
