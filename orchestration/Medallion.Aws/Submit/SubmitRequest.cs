namespace Medallion.Aws.Submit;

/// <summary>What <c>medallion submit</c> was asked to do.</summary>
/// <param name="Table">One table, or null for every table of the dataset.</param>
/// <param name="RunKey">A given key (checked), or null to generate one.</param>
/// <param name="Bundle">The zip <c>medallion package</c> wrote.</param>
/// <param name="ConfDirectory">The conf folder, uploaded beside the bundle for the record.</param>
/// <param name="Wait">Wait for bronze, then run silver and validate and promote; without it only bronze is started.</param>
public sealed record SubmitRequest(string Dataset, string? Table, string? Environment, string? RunKey, string Bundle, string ConfDirectory, bool Wait);
