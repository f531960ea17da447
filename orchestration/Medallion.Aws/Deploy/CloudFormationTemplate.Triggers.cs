using System.Text.Json;
using System.Text.Json.Nodes;
using Medallion.Aws.Artifacts;
using Medallion.Jobs.Config;

namespace Medallion.Aws.Deploy;

internal static partial class CloudFormationTemplate
{
    /// <summary>
    /// Per dataset with <c>trigger: s3</c>, an EventBridge rule on S3 <c>Object Created</c> in the
    /// raw bucket under the dataset's prefixes, targeting the state machine with the dataset and
    /// the event's <c>detail</c> (its <c>PrepareInput</c> reads bucket and key). The rules share a
    /// role that may start only this state machine, and a dead-letter queue (with an alarm to the
    /// failure topic) for events EventBridge could not deliver. S3 sends events to EventBridge only
    /// when the bucket says so; the raw bucket is not the template's, so an output names the command.
    /// </summary>
    private static void AddTriggers(JsonObject resources, JsonObject outputs, MedallionConfiguration configuration, AwsEnvironment environment, Scope scope)
    {
        var triggered = configuration.Datasets.Where(d => d.Trigger == DatasetTrigger.S3).ToList();
        if (triggered.Count == 0)
        {
            return;
        }

        var name = environment.Name;
        JsonObject Rules() => Sub($"arn:${{AWS::Partition}}:events:${{AWS::Region}}:${{AWS::AccountId}}:rule/{DeployNames.TriggerRule(name, "")}*");
        resources["TriggerRole"] = Resource("AWS::IAM::Role", Role(
            "events.amazonaws.com", "medallion-trigger", [Statement("StartThisPipeline", ["states:StartExecution"], [Ref("StateMachine")])], Rules()));
        resources["TriggerDeadLetterQueue"] = Resource("AWS::SQS::Queue", new JsonObject
        {
            ["QueueName"] = DeployNames.TriggerDeadLetterQueue(name),
            ["MessageRetentionPeriod"] = 1_209_600,
            ["SqsManagedSseEnabled"] = true,
        });
        // EventBridge writes to a rule's dead-letter queue as itself, so the queue's policy (not a role) lets it, for these rules only.
        var send = Statement("RulesKeepEventsTheyCouldNotDeliver", ["sqs:SendMessage"], [GetAtt("TriggerDeadLetterQueue", "Arn")]);
        send["Principal"] = new JsonObject { ["Service"] = "events.amazonaws.com" };
        send["Condition"] = new JsonObject { ["ArnLike"] = new JsonObject { ["aws:SourceArn"] = Rules() } };
        resources["TriggerDeadLetterQueuePolicy"] = Resource("AWS::SQS::QueuePolicy", new JsonObject
        {
            ["Queues"] = new JsonArray(Ref("TriggerDeadLetterQueue")),
            ["PolicyDocument"] = new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = new JsonArray(send) },
        });
        resources["TriggerDeadLetterAlarm"] = Alarm(
            $"{DeployNames.TriggerDeadLetterQueue(name)}-messages", $"EventBridge could not start a Medallion run of environment {name} for a landed object; the event is in the dead-letter queue.",
            "AWS/SQS", "ApproximateNumberOfMessagesVisible", new JsonObject { ["Name"] = "QueueName", ["Value"] = GetAtt("TriggerDeadLetterQueue", "QueueName") }, statistic: "Maximum");

        foreach (var dataset in triggered)
        {
            resources[DeployNames.LogicalId("trigger", dataset.Name)] = Resource("AWS::Events::Rule", new JsonObject
            {
                ["Name"] = DeployNames.TriggerRule(name, dataset.Name),
                ["Description"] = $"Runs dataset {dataset.Name} for each object landing under its raw prefix.",
                ["State"] = "ENABLED",
                ["EventPattern"] = new JsonObject
                {
                    ["source"] = new JsonArray("aws.s3"),
                    ["detail-type"] = new JsonArray("Object Created"),
                    ["detail"] = new JsonObject
                    {
                        ["bucket"] = new JsonObject { ["name"] = new JsonArray(scope.Raw.Bucket) },
                        ["object"] = new JsonObject { ["key"] = new JsonArray([.. TriggerPrefixes.Of(dataset, scope.Raw).Select(p => (JsonNode)new JsonObject { ["prefix"] = p })]) },
                    },
                },
                ["Targets"] = new JsonArray(new JsonObject
                {
                    ["Id"] = "StateMachine",
                    ["Arn"] = Ref("StateMachine"),
                    ["RoleArn"] = GetAtt("TriggerRole", "Arn"),
                    // The event's detail as is (an object goes into the template unquoted), beside the dataset the state machine needs.
                    ["InputTransformer"] = new JsonObject
                    {
                        ["InputPathsMap"] = new JsonObject { ["detail"] = "$.detail" },
                        ["InputTemplate"] = $"{{\"dataset\": {JsonSerializer.Serialize(dataset.Name)}, \"detail\": <detail>}}",
                    },
                    ["RetryPolicy"] = new JsonObject { ["MaximumRetryAttempts"] = 3, ["MaximumEventAgeInSeconds"] = 3600 },
                    ["DeadLetterConfig"] = new JsonObject { ["Arn"] = GetAtt("TriggerDeadLetterQueue", "Arn") },
                }),
            });
        }

        outputs["TriggerDeadLetterQueueUrl"] = Output(Ref("TriggerDeadLetterQueue"), "landed-object events EventBridge could not deliver");
        outputs["RawBucketEventBridge"] = Output(
            JsonValue.Create($"aws s3api put-bucket-notification-configuration --bucket {scope.Raw.Bucket} --notification-configuration '{{\"EventBridgeConfiguration\": {{}}}}'")!,
            $"S3 sends Object Created events to EventBridge only when the bucket has EventBridge notifications on; run this once (it replaces the bucket's notification configuration: merge any you have) so datasets {string.Join(", ", triggered.Select(d => d.Name))} start on landed objects");
    }
}
