using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Medallion.Benchmarks;

namespace Medallion.Cli.Commands;

/// <summary>
/// <c>medallion bench</c>: Medallion's bronze + silver run against a bare DuckDB <c>COPY</c> of the
/// same generated input; <c>medallion bench promotion</c>: concurrent against sequential S3 copies.
/// </summary>
internal static class BenchCommand
{
    public static JsonSerializerOptions Json { get; } = new() { PropertyNamingPolicy = new BenchJsonNaming(), WriteIndented = true };

    public static Command Create(CliContext context)
    {
        var size = new Option<string>("--size") { Description = "Input to generate across the formats, e.g. 1GB, 20MB.", DefaultValueFactory = _ => "1GB" };
        var reps = new Option<int>("--reps") { Description = "Alternating repetitions of (bare DuckDB, floor, Medallion) runs; ratios are medians.", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the table." };
        var format = new Option<BenchmarkFormat>("--format") { Description = "both (half CSV, half NDJSON), csv, ndjson or parquet (the CSV copied to a typed Parquet file).", DefaultValueFactory = _ => BenchmarkFormat.Both };
        var memoryLimit = new Option<string>("--memory-limit") { Description = "DuckDB memory_limit for both sides (spills to a temp folder beyond it).", DefaultValueFactory = _ => "2GB" };
        var workDirectory = new Option<string?>("--work-dir") { Description = "Where the scratch input and output go (default: the system temp folder); deleted afterwards." };

        var command = new Command("bench", "Measure Medallion's bronze + silver run against a bare DuckDB COPY of the same generated input.")
        {
            size, reps, json, format, memoryLimit, workDirectory, PromotionBenchCommand.Create(context), HistoryBenchCommand.Create(context),
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var asJson = parseResult.GetValue(json);
            var options = new EngineBenchmarkOptions(
                ByteSize.Parse(parseResult.GetValue(size)!), parseResult.GetValue(reps), parseResult.GetValue(format),
                parseResult.GetValue(memoryLimit)!, parseResult.GetValue(workDirectory));
            var result = await new EngineBenchmark(context.Clock, new ConsoleRunReporter(context)).RunAsync(options, cancellationToken);
            if (asJson)
            {
                context.Output.WriteLine(JsonSerializer.Serialize(result, Json));
            }
            else
            {
                Print(context.Output, result);
            }

            return result.CountsMatch ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    private static void Print(TextWriter output, EngineBenchmarkResult result)
    {
        var culture = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(culture, $"input: {ByteSize.Format(result.InputBytes)} ({result.Format}), {result.Rows:N0} records; DuckDB {result.DuckDbVersion}, {result.ProcessorCount} cores, memory_limit {result.MemoryLimit}"));
        output.WriteLine(string.Create(culture, $"{"",-28}{"rows/s",14}{"MB/s",10}"));
        output.WriteLine(string.Create(culture, $"{"bare DuckDB COPY",-28}{result.DuckDbRowsPerSecond,14:N0}{result.DuckDbMegabytesPerSecond,10:0.0}"));
        output.WriteLine(string.Create(culture, $"{"floor (same files, no Delta)",-28}{result.FloorRowsPerSecond,14:N0}"));
        output.WriteLine(string.Create(culture, $"{"medallion bronze + silver",-28}{result.MedallionRowsPerSecond,14:N0}{result.MedallionMegabytesPerSecond,10:0.0}"));
        output.WriteLine(string.Create(culture, $"{"  of which the silver run",-28}{result.SilverRowsPerSecond,14:N0}"));
        output.WriteLine(string.Create(culture, $"ratio (median of {result.Pairs.Count} pairs): {result.Ratio:0.000} end to end, floor_ratio {result.FloorRatio:0.000}, {result.SilverRatio:0.000} for the silver run alone"));
        output.WriteLine(string.Create(culture, $"silver run vs a bare partitioned COPY of the same rows from bronze: {result.SilverCopyRatio:0.000}"));
        output.WriteLine(string.Create(culture, $"peak RSS: {ByteSize.Format(result.PeakRssBytes)}"));
        output.WriteLine(string.Create(culture,
            $"counts: silver {result.SilverRows:N0} (expected {result.ExpectedSilverRows:N0}, floor {result.FloorSilverRows:N0}), quarantined {result.QuarantinedRows:N0} (expected {result.ExpectedQuarantinedRows:N0}, floor {result.FloorQuarantinedRows:N0}), " +
            $"bare COPY wrote {result.DuckDbRowsWritten:N0}, bare silver COPY wrote {result.SilverCopyRowsWritten:N0}"));
    }

    /// <summary>snake_case, with DuckDB spelled as one word (<c>duckdb_rows_per_second</c>).</summary>
    private sealed class BenchJsonNaming : JsonNamingPolicy
    {
        public override string ConvertName(string name) =>
            SnakeCaseLower.ConvertName(name).Replace("duck_db", "duckdb", StringComparison.Ordinal);
    }
}
