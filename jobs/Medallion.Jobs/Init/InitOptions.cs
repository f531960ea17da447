using Medallion.Jobs.Config;

namespace Medallion.Jobs.Init;

/// <summary>What <c>medallion init</c> asks for: the sample, and what the YAML it writes should say.</summary>
/// <param name="Dataset">The dataset name (<c>dataset:</c>, and the file name).</param>
/// <param name="Table">The table name.</param>
/// <param name="Files">The sample files, read in this order.</param>
/// <param name="Format">How to read them; JSON covers JSON arrays and newline-delimited JSON.</param>
/// <param name="SourcePath">What <c>source.path</c> says (a glob under the environment's raw_root).</param>
/// <param name="SchemaReference">Where editors find the dataset JSON Schema, relative to the YAML; null writes no reference.</param>
/// <param name="CommandLine">The command as typed, quoted in the header comment.</param>
/// <param name="SampleRows">How many rows to read; 1000 by default.</param>
public sealed record InitOptions(
    string Dataset,
    string Table,
    IReadOnlyList<string> Files,
    SourceFormat Format,
    string SourcePath,
    string? SchemaReference,
    string CommandLine,
    int SampleRows = 1000);
