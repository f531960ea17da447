namespace Medallion.Samples;

/// <summary>The validated arguments of one generation.</summary>
internal sealed record SampleRequest(long Rows, string OutputDirectory, double BadShare, ulong Seed, SampleFormat Format);
