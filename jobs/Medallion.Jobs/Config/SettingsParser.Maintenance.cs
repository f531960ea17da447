using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config;

/// <summary>The <c>maintenance</c> block of an environment: automatic OPTIMIZE after each promotion.</summary>
internal sealed partial class SettingsParser
{
    private MaintenanceSpec ParseMaintenance(Dictionary<string, YamlNode> environment, string what)
    {
        var block = $"`maintenance` of {what}";
        if (ConfigReader.Optional(environment, "maintenance") is not { } node || _reader.Mapping(node, block) is not { } map)
        {
            return MaintenanceSpec.Off;
        }

        var values = _reader.Keys(map, block, "optimize_small_files", "target_file_size");
        var spec = MaintenanceSpec.Off;
        // Two small files is the least a compaction can merge; "more than 1" would compact after every append.
        if (ConfigReader.Optional(values, "optimize_small_files") is { } countNode && _reader.Long(countNode, "`optimize_small_files`", 1, 1_000_000) is { } count)
        {
            spec = spec with { OptimizeSmallFiles = (int)count };
        }

        if (ConfigReader.Optional(values, "target_file_size") is { } sizeNode && _reader.String(sizeNode, "`target_file_size`") is { } text)
        {
            if (MaintenanceSpec.ParseFileSize(text) is { } size)
            {
                spec = spec with { TargetFileSize = size };
            }
            else
            {
                _reader.Error(sizeNode, $"`target_file_size` must be a size from 1KB to 1TB such as 64MB or 1GB, found `{text}`");
            }
        }

        return spec;
    }
}
