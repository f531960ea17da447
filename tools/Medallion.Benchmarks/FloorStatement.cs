namespace Medallion.Benchmarks;

/// <summary>One statement of the floor (<see cref="FloorScript"/>), and which output's rows it returns.</summary>
internal sealed record FloorStatement(string Sql, FloorOutput Output);
