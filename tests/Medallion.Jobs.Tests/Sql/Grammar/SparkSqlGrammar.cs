using System.Diagnostics;
using System.Text.Json;
using Medallion.Testing;

namespace Medallion.Jobs.Tests.Sql.Grammar;

/// <summary>Checks statements against the SparkSQL grammar of dt-sql-parser, through Node.</summary>
internal static class SparkSqlGrammar
{
    public const string InstallCommand = "bash eng/install-node-tools.sh";

    private static string Bundle => Path.Combine(RepositoryPaths.Root, ".tools", "node", "spark-sql.cjs");

    private static string Script => Path.Combine(RepositoryPaths.Root, "tests", "Medallion.Jobs.Tests", "Sql", "Grammar", "check-spark-sql.cjs");

    /// <summary>For each statement, its syntax errors as <c>line:column: message</c>; empty when it parses.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Check(IReadOnlyList<string> statements)
    {
        if (!File.Exists(Bundle))
        {
            throw new InvalidOperationException(
                $"The SparkSQL grammar is not installed ({Bundle} is missing). Install it from the repository root with: {InstallCommand}");
        }

        var start = new ProcessStartInfo("node", [Script, Bundle])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start; install Node 20.");
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        node.StandardInput.Write(JsonSerializer.Serialize(statements));
        node.StandardInput.Close();
        node.WaitForExit();
        if (node.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {Script} exited with {node.ExitCode}: {stderr.Result}");
        }

        return JsonSerializer.Deserialize<List<List<SyntaxError>>>(stdout.Result)!
            .Select(errors => (IReadOnlyList<string>)errors.Select(e => $"{e.Line}:{e.Column}: {e.Message}").ToList())
            .ToList();
    }

    /// <summary>Fails listing every statement that does not parse, with the errors and the statement.</summary>
    public static void AssertParses(IReadOnlyList<(string Name, string Sql)> statements)
    {
        var results = Check(statements.Select(s => s.Sql).ToList());
        var failures = statements.Zip(results)
            .Where(x => x.Second.Count > 0)
            .Select(x => $"{x.First.Name}: {string.Join("; ", x.Second)}\n{x.First.Sql}")
            .ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {statements.Count} statements do not parse as Spark SQL:\n\n" + string.Join("\n\n", failures));
    }

    private sealed record SyntaxError(
        [property: System.Text.Json.Serialization.JsonPropertyName("line")] int Line,
        [property: System.Text.Json.Serialization.JsonPropertyName("column")] int Column,
        [property: System.Text.Json.Serialization.JsonPropertyName("message")] string Message);
}
