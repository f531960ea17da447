using System.Text.Json;
using System.Text.Json.Nodes;
using Medallion.Jobs.Config;

namespace Medallion.Aws.Deploy;

internal static partial class CloudFormationTemplate
{
    private static void AddPipeline(JsonObject resources, MedallionConfiguration configuration, AwsEnvironment environment)
    {
        var name = environment.Name;
        var pipeline = environment.Aws.Pipeline;
        resources["FailureTopic"] = Topic(DeployNames.FailureTopic(name));
        if (pipeline.NotifySuccess)
        {
            resources["SuccessTopic"] = Topic(DeployNames.SuccessTopic(name));
        }

        resources["Application"] = Resource("AWS::EMRServerless::Application", new JsonObject
        {
            ["Name"] = DeployNames.Application(name),
            ["ReleaseLabel"] = environment.Aws.ReleaseLabel,
            ["Type"] = "SPARK",
            // Idle applications stop, so an environment costs nothing between runs; the maximum
            // capacity caps what a runaway job (or a burst of them) can cost.
            ["AutoStartConfiguration"] = new JsonObject { ["Enabled"] = true },
            ["AutoStopConfiguration"] = new JsonObject { ["Enabled"] = true, ["IdleTimeoutMinutes"] = pipeline.IdleTimeoutMinutes },
            ["MaximumCapacity"] = new JsonObject
            {
                ["Cpu"] = $"{pipeline.MaxVcpu} vCPU",
                ["Memory"] = $"{pipeline.MaxMemoryGb} GB",
                ["Disk"] = $"{pipeline.MaxDiskGb} GB",
            },
        });

        var substitutions = new JsonObject
        {
            [Placeholder(StateMachineDefinition.ApplicationIdPlaceholder)] = Ref("Application"),
            [Placeholder(StateMachineDefinition.JobRoleArnPlaceholder)] = GetAtt("JobRole", "Arn"),
            [Placeholder(StateMachineDefinition.FailureTopicArnPlaceholder)] = Ref("FailureTopic"),
        };
        if (pipeline.NotifySuccess)
        {
            substitutions[Placeholder(StateMachineDefinition.SuccessTopicArnPlaceholder)] = Ref("SuccessTopic");
        }

        resources["StateMachine"] = Resource("AWS::StepFunctions::StateMachine", new JsonObject
        {
            ["StateMachineName"] = DeployNames.StateMachine(name),
            ["StateMachineType"] = "STANDARD",
            ["RoleArn"] = GetAtt("StateMachineRole", "Arn"),
            ["Definition"] = StateMachineDefinition.Build(configuration, environment),
            ["DefinitionSubstitutions"] = substitutions,
            ["LoggingConfiguration"] = new JsonObject
            {
                ["Level"] = pipeline.LogLevel,
                ["IncludeExecutionData"] = true,
                ["Destinations"] = new JsonArray(new JsonObject
                {
                    ["CloudWatchLogsLogGroup"] = new JsonObject { ["LogGroupArn"] = GetAtt("StateMachineLogGroup", "Arn") },
                }),
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
                    // A start the scheduler gave up on lands here, and its alarm tells the failure topic.
                    ["DeadLetterConfig"] = new JsonObject { ["Arn"] = GetAtt("ScheduleDeadLetterQueue", "Arn") },
                },
            });
        }
    }

    /// <summary>Notices carry run keys, table names and error text: encrypted at rest with the environment's notification key.</summary>
    private static JsonObject Topic(string name) => Resource("AWS::SNS::Topic", new JsonObject
    {
        ["TopicName"] = name,
        ["KmsMasterKeyId"] = Ref("NotificationKey"),
    });

    private static string Placeholder(string placeholder) => placeholder[2..^1];
}
