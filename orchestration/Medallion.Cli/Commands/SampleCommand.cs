using System.CommandLine;
using System.Globalization;
using Medallion.Samples;

namespace Medallion.Cli.Commands;

/// <summary>
/// <c>medallion sample generate</c>: deterministic sample input of any size. <c>--out DIR</c> names a raw
/// root, as <c>raw_root</c> and <c>run --input</c> do: the files go into <c>DIR/&lt;dataset&gt;/</c>, so
/// <c>medallion run &lt;dataset&gt; --input DIR</c> reads exactly what was generated.
/// </summary>
internal static class SampleCommand
{
    public static Command Create(CliContext context)
    {
        var dataset = new Argument<string>("dataset") { Description = $"The sample dataset: {string.Join(", ", SampleGenerator.Datasets)}." };
        var rows = new Option<long>("--rows", "-n") { Description = "Records in the main table (transactions, posts), bad ones included.", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "A raw root to write into: files go to DIR/<dataset>/, what `run <dataset> --input DIR` reads (created when missing).", Required = true };
        var badShare = new Option<double>("--bad-share") { Description = "Share of records that are bad, 0..1.", DefaultValueFactory = _ => 0.01 };
        var seed = new Option<ulong>("--seed") { Description = "Random seed; the same arguments always give the same bytes.", DefaultValueFactory = _ => 42UL };
        var format = new Option<SampleFormat>("--format") { Description = "default (CSV or JSON arrays) or ndjson (mortgage_transactions only).", DefaultValueFactory = _ => SampleFormat.Default };

        var generate = new Command("generate", "Write a deterministic sample dataset with a known number of each kind of bad record, and _expected.json with the counts a correct run reports.")
        {
            dataset, rows, output, badShare, seed, format,
        };
        generate.SetAction((parseResult, cancellationToken) =>
        {
            var name = parseResult.GetValue(dataset)!;
            if (!SampleGenerator.Datasets.Contains(name))
            {
                throw new ArgumentException($"Unknown sample dataset '{name}'; the generator knows {string.Join(", ", SampleGenerator.Datasets)}.");
            }

            var folder = Path.GetFullPath(Path.Combine(parseResult.GetValue(output)!, name));
            var result = SampleGenerator.Generate(
                name, parseResult.GetValue(rows), folder,
                parseResult.GetValue(badShare), parseResult.GetValue(seed), parseResult.GetValue(format), cancellationToken);
            foreach (var table in result.Tables)
            {
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{table.FileName}: {table.RowsRead:N0} records, {table.Bytes:N0} bytes, bad: {string.Join(", ", table.BadRowsWritten.Where(b => b.Value > 0).Select(b => $"{b.Key} {b.Value}"))}"));
            }

            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {result.TotalRows:N0} records ({result.TotalBytes:N0} bytes) to {folder}; expected counts in _expected.json. Run them with: medallion run {name} --input {parseResult.GetValue(output)}"));
            return Task.FromResult(ExitCodes.Success);
        });

        return new Command("sample", "Sample data for trying Medallion out, tests and benchmarks.") { generate };
    }
}
