namespace Medallion.Jobs.Sql;

/// <summary>A boolean column a transform step adds: its name, what it means and its SQL.</summary>
internal sealed record StepFlag(string Column, RowFlag Kind, string Sql);
