using System.Text.Json.Nodes;

namespace Medallion.Aws.Deploy;

internal static partial class CloudFormationTemplate
{
    /// <summary>
    /// What tells an operator about failures no state can catch: the state machine's log group,
    /// alarms on failed, timed-out and aborted executions (a <c>States.Runtime</c> error or an
    /// execution timeout never reaches NotifyFailure) and on the schedules' dead-letter queue, all
    /// to the failure topic; and the key that encrypts the topics.
    /// </summary>
    private static void AddMonitoring(JsonObject resources, AwsEnvironment environment)
    {
        var name = environment.Name;
        var pipeline = environment.Aws.Pipeline;
        resources["StateMachineLogGroup"] = Resource("AWS::Logs::LogGroup", new JsonObject
        {
            // The /aws/vendedlogs/ prefix keeps the log delivery's resource policy within CloudWatch Logs' size limit.
            ["LogGroupName"] = $"/aws/vendedlogs/states/{DeployNames.StateMachine(name)}",
            ["RetentionInDays"] = pipeline.LogRetentionDays,
        });
        resources["ScheduleDeadLetterQueue"] = Resource("AWS::SQS::Queue", new JsonObject
        {
            ["QueueName"] = DeployNames.ScheduleDeadLetterQueue(name),
            ["MessageRetentionPeriod"] = 1_209_600,
            ["SqsManagedSseEnabled"] = true,
        });
        resources["NotificationKey"] = Resource("AWS::KMS::Key", new JsonObject
        {
            ["Description"] = $"Encrypts the Medallion notification topics of environment {name}.",
            ["EnableKeyRotation"] = true,
            ["KeyPolicy"] = new JsonObject
            {
                ["Version"] = "2012-10-17",
                // In a key policy "*" means this key; who may use it is said by the principals.
                ["Statement"] = new JsonArray(
                    new JsonObject
                    {
                        ["Sid"] = "AccountAdministersTheKeyThroughIam",
                        ["Effect"] = "Allow",
                        ["Principal"] = new JsonObject { ["AWS"] = Sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root") },
                        ["Action"] = "kms:*",
                        ["Resource"] = "*",
                    },
                    new JsonObject
                    {
                        // Alarms publish to an encrypted topic only when CloudWatch may use its key.
                        ["Sid"] = "CloudWatchAlarmsPublishToTheTopics",
                        ["Effect"] = "Allow",
                        ["Principal"] = new JsonObject { ["Service"] = "cloudwatch.amazonaws.com" },
                        ["Action"] = new JsonArray("kms:Decrypt", "kms:GenerateDataKey*"),
                        ["Resource"] = "*",
                        ["Condition"] = new JsonObject { ["StringEquals"] = new JsonObject { ["aws:SourceAccount"] = Ref("AWS::AccountId") } },
                    }),
            },
        });

        foreach (var metric in new[] { "ExecutionsFailed", "ExecutionsTimedOut", "ExecutionsAborted" })
        {
            resources[$"{metric}Alarm"] = Alarm(
                $"{DeployNames.StateMachine(name)}-{metric}", $"An execution of the Medallion state machine of environment {name} ended {metric["Executions".Length..].ToLowerInvariant()}.",
                "AWS/States", metric, new JsonObject { ["Name"] = "StateMachineArn", ["Value"] = Ref("StateMachine") });
        }

        resources["ScheduleDeadLetterAlarm"] = Alarm(
            $"{DeployNames.ScheduleDeadLetterQueue(name)}-messages", $"The scheduler could not start a Medallion run of environment {name}; the event is in the dead-letter queue.",
            "AWS/SQS", "ApproximateNumberOfMessagesVisible", new JsonObject { ["Name"] = "QueueName", ["Value"] = GetAtt("ScheduleDeadLetterQueue", "QueueName") }, statistic: "Maximum");
    }

    private static JsonObject Alarm(string name, string description, string metricNamespace, string metric, JsonObject dimension, string statistic = "Sum") =>
        Resource("AWS::CloudWatch::Alarm", new JsonObject
        {
            ["AlarmName"] = name,
            ["AlarmDescription"] = description,
            ["Namespace"] = metricNamespace,
            ["MetricName"] = metric,
            ["Dimensions"] = new JsonArray(dimension),
            ["Statistic"] = statistic,
            ["Period"] = 300,
            ["EvaluationPeriods"] = 1,
            ["Threshold"] = 1,
            ["ComparisonOperator"] = "GreaterThanOrEqualToThreshold",
            ["TreatMissingData"] = "notBreaching",
            ["AlarmActions"] = new JsonArray(Ref("FailureTopic")),
        });
}
