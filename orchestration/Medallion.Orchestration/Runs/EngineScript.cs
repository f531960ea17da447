namespace Medallion.Orchestration.Runs;

/// <summary>What an engine executes for one table, layer by layer, as <c>medallion plan</c> prints it.</summary>
/// <param name="Bronze">SQL statements, and comments naming work done outside SQL (a Delta commit).</param>
/// <param name="Silver">The same for silver.</param>
public sealed record EngineScript(IReadOnlyList<string> Bronze, IReadOnlyList<string> Silver);
