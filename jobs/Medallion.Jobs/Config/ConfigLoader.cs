using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Config;

/// <summary>
/// Reads a conf folder (<c>medallion.yaml</c> and <c>datasets/*.yaml</c>, see docs/configuration.md)
/// into immutable models, reporting every problem of every file at once.
/// </summary>
public static class ConfigLoader
{
    public const string SettingsFileName = "medallion.yaml";
    public const string DatasetsFolderName = "datasets";

    /// <summary>Loads <c>medallion.yaml</c> and every <c>datasets/*.yaml</c> (ordered by file name).</summary>
    /// <remarks>
    /// Throws <see cref="ConfigurationException"/> listing every error across all files, including a
    /// missing <paramref name="confDirectory"/> or <c>medallion.yaml</c>.
    /// </remarks>
    public static MedallionConfiguration Load(string confDirectory)
    {
        ArgumentNullException.ThrowIfNull(confDirectory);
        if (!Directory.Exists(confDirectory))
        {
            throw Failure(confDirectory, $"the conf folder does not exist; expected a folder with {SettingsFileName} and {DatasetsFolderName}/*.yaml");
        }

        var errors = new List<ConfigError>();
        using var fragments = new SqlFragmentChecker();
        var settingsPath = Path.Combine(confDirectory, SettingsFileName);
        var settings = File.Exists(settingsPath)
            ? ReadSettings(settingsPath, errors, fragments)
            : Missing<MedallionConfig>(settingsPath, $"{SettingsFileName} is missing; every conf folder needs one (see docs/configuration.md)", errors);

        var datasets = new List<DatasetSpec>();
        var datasetsFolder = Path.Combine(confDirectory, DatasetsFolderName);
        if (Directory.Exists(datasetsFolder))
        {
            foreach (var path in Directory.GetFiles(datasetsFolder).Order(StringComparer.Ordinal))
            {
                if (!IsDatasetFile(path, errors))
                {
                    continue;
                }

                if (ReadDataset(path, errors, fragments, SparkMayRun(settings)) is { } dataset)
                {
                    datasets.Add(dataset);
                }
            }
        }

        if (errors.Count > 0 || settings is null)
        {
            throw new ConfigurationException(errors);
        }

        return new MedallionConfiguration(settings, datasets);
    }

    /// <summary>Loads one <c>datasets/&lt;dataset&gt;.yaml</c>.</summary>
    /// <remarks>Throws <see cref="ConfigurationException"/> listing every error in the file, or when it does not exist.</remarks>
    public static DatasetSpec LoadDataset(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var errors = new List<ConfigError>();
        using var fragments = new SqlFragmentChecker();
        var dataset = File.Exists(path) ? ReadDataset(path, errors, fragments) : Missing<DatasetSpec>(path, "the dataset file does not exist", errors);
        return errors.Count == 0 && dataset is not null ? dataset : throw new ConfigurationException(errors);
    }

    /// <summary>Loads one <c>medallion.yaml</c>.</summary>
    /// <remarks>Throws <see cref="ConfigurationException"/> listing every error in the file, or when it does not exist.</remarks>
    public static MedallionConfig LoadSettings(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var errors = new List<ConfigError>();
        using var fragments = new SqlFragmentChecker();
        var settings = File.Exists(path) ? ReadSettings(path, errors, fragments) : Missing<MedallionConfig>(path, $"{SettingsFileName} does not exist", errors);
        return errors.Count == 0 && settings is not null ? settings : throw new ConfigurationException(errors);
    }

    /// <summary>
    /// Dataset files end in <c>.yaml</c>. A <c>.yml</c> (or <c>.YAML</c>) file beside them is reported,
    /// not read: reading it would make two spellings of one name possible, and ignoring it silently
    /// hides a whole dataset. Other files (a README, an editor's backup) are not configuration.
    /// </summary>
    private static bool IsDatasetFile(string path, List<ConfigError> errors)
    {
        var extension = Path.GetExtension(path);
        if (extension == ".yaml")
        {
            return true;
        }

        if (string.Equals(extension, ".yml", StringComparison.OrdinalIgnoreCase) || string.Equals(extension, ".yaml", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new ConfigError(
                new SourceLocation(path, 1, 1),
                $"dataset files must end in `.yaml`; rename {Path.GetFileName(path)} to {Path.GetFileNameWithoutExtension(path)}.yaml (it is not read as it is)"));
        }

        return false;
    }

    private static MedallionConfig? ReadSettings(string path, List<ConfigError> errors, SqlFragmentChecker fragments)
    {
        var reader = new ConfigReader(path, errors, fragments);
        return reader.ParseFile() is { } root && new SettingsParser(reader).Parse(root) is { } settings
            ? ProjectRoot.Resolve(settings, path)
            : null;
    }

    /// <param name="sparkMayRun">Whether an environment runs on Spark, so SQL fragments must be portable (see <see cref="PortableFunctions"/>).</param>
    private static DatasetSpec? ReadDataset(string path, List<ConfigError> errors, SqlFragmentChecker fragments, bool sparkMayRun = false)
    {
        var reader = new ConfigReader(path, errors, fragments) { SparkMayRun = sparkMayRun };
        return reader.ParseFile() is { } root ? new DatasetParser(reader).Parse(root) : null;
    }

    /// <summary>
    /// A dataset may run in any environment of its conf folder, so one environment with
    /// <c>engine: spark</c> makes every fragment keep to what Spark has. (<c>--engine spark</c> on a
    /// conf whose environments are all <c>duckdb</c> is not known here; docs/configuration.md says so.)
    /// </summary>
    private static bool SparkMayRun(MedallionConfig? settings) =>
        settings?.Environments.Values.Any(e => e.Engine == EngineKind.Spark) ?? false;

    // A file that is not there has no position; 1:1 keeps the file:line:column form tools link.
    private static T? Missing<T>(string path, string message, List<ConfigError> errors)
        where T : class
    {
        errors.Add(new ConfigError(new SourceLocation(path, 1, 1), message));
        return null;
    }

    private static ConfigurationException Failure(string path, string message) =>
        new([new ConfigError(new SourceLocation(path, 1, 1), message)]);
}
