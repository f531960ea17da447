using Medallion.Samples;

namespace Medallion.Benchmarks;

/// <summary>
/// A scratch folder for the engine benchmark: generated mortgage-transaction input under
/// <c>raw/</c>, a <c>conf/</c> that reads it (the committed sample's rules, one table per format),
/// and the outputs of each repetition. Deletes itself, gigabytes of input included.
/// </summary>
internal sealed class BenchmarkWorkspace : IDisposable
{
    public const string Dataset = SampleGenerator.MortgageTransactions;
    public const string Environment = "bench";

    public BenchmarkWorkspace(string? parent)
    {
        Root = Path.Combine(Path.GetFullPath(parent ?? Path.GetTempPath()), $"medallion-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(RawDirectory);
    }

    public string Root { get; }

    public string RawDirectory => Path.Combine(Root, "raw");

    public string ConfDirectory => Path.Combine(Root, "conf");

    public string TempDirectory => Path.Combine(Root, "tmp");

    public string InputDirectory => Path.Combine(RawDirectory, Dataset);

    /// <summary>A folder for one repetition's output, its parent created (removed by <see cref="Clear"/>).</summary>
    public string Output(string name) => Path.Combine(Directory.CreateDirectory(Path.Combine(Root, "out")).FullName, name);

    /// <summary>Writes about <paramref name="bytes"/> of input per <paramref name="format"/>; returns what was written per file.</summary>
    public IReadOnlyList<SampleTableResult> Generate(long bytes, BenchmarkFormat format, string memoryLimit, CancellationToken cancellationToken)
    {
        var formats = format switch
        {
            BenchmarkFormat.Csv => new[] { SampleFormat.Default },
            BenchmarkFormat.Ndjson => [SampleFormat.Ndjson],
            _ => [SampleFormat.Default, SampleFormat.Ndjson],
        };
        var tables = new List<SampleTableResult>();
        foreach (var sampleFormat in formats)
        {
            var rows = Math.Max(1, (long)(bytes / formats.Length / BytesPerRow(sampleFormat, cancellationToken)));
            tables.Add(SampleGenerator.Generate(Dataset, rows, InputDirectory, format: sampleFormat, cancellationToken: cancellationToken).Tables[0]);
        }

        BenchmarkConfiguration.Write(ConfDirectory, RawDirectory, Output("lake"), TempDirectory, formats, memoryLimit);
        return tables;
    }

    public void Clear(string name)
    {
        var path = Output(name);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Leave a scratch folder behind rather than hide the benchmark's own result or error.
        }
    }

    /// <summary>The average record size of a format, from a small probe of the same generator.</summary>
    private double BytesPerRow(SampleFormat format, CancellationToken cancellationToken)
    {
        const int probeRows = 20_000;
        var probe = Path.Combine(Root, "probe");
        var written = SampleGenerator.Generate(Dataset, probeRows, probe, format: format, cancellationToken: cancellationToken);
        Directory.Delete(probe, recursive: true);
        return (double)written.TotalBytes / probeRows;
    }
}
