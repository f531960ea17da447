namespace Medallion.Jobs.Config;

/// <summary>One <c>conf/datasets/&lt;dataset&gt;.yaml</c>: a source system with its tables.</summary>
/// <param name="Name">The dataset name; <c>^[a-z][a-z0-9_]{0,62}$</c>, and the file is named after it.</param>
/// <param name="Description">Free text shown in listings; null when not given.</param>
/// <param name="Schedule">An EventBridge Scheduler expression such as <c>cron(0 3 * * ? *)</c>, or null.</param>
/// <param name="Tables">The tables, in file order; at least one.</param>
/// <param name="Location">Where the dataset was written.</param>
/// <param name="Trigger">What event starts a run in a deployed environment; <see cref="DatasetTrigger.None"/> by default.</param>
public sealed record DatasetSpec(
    string Name,
    string? Description,
    string? Schedule,
    IReadOnlyList<TableSpec> Tables,
    SourceLocation Location,
    DatasetTrigger Trigger = DatasetTrigger.None)
{
    /// <summary>The table called <paramref name="name"/>, or <see langword="null"/>.</summary>
    public TableSpec? FindTable(string name) => Tables.FirstOrDefault(t => t.Name == name);
}
