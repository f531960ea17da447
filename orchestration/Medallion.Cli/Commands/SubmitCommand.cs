using System.CommandLine;
using Medallion.Aws;
using Medallion.Aws.Artifacts;
using Medallion.Aws.Emr;
using Medallion.Aws.Submit;

namespace Medallion.Cli.Commands;

/// <summary>
/// <c>medallion submit</c>: runs a dataset as EMR Serverless job runs (bronze, silver), then validates and promotes.
/// Kept for scripts written before <c>run</c> ran <c>spark</c> environments: with <c>--wait</c> it starts the
/// same job runs as <c>run</c> (through the same launcher); without it only bronze is started.
/// </summary>
internal static class SubmitCommand
{
    public static Command Create(CliContext context)
    {
        var dataset = CommonOptions.Dataset();
        var table = CommonOptions.Table();
        var environment = CommonOptions.Environment();
        var runKey = new Option<string?>("--run-key", "-k") { Description = "The run key; generated from the clock when omitted. Re-submitting a key does not start its job runs twice." };
        var wait = new Option<bool>("--wait", "-w") { Description = "Wait for bronze, run silver, then validate and promote (Ctrl+C cancels the running job). Without it only bronze is started." };
        var bundle = new Option<string?>("--bundle") { Description = "The zip from `medallion package` (default: ./artifacts/medallion-spark-<env>.zip)." };
        var command = new Command("submit", "Run a dataset on EMR Serverless: upload the bundle, start bronze then silver, validate and promote.")
        {
            dataset, table, environment, runKey, wait, bundle,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var confDirectory = parseResult.GetValue(CommonOptions.Conf)!;
            var configuration = CliContext.LoadConfiguration(confDirectory);
            var aws = AwsEnvironment.Resolve(configuration, parseResult.GetValue(environment));
            var clients = new AwsClients(aws.Aws, context.Clock);
            var emr = clients.EmrServerless();
            using var store = S3ArtifactStore.Create(aws.Aws);
            var runner = new SubmitRunner(configuration, store, emr, new JobRunWaiter(emr, context.Clock), new OrchestratorRunFinisher(context.Clock), context.Output, context.Clock);
            var request = new SubmitRequest(
                parseResult.GetValue(dataset)!,
                parseResult.GetValue(table),
                aws.Name,
                parseResult.GetValue(runKey),
                parseResult.GetValue(bundle) ?? SparkJobLauncher.DefaultBundle(aws.Name),
                confDirectory,
                parseResult.GetValue(wait));
            return await runner.RunAsync(request, cancellationToken) ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }
}
