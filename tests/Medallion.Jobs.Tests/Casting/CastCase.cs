using System.Text.Json;
using Medallion.Testing;

namespace Medallion.Jobs.Tests.Casting;

/// <summary>One row of <c>cast-cases.tsv</c>: a text, the cast it goes through, and where it must land.</summary>
/// <param name="Spec">The cast entry as YAML: a type (<c>long</c>) or a mapping with options.</param>
/// <param name="Input">The text.</param>
/// <param name="Expected">The silver value as DuckDB prints it, or <see cref="Fail"/> / <see cref="EngineFail"/>.</param>
/// <param name="Note">Why the case is in the table.</param>
internal sealed record CastCase(int Id, string Spec, string Input, string Expected, string Note)
{
    /// <summary>The text does not have the shape of a value of the type: the pattern rejects it.</summary>
    public const string Fail = "FAIL";

    /// <summary>The shape is right but the value is out of range or not a calendar day: the engine's conversion decides.</summary>
    public const string EngineFail = "FAIL:engine";

    public bool Fails => Expected is Fail or EngineFail;

    public static string File => Path.Combine(RepositoryPaths.Root, "tests", "Medallion.Jobs.Tests", "Casting", "cast-cases.tsv");

    public static IReadOnlyList<CastCase> Load() => System.IO.File.ReadAllLines(File)
        .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("spec\t", StringComparison.Ordinal))
        .Select((line, i) => line.Split('\t') is [var spec, var input, var expected, var note]
            ? new CastCase(i + 1, spec, JsonSerializer.Deserialize<string>(input)!, expected, note)
            : throw new FormatException($"cast-cases.tsv line `{line}` does not have four tab-separated fields"))
        .ToList();

    public override string ToString() => $"#{Id} {Spec} {JsonSerializer.Serialize(Input)} → {Expected}";
}
