using System.CommandLine;
using System.Text.Json;
using Medallion.Aws;
using Medallion.Aws.Deploy;
using Medallion.Aws.Submit;
using Medallion.Jobs.Lake;

namespace Medallion.Cli.Commands;

/// <summary><c>medallion schedule trigger</c>: an unscheduled run of the deployed pipeline.</summary>
internal static class ScheduleCommand
{
    public static Command Create(CliContext context)
    {
        var dataset = CommonOptions.Dataset();
        var environment = CommonOptions.Environment();
        var stateMachine = new Option<string?>("--state-machine") { Description = "The state machine ARN (default: the one the template deployed for the environment, found by name)." };
        var trigger = new Command("trigger", "Start the deployed Step Functions pipeline for a dataset now; the execution name is a new run key.")
        {
            dataset, environment, stateMachine,
        };
        trigger.SetAction(async (parseResult, cancellationToken) =>
        {
            var configuration = CliContext.LoadConfiguration(parseResult.GetValue(CommonOptions.Conf)!);
            var aws = AwsEnvironment.Resolve(configuration, parseResult.GetValue(environment));
            var name = parseResult.GetValue(dataset)!;
            DatasetLookup.Dataset(configuration, name);

            var client = new AwsClients(aws.Aws, context.Clock).StepFunctions();
            var machineName = DeployNames.StateMachine(aws.Name);
            var arn = parseResult.GetValue(stateMachine) ?? await client.FindStateMachineAsync(machineName, cancellationToken)
                ?? throw new MedallionException($"No state machine named {machineName} in {aws.Aws.Region}; deploy the template from `medallion deploy render --env {aws.Name}` first.");
            var runKey = RunKey.Generate(context.Clock);
            var executionArn = await client.StartExecutionAsync(arn, runKey, JsonSerializer.Serialize(new { dataset = name }), cancellationToken);
            var execution = await client.DescribeExecutionAsync(executionArn, cancellationToken);
            await context.Output.WriteLineAsync($"run key {runKey}: {name} started on {arn}");
            await context.Output.WriteLineAsync($"  execution {executionArn} ({execution.Status})");
            return ExitCodes.Success;
        });
        return new Command("schedule", "Scheduled runs of the deployed pipeline.") { trigger };
    }
}
