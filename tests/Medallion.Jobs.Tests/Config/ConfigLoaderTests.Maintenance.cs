using Medallion.Jobs.Config;

namespace Medallion.Jobs.Tests.Config;

public sealed partial class ConfigLoaderTests
{
    /// <summary>Errors of an environment's <c>maintenance</c> block, each at its position.</summary>
    public static TheoryData<string, string, int, int, string[]> MaintenanceErrors => new()
    {
        { "ZeroSmallFiles_NamesTheRange", WithMaintenance("{ optimize_small_files: 0 }"), 5, 42, ["`optimize_small_files` must be a whole number between 1 and 1000000, found `0`"] },
        { "UnreadableTargetSize_NamesTheForm", WithMaintenance("{ target_file_size: huge }"), 5, 38, ["`target_file_size` must be a size from 1KB to 1TB such as 64MB or 1GB, found `huge`"] },
        { "TargetSizeBelowAKilobyte_IsRefused", WithMaintenance("{ target_file_size: 10B }"), 5, 38, ["`target_file_size` must be a size from 1KB to 1TB", "found `10B`"] },
        { "UnknownKey_IsNamed", WithMaintenance("{ optimize: 3 }"), 5, 20, ["optimize"] },
    };

    [Theory]
    [MemberData(nameof(MaintenanceErrors))]
    public void LoadSettings_BadMaintenance_ReportsOneErrorAtItsPosition(string scenario, string yaml, int line, int column, string[] fragments)
    {
        _ = scenario;

        var errors = _files.SettingsErrors(yaml);

        ErrorAssert.Single(errors, line, column, fragments);
    }

    [Fact]
    public void LoadSettings_Maintenance_ReadsTheThresholdAndTargetSize()
    {
        var sut = ConfigLoader.LoadSettings(_files.WriteSettings(WithMaintenance("{ optimize_small_files: 16, target_file_size: 64MB }")));

        Assert.Equal(new MaintenanceSpec(16, 64L * 1024 * 1024), sut.Environments["local"].Maintenance);
    }

    [Fact]
    public void LoadSettings_NoMaintenance_IsOff()
    {
        var sut = ConfigLoader.LoadSettings(_files.WriteSettings("environments:\n  local: { lake_root: ./lake, raw_root: ./raw }\n"));

        Assert.Null(sut.Environments["local"].Maintenance.OptimizeSmallFiles);
    }

    private static string WithMaintenance(string block) => $$"""
        environments:
          local:
            lake_root: ./lake
            raw_root: ./raw
            maintenance: {{block}}
        """;
}
