using System.Text.Json.Nodes;
using Medallion.Aws.Artifacts;

namespace Medallion.Aws.Deploy;

internal static partial class CloudFormationTemplate
{
    /// <summary>
    /// Least privilege: the job role reads raw and artifacts, writes the lake and logs, under the
    /// environment's prefixes only; the state machine role runs jobs on this application only and
    /// passes only the job role; the scheduler role starts only this state machine.
    /// </summary>
    private static void AddRoles(JsonObject resources, AwsEnvironment environment, Scope scope)
    {
        var read = new[] { scope.Raw, scope.Artifacts };
        var write = new List<S3Uri> { scope.Lake };
        if (scope.Logs is { } logs)
        {
            write.Add(logs);
        }

        List<JsonNode> jobStatements =
        [
            Statement("ReadInputsAndArtifacts", ["s3:GetObject"], [.. read.Select(Objects)]),
            Statement("WriteLakeAndLogs", ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], [.. write.Select(Objects)]),
            .. read.Concat(write).Select((uri, i) => ListUnder($"ListPrefix{i}", uri)),
        ];
        resources["JobRole"] = Resource("AWS::IAM::Role", Role("emr-serverless.amazonaws.com", "medallion-job", jobStatements));

        var application = Sub("arn:${AWS::Partition}:emr-serverless:${AWS::Region}:${AWS::AccountId}:/applications/${Application}");
        resources["StateMachineRole"] = Resource("AWS::IAM::Role", Role("states.amazonaws.com", "medallion-states",
        [
            Statement("RunJobsOnThisApplication", ["emr-serverless:StartJobRun"], [application]),
            Statement("WatchJobsOnThisApplication", ["emr-serverless:GetJobRun", "emr-serverless:CancelJobRun"],
                [Sub("arn:${AWS::Partition}:emr-serverless:${AWS::Region}:${AWS::AccountId}:/applications/${Application}/jobruns/*")]),
            PassJobRole(),
            // startJobRun.sync learns of job completion through this managed EventBridge rule.
            Statement("SyncJobCompletion", ["events:PutTargets", "events:PutRule", "events:DescribeRule"],
                [Sub("arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/StepFunctionsGetEventsForEMRServerlessJobRule")]),
            Statement("NotifyFailures", ["sns:Publish"], [Ref("FailureTopic")]),
        ]));
        resources["SchedulerRole"] = Resource("AWS::IAM::Role", Role("scheduler.amazonaws.com", "medallion-scheduler",
            [Statement("StartThisPipeline", ["states:StartExecution"], [Ref("StateMachine")])]));
    }

    private static JsonObject Role(string service, string policyName, List<JsonNode> statements) => new()
    {
        ["AssumeRolePolicyDocument"] = new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new JsonArray(new JsonObject
            {
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { ["Service"] = service },
                ["Action"] = "sts:AssumeRole",
                ["Condition"] = new JsonObject { ["StringEquals"] = new JsonObject { ["aws:SourceAccount"] = Ref("AWS::AccountId") } },
            }),
        },
        ["Policies"] = new JsonArray(new JsonObject
        {
            ["PolicyName"] = policyName,
            ["PolicyDocument"] = new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = new JsonArray([.. statements]) },
        }),
    };

    private static JsonObject Statement(string sid, string[] actions, JsonNode[] resources) => new()
    {
        ["Sid"] = sid,
        ["Effect"] = "Allow",
        ["Action"] = new JsonArray([.. actions.Select(a => JsonValue.Create(a))]),
        ["Resource"] = new JsonArray(resources),
    };

    private static JsonObject PassJobRole()
    {
        var statement = Statement("PassOnlyTheJobRole", ["iam:PassRole"], [GetAtt("JobRole", "Arn")]);
        statement["Condition"] = new JsonObject { ["StringEquals"] = new JsonObject { ["iam:PassedToService"] = "emr-serverless.amazonaws.com" } };
        return statement;
    }

    /// <summary>Every object under a prefix: <c>arn:…:s3:::bucket/prefix/*</c>.</summary>
    private static JsonNode Objects(S3Uri uri) => Sub(uri.Key.Length == 0 ? $"arn:${{AWS::Partition}}:s3:::{uri.Bucket}/*" : $"arn:${{AWS::Partition}}:s3:::{uri.Bucket}/{uri.Key}/*");

    /// <summary>Listing the bucket, only below the prefix.</summary>
    private static JsonObject ListUnder(string sid, S3Uri uri)
    {
        var statement = Statement(sid, ["s3:ListBucket"], [Sub($"arn:${{AWS::Partition}}:s3:::{uri.Bucket}")]);
        if (uri.Key.Length > 0)
        {
            statement["Condition"] = new JsonObject { ["StringLike"] = new JsonObject { ["s3:prefix"] = new JsonArray(uri.Key, $"{uri.Key}/*") } };
        }

        return statement;
    }
}
