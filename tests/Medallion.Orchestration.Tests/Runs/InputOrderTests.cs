using System.Text;
using Medallion.Testing;

namespace Medallion.Orchestration.Tests.Runs;

/// <summary>
/// The engine runs DuckDB without insertion order except while it numbers raw records. These tests
/// read several files of 40,000 lines, which DuckDB reads in parallel: without insertion order
/// kept while loading, their rows get numbers out of file order (measured on this 2-core machine).
/// </summary>
public sealed class InputOrderTests : IDisposable
{
    private const int Files = 8;
    private const int LinesPerFile = 40_000;
    private readonly TestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public async Task RunAsync_KeyRepeatedAcrossFilesReadInParallel_KeepsTheFirstInFileOrder()
    {
        _lake.WriteDataset("events", """
            dataset: events
            tables:
              - name: events
                source: { path: events/*.csv, format: csv }
                columns:
                  - { name: id, type: string }
                  - { name: payload, type: string }
                rules:
                  - unique: { columns: [id] }
            """);
        for (var file = 0; file < Files; file++)
        {
            var csv = new StringBuilder("id,payload\n");
            for (var line = 1; line <= LinesPerFile; line++)
            {
                // The key "dup" appears in the first file, in the middle one and in the last one.
                var dup = (file, line) is (0, 5) or (Files / 2, 20_000) or (Files - 1, LinesPerFile - 1);
                csv.Append(dup ? "dup" : $"e{file}_{line}").Append(',').Append(Number(file, line)).Append('\n');
            }

            _lake.WriteRaw($"events/part-{file}.csv", csv.ToString());
        }

        var outcome = await SingleTableRun.RunAsync(_lake, "events");

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal((Files * LinesPerFile) - 2, outcome.Silver!.RowsWritten);
        Assert.Equal([[Number(0, 5)]], _lake.Query("silver/events/events/schema_v=1/runs/run_key=k1", "SELECT payload FROM t WHERE id = 'dup'"));
        // Record numbers count data lines across the files in name order: each later copy's number is its payload.
        Assert.Equal(
            [[Number(Files / 2, 20_000), Number(Files / 2, 20_000)], [Number(Files - 1, LinesPerFile - 1), Number(Files - 1, LinesPerFile - 1)]],
            _lake.Query("quarantine/events/events/schema_v=1", "SELECT payload, CAST(_record_number AS VARCHAR) FROM t ORDER BY _record_number"));
    }

    private static string Number(int file, int line) => ((file * LinesPerFile) + line).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
