using System.Text.RegularExpressions;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine.DuckDb;

namespace Medallion.Jobs.Init;

/// <summary>
/// <c>medallion init</c>'s inference: samples rows of raw files in DuckDB and drafts the dataset
/// YAML that reads them (columns with types and source fields, a suggested primary key, commented
/// <c>not_null</c> rules). Rows stay in DuckDB; only per-column statistics come back.
/// </summary>
public static class DatasetInit
{
    // ConfigNames' pattern, anchored with \z so a trailing newline does not pass.
    private static readonly Regex Name = new(ConfigNames.DatasetOrTablePattern.Replace("$", "\\z", StringComparison.Ordinal), RegexOptions.CultureInvariant);

    /// <summary>The pattern dataset and table names match, for messages.</summary>
    public static string NamePattern => ConfigNames.DatasetOrTablePattern;

    /// <summary>True when <paramref name="name"/> is a valid dataset or table name.</summary>
    public static bool IsValidName(string name) => Name.IsMatch(name);

    /// <summary>Reads the sample and returns the YAML text; writes nothing.</summary>
    /// <remarks>
    /// Throws <see cref="MedallionException"/> when the sample holds no field to declare, and
    /// <see cref="DuckDbEngineException"/> when DuckDB cannot read the files.
    /// </remarks>
    public static InitDraft Draft(InitOptions options, DuckDbSpec engine, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(engine);
        if (options.Files.Count == 0)
        {
            throw new ArgumentException("at least one sample file is needed", nameof(options));
        }

        // The sample files and nothing else: init reads what the user names and writes only through the caller.
        using var session = new DuckDbSession(engine, new DuckDbSandbox([], [.. options.Files.Select(Path.GetFullPath)]));
        var sample = SampleTable.Load(session, options.Files, options.Format, options.SampleRows, cancellationToken);
        if (sample.Fields.Count == 0)
        {
            throw new MedallionException($"{options.Files[0]}: the sample has no field to declare (no header, no JSON object keys, no Parquet columns)");
        }

        var names = ColumnNames.For(sample.Fields.Select(f => f.Field).ToList());
        var columns = sample.Fields.Select((field, i) =>
        {
            var statistics = TextTypeInference.Measure(session, field.Column, cancellationToken);
            var (type, note, format) = field.StoredType is { } stored ? (stored, field.Note, null) : TextTypeInference.Choose(statistics);
            return new InferredColumn(names[i], field.Field, type, note, statistics, format);
        }).ToList();
        var primaryKey = PrimaryKey(columns);
        return new InitDraft(DatasetYaml.Render(options, sample, columns, primaryKey), sample.Rows, columns.Count, primaryKey);
    }

    /// <summary>
    /// A column unique and never null in the sample, of a type keys have; <c>id</c> first, then
    /// names ending in <c>id</c>, then the first whole-number column (a unique text column in a
    /// sample is as likely a description as a key).
    /// </summary>
    private static string? PrimaryKey(IReadOnlyList<InferredColumn> columns)
    {
        var candidates = columns
            .Where(c => c.Statistics.UniqueAndNeverNull && c.Type.Kind is ColumnKind.String or ColumnKind.Int or ColumnKind.Long)
            .ToList();
        return (candidates.FirstOrDefault(c => c.Name == "id")
            ?? candidates.FirstOrDefault(c => c.Name.EndsWith("id", StringComparison.Ordinal))
            ?? candidates.FirstOrDefault(c => c.Type.Kind is ColumnKind.Int or ColumnKind.Long))?.Name;
    }
}
