using Medallion.Jobs.Config;

namespace Medallion.Jobs.Init;

/// <summary>One column of the YAML <c>init</c> writes, with what the sample showed.</summary>
internal sealed record InferredColumn(string Name, string Field, ColumnType Type, string? Note, ColumnStatistics Statistics, string? Format = null);
