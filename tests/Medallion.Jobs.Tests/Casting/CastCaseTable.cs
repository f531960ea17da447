using System.Text;
using System.Text.Json;

namespace Medallion.Jobs.Tests.Casting;

/// <summary>
/// The cases of <c>cast-cases.tsv</c> as one dataset: a string column <c>id</c> and one column
/// <c>c0, c1, …</c> per distinct cast entry; each record sets only its case's column.
/// </summary>
internal sealed class CastCaseTable
{
    public CastCaseTable(IReadOnlyList<CastCase> cases)
    {
        Cases = cases;
        Specs = cases.Select(c => c.Spec).Distinct(StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<CastCase> Cases { get; }

    public List<string> Specs { get; }

    public string Column(CastCase @case) => $"c{Specs.IndexOf(@case.Spec)}";

    /// <summary>Every column a string in bronze, and one <c>cast</c> transform with every entry.</summary>
    public string CastYaml => Header + string.Concat(Specs.Select((_, i) => $"\n      - {{ name: c{i}, type: string }}")) +
        "\n    transforms:\n      - cast:" + string.Concat(Specs.Select((s, i) => $"\n          c{i}: {s}"));

    /// <summary>Every column typed in bronze, with the entry's options.</summary>
    public string BronzeYaml => Header + string.Concat(Specs.Select((s, i) => s.StartsWith('{')
        ? $"\n      - {{ name: c{i}, {s[1..].TrimStart()}"
        : $"\n      - {{ name: c{i}, type: {s} }}"));

    /// <summary>One NDJSON record per case.</summary>
    public string Records
    {
        get
        {
            var lines = new StringBuilder();
            foreach (var @case in Cases)
            {
                var record = new Dictionary<string, string> { ["id"] = @case.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), [Column(@case)] = @case.Input };
                lines.Append(JsonSerializer.Serialize(record)).Append('\n');
            }

            return lines.ToString();
        }
    }

    private const string Header = """
        dataset: casts
        tables:
          - name: cases
            source: { path: casts/*.json, format: json }
            columns:
              - { name: id, type: string }
        """;
}
