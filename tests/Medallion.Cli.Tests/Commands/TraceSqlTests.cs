using Medallion.Testing;

namespace Medallion.Cli.Tests.Commands;

/// <summary><c>MEDALLION_TRACE_SQL=1</c> prints each DuckDB statement with its wall-clock time on stderr, and nothing without it.</summary>
public sealed class TraceSqlTests : IDisposable
{
    private readonly TestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Theory]
    [InlineData("1", true)]
    [InlineData("", false)]
    public async Task Run_TraceVariable_PrintsStatementTimingsOnlyWhenSet(string value, bool traced)
    {
        SalesDataset.WriteTo(_lake);
        SalesDataset.WriteRaw(_lake, "a,1.00,2024-01-05");

        var (exitCode, output, error) = await MedallionProcess.RunAsync(
            new Dictionary<string, string> { ["MEDALLION_TRACE_SQL"] = value }, "run", "sales", "--run-key", "r1", "--no-promote", "--conf", _lake.ConfDirectory);

        Assert.True(exitCode == 0, error);
        Assert.Equal(traced, error.Split('\n').Any(l => l.StartsWith("[duckdb ", StringComparison.Ordinal) && l.Contains("s] COPY (", StringComparison.Ordinal)));
        Assert.DoesNotContain("[duckdb ", output, StringComparison.Ordinal);
    }
}
