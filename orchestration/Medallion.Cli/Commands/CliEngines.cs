using System.CommandLine;
using Medallion.Aws.Submit;
using Medallion.Jobs.Config;
using Medallion.Orchestration.Runs;

namespace Medallion.Cli.Commands;

/// <summary>
/// The engines the command line runs, by the names <c>engine:</c> and <c>--engine</c> use: the
/// embedded engine, and Spark on EMR Serverless. The orchestrator cannot reference Medallion.Aws
/// (it sits above it), so the two are put together here, the one place that sees both.
/// </summary>
internal static class CliEngines
{
    /// <param name="confDirectory">The conf folder: Spark runs upload it beside the bundle.</param>
    /// <param name="bundle">Spark runs: the zip <c>medallion package</c> wrote, or null for its default place.</param>
    public static RunEngineCatalog Catalog(string confDirectory, string? bundle) =>
        RunEngineCatalog.Embedded().Add(EngineKind.Spark, EmrServerlessEngine.EngineName, context => EmrServerlessEngine.Open(context, confDirectory, bundle));

    /// <summary><c>--engine</c>: one of the catalogue's names; null (the environment's engine) when omitted.</summary>
    public static Option<string?> Option(string description)
    {
        var option = new Option<string?>("--engine") { Description = description };
        option.AcceptOnlyFromAmong([.. Catalog(".", bundle: null).Names]);
        return option;
    }

    /// <summary><c>--bundle</c>: the zip a Spark run uploads.</summary>
    public static Option<string?> Bundle() =>
        new("--bundle") { Description = "Spark environments: the zip from `medallion package` (default: ./artifacts/medallion-spark-<env>.zip)." };
}
