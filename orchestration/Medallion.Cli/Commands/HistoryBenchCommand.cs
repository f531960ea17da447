using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Medallion.Benchmarks;
using Medallion.Delta.Storage;

namespace Medallion.Cli.Commands;

/// <summary><c>medallion bench history</c>: how a run's time and requests grow with the age of its tables.</summary>
internal static class HistoryBenchCommand
{
    public static Command Create(CliContext context)
    {
        var runs = new Option<int>("--runs") { Description = "Runs of the sample into one lake; runs 1, N/3 and N are reported.", DefaultValueFactory = _ => 100 };
        var latency = new Option<int>("--latency-ms") { Description = "A wait per object-store request, standing in for the round trip to real S3 (inside moto with --s3, in the store otherwise).", DefaultValueFactory = _ => 0 };
        var s3 = new Option<bool>("--s3") { Description = "Put the lake on S3 in a moto server started with python3, instead of a local folder." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var workDirectory = new Option<string?>("--work-dir") { Description = "Where the scratch input and lake go (default: the system temp folder); deleted afterwards." };
        var command = new Command("history", "Run the sample N times into one lake and report, at runs 1, N/3 and N, each run's time and object-store requests (list/get/put/head, commit files read) and those of listing the runs.")
        {
            runs, latency, s3, json, workDirectory,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var result = await new HistoryBenchmark(context.Clock, new ConsoleRunReporter(context)).RunAsync(
                parseResult.GetValue(runs), TimeSpan.FromMilliseconds(parseResult.GetValue(latency)), parseResult.GetValue(s3), parseResult.GetValue(workDirectory), cancellationToken);
            if (parseResult.GetValue(json))
            {
                context.Output.WriteLine(JsonSerializer.Serialize(result, BenchCommand.Json));
                return ExitCodes.Success;
            }

            var culture = CultureInfo.InvariantCulture;
            context.Output.WriteLine(string.Create(culture, $"{result.Runs} runs on {result.Store}, {result.AddedLatencyMilliseconds:0} ms added per request; counted: {result.Counted}"));
            context.Output.WriteLine(string.Create(culture, $"{"run",6}{"seconds",9}{"requests",10}{"list",6}{"get",6}{"put",6}{"copy",6}{"delete",7}{"head",6}{"commits",9}  {"runs listing",-20}"));
            foreach (var sample in result.Samples)
            {
                var r = sample.Requests;
                context.Output.WriteLine(string.Create(culture,
                    $"{sample.Run,6}{sample.Seconds,9:0.00}{r.Total,10}{r.List,6}{r.Get,6}{r.Put,6}{r.Copy,6}{r.Delete,7}{r.Head,6}{r.CommitFilesRead,9}  {sample.RunsListingSeconds:0.00}s, {Describe(sample.RunsListingRequests)}"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string Describe(ObjectStoreRequestCounts counts) =>
        string.Create(CultureInfo.InvariantCulture, $"{counts.Total} requests ({counts.List} list, {counts.Get} get)");
}
