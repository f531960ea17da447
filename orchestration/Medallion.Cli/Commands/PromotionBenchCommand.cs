using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Medallion.Benchmarks;

namespace Medallion.Cli.Commands;

/// <summary><c>medallion bench promotion</c>: the promotion's S3 copy step, concurrent against sequential.</summary>
internal static class PromotionBenchCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Option<int>("--files") { Description = "Data files in the staged run.", DefaultValueFactory = _ => 2000 };
        var fileBytes = new Option<int>("--file-bytes") { Description = "Bytes per data file.", DefaultValueFactory = _ => 16 * 1024 };
        var parallelism = new Option<int?>("--parallelism") { Description = "Copies at once (default: the promoter's CopyParallelism, 16)." };
        var endpoint = new Option<string?>("--endpoint-url") { Description = "An S3 endpoint to use; without it a moto server is started with python3." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var latency = new Option<int>("--latency-ms") { Description = "Make the started moto server wait this long in every request, standing in for the round trip to real S3 that loopback moto lacks (not with --endpoint-url).", DefaultValueFactory = _ => 0 };
        var command = new Command("promotion", "Copy a staged run's files on S3 (moto) with the promoter's S3 store and copy loop, one at a time and then as a promotion does, and report the speed-up.")
        {
            files, fileBytes, parallelism, endpoint, json, latency,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var result = await new PromotionBenchmark(new ConsoleRunReporter(context)).RunAsync(
                parseResult.GetValue(files), parseResult.GetValue(fileBytes), parseResult.GetValue(endpoint), parseResult.GetValue(parallelism),
                TimeSpan.FromMilliseconds(parseResult.GetValue(latency)), cancellationToken);
            if (parseResult.GetValue(json))
            {
                context.Output.WriteLine(JsonSerializer.Serialize(result, BenchCommand.Json));
                return ExitCodes.Success;
            }

            var culture = CultureInfo.InvariantCulture;
            context.Output.WriteLine(string.Create(culture, $"{result.Files:N0} files of {result.FileBytes:N0} bytes on {result.Endpoint}, {result.AddedLatencyMilliseconds:0} ms added per request"));
            context.Output.WriteLine(string.Create(culture, $"sequential: {result.SequentialSeconds:0.00}s ({result.SequentialMillisecondsPerFile:0.00} ms/file)"));
            context.Output.WriteLine(string.Create(culture, $"{result.Parallelism} at a time: {result.ConcurrentSeconds:0.00}s ({result.ConcurrentMillisecondsPerFile:0.00} ms/file)"));
            context.Output.WriteLine(string.Create(culture, $"speed-up: {result.Speedup:0.0}x"));
            return ExitCodes.Success;
        });
        return command;
    }
}
