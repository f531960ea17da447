using Medallion.Delta;

namespace Medallion.Orchestration.Promotion;

/// <summary>A file's partition as a Hive-style path (<c>year=2024/month=1</c>); <c>""</c> for an unpartitioned table.</summary>
internal static class PartitionPath
{
    /// <summary>What Hive and Spark write for a null partition value.</summary>
    public const string NullValue = "__HIVE_DEFAULT_PARTITION__";

    public static string Of(AddFile file, IReadOnlyList<string> partitionColumns) =>
        string.Join('/', partitionColumns.Select(c => $"{c}={file.PartitionValues.GetValueOrDefault(c) ?? NullValue}"));
}
