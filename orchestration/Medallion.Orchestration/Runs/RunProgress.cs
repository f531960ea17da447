using System.Globalization;

namespace Medallion.Orchestration.Runs;

/// <summary>
/// Where one table's run is: the step it is in, how many of its raw files are staged, and once the
/// step is done how many rows it read. A terminal redraws a line per table from these; a log
/// writes the start and the end of each step as a line (<see cref="Describe"/>).
/// </summary>
/// <param name="Table"><c>dataset.table</c>.</param>
/// <param name="Step">The layer being written: <c>bronze</c> or <c>silver</c>.</param>
/// <param name="Files">The raw files the step reads, or null when it reads a table (silver reads bronze).</param>
/// <param name="FilesStaged">How many of <paramref name="Files"/> are local so far (a local raw root is read in place).</param>
/// <param name="RowsRead">Rows the step read, once <paramref name="Done"/>.</param>
/// <param name="Done">True when the step has committed.</param>
public sealed record RunProgress(string Table, string Step, int? Files = null, int? FilesStaged = null, long? RowsRead = null, bool Done = false)
{
    /// <summary>True for the events a log keeps: a step's start and its end, not each staged file.</summary>
    public bool IsMilestone => Done || FilesStaged is null or 0;

    /// <summary>One plain line: <c>sales.orders: bronze ← 3 raw file(s)</c>, <c>sales.orders: bronze done, 1,500 row(s) read</c>.</summary>
    public string Describe() => Done
        ? string.Create(CultureInfo.InvariantCulture, $"{Table}: {Step} done, {RowsRead ?? 0:N0} row(s) read")
        : Files is { } files
            ? $"{Table}: {Step} ← {files} raw file(s)"
            : $"{Table}: {Step}";
}
