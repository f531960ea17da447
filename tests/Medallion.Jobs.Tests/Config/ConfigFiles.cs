using Medallion.Jobs.Config;
using Medallion.Testing;

namespace Medallion.Jobs.Tests.Config;

/// <summary>Writes inline YAML fixtures into a temp conf folder and collects what the loader reports.</summary>
internal sealed class ConfigFiles : IDisposable
{
    private readonly TempDirectory _directory = new("medallion-config");

    public string Conf => _directory.Path;

    public string WriteSettings(string yaml) => Write(ConfigLoader.SettingsFileName, yaml);

    public string WriteDataset(string name, string yaml) => Write(Path.Combine(ConfigLoader.DatasetsFolderName, $"{name}.yaml"), yaml);

    /// <summary>The errors <see cref="ConfigLoader.LoadDataset"/> reports for <paramref name="yaml"/>; fails when it loads.</summary>
    public IReadOnlyList<ConfigError> DatasetErrors(string yaml, string name = "orders")
    {
        var path = WriteDataset(name, yaml);
        return Assert.Throws<ConfigurationException>(() => ConfigLoader.LoadDataset(path)).Errors;
    }

    /// <summary>The errors <see cref="ConfigLoader.LoadSettings"/> reports for <paramref name="yaml"/>; fails when it loads.</summary>
    public IReadOnlyList<ConfigError> SettingsErrors(string yaml)
    {
        var path = WriteSettings(yaml);
        return Assert.Throws<ConfigurationException>(() => ConfigLoader.LoadSettings(path)).Errors;
    }

    public void Dispose() => _directory.Dispose();

    private string Write(string relative, string yaml)
    {
        var path = Path.Combine(_directory.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml);
        return path;
    }
}
