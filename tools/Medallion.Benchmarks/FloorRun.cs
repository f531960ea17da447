using Medallion.Jobs.Config;
using Medallion.Jobs.Engine.DuckDb;

namespace Medallion.Benchmarks;

/// <summary>Runs the floor (<see cref="FloorScript"/>) for every table, one DuckDB session each, as Medallion opens one per table.</summary>
internal static class FloorRun
{
    public static FloorCounts Run(IReadOnlyList<BenchmarkTable> tables, DuckDbSpec settings, string inputDirectory, string outputDirectory, string runKey, CancellationToken cancellationToken)
    {
        var counts = default(FloorCounts);
        foreach (var table in tables)
        {
            var output = Directory.CreateDirectory(Path.Combine(outputDirectory, table.Name)).FullName;
            using var session = new DuckDbSession(settings, new DuckDbSandbox([inputDirectory, output], []));
            foreach (var statement in FloorScript.For(table.Source, table.Glob, output, runKey))
            {
                var rows = session.Execute(statement.Sql, cancellationToken);
                counts += statement.Output switch
                {
                    FloorOutput.Silver => new FloorCounts(rows, 0),
                    FloorOutput.Quarantine => new FloorCounts(0, rows),
                    _ => default,
                };
            }
        }

        return counts;
    }
}
