using System.Text.Json;
using System.Text.Json.Nodes;
using Medallion.Jobs.Config;

namespace Medallion.Aws.Deploy;

internal static partial class CloudFormationTemplate
{
    private static void AddPipeline(JsonObject resources, MedallionConfiguration configuration, AwsEnvironment environment)
    {
        var name = environment.Name;
        resources["FailureTopic"] = Resource("AWS::SNS::Topic", new JsonObject { ["TopicName"] = DeployNames.FailureTopic(name) });
        resources["Application"] = Resource("AWS::EMRServerless::Application", new JsonObject
        {
            ["Name"] = DeployNames.Application(name),
            ["ReleaseLabel"] = environment.Aws.ReleaseLabel,
            ["Type"] = "SPARK",
            // Idle applications stop, so an environment costs nothing between runs.
            ["AutoStartConfiguration"] = new JsonObject { ["Enabled"] = true },
            ["AutoStopConfiguration"] = new JsonObject { ["Enabled"] = true, ["IdleTimeoutMinutes"] = 15 },
        });
        resources["StateMachine"] = Resource("AWS::StepFunctions::StateMachine", new JsonObject
        {
            ["StateMachineName"] = DeployNames.StateMachine(name),
            ["StateMachineType"] = "STANDARD",
            ["RoleArn"] = GetAtt("StateMachineRole", "Arn"),
            ["Definition"] = StateMachineDefinition.Build(environment),
            ["DefinitionSubstitutions"] = new JsonObject
            {
                [Placeholder(StateMachineDefinition.ApplicationIdPlaceholder)] = Ref("Application"),
                [Placeholder(StateMachineDefinition.JobRoleArnPlaceholder)] = GetAtt("JobRole", "Arn"),
                [Placeholder(StateMachineDefinition.FailureTopicArnPlaceholder)] = Ref("FailureTopic"),
            },
        });

        foreach (var dataset in configuration.Datasets.Where(d => d.Schedule is not null))
        {
            resources[DeployNames.LogicalId("schedule", dataset.Name)] = Resource("AWS::Scheduler::Schedule", new JsonObject
            {
                ["Name"] = DeployNames.Schedule(name, dataset.Name),
                ["Description"] = $"Runs dataset {dataset.Name} ({dataset.Schedule}).",
                ["ScheduleExpression"] = dataset.Schedule,
                ["ScheduleExpressionTimezone"] = "UTC",
                ["FlexibleTimeWindow"] = new JsonObject { ["Mode"] = "OFF" },
                ["Target"] = new JsonObject
                {
                    ["Arn"] = Ref("StateMachine"),
                    ["RoleArn"] = GetAtt("SchedulerRole", "Arn"),
                    ["Input"] = JsonSerializer.Serialize(new { dataset = dataset.Name }),
                    ["RetryPolicy"] = new JsonObject { ["MaximumRetryAttempts"] = 3, ["MaximumEventAgeInSeconds"] = 3600 },
                },
            });
        }
    }

    private static string Placeholder(string placeholder) => placeholder[2..^1];
}
