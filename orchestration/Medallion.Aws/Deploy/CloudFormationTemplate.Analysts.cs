using System.Text.Json.Nodes;
using Medallion.Aws.Artifacts;
using Medallion.Jobs.Config;
using Medallion.Orchestration.Catalog;

namespace Medallion.Aws.Deploy;

internal static partial class CloudFormationTemplate
{
    /// <summary>
    /// With <c>aws.pipeline.analyst_policy</c>, a managed policy to attach to analysts' roles: query in
    /// the environment's workgroup, read the Glue catalog of its database, read exactly the tables
    /// the catalog registers (promoted <c>current/</c>, quarantine, run history — not bronze, not
    /// staged runs) and write their own query results. Nothing else.
    /// </summary>
    private static void AddAnalystPolicy(JsonObject resources, MedallionConfiguration configuration, AwsEnvironment environment, Scope scope)
    {
        if (!environment.Aws.Pipeline.AnalystPolicy)
        {
            return;
        }

        var results = ArtifactLayout.For(environment.Aws.ArtifactsPrefix!).AthenaResults;
        var database = LakeCatalog.Database(environment.Environment);
        var tables = LakeCatalog.Tables(environment.Environment, configuration).Select(t => S3Uri.Parse(t.Location)).ToList();
        List<JsonNode> statements =
        [
            Statement("QueryInTheWorkgroup",
                ["athena:StartQueryExecution", "athena:GetQueryExecution", "athena:GetQueryResults", "athena:GetQueryResultsStream", "athena:StopQueryExecution", "athena:GetWorkGroup", "athena:ListQueryExecutions"],
                [Sub($"arn:${{AWS::Partition}}:athena:${{AWS::Region}}:${{AWS::AccountId}}:workgroup/{DeployNames.WorkGroup(environment.Name)}")]),
            Statement("ReadTheCatalog", ["glue:GetDatabase", "glue:GetDatabases", "glue:GetTable", "glue:GetTables", "glue:GetPartition", "glue:GetPartitions"],
            [
                Sub("arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:catalog"),
                Sub($"arn:${{AWS::Partition}}:glue:${{AWS::Region}}:${{AWS::AccountId}}:database/{database}"),
                Sub($"arn:${{AWS::Partition}}:glue:${{AWS::Region}}:${{AWS::AccountId}}:table/{database}/*"),
            ]),
            Statement("ReadTheRegisteredTables", ["s3:GetObject"], [.. tables.Select(Objects)]),
            ListPrefixes("ListTheRegisteredTables", scope.Lake.Bucket, [.. tables.Select(t => t.Key)]),
            Statement("WriteQueryResults", ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload"], [Objects(results)]),
            ListPrefixes("ListQueryResults", results.Bucket, [results.Key]),
            Statement("LocateTheBuckets", ["s3:GetBucketLocation"], [.. new[] { scope.Lake.Bucket, results.Bucket }.Distinct(StringComparer.Ordinal).Select(Bucket)]),
        ];
        AddKeyUse(statements, environment, "kms:Decrypt", "kms:GenerateDataKey");
        resources["AnalystPolicy"] = Resource("AWS::IAM::ManagedPolicy", new JsonObject
        {
            ["ManagedPolicyName"] = $"medallion-{environment.Name}-analysts",
            ["Description"] = $"Read-only Athena access to the promoted, quarantine and run history tables of Medallion environment {environment.Name}.",
            ["PolicyDocument"] = new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = new JsonArray([.. statements]) },
        });
    }

    private static JsonObject ListPrefixes(string sid, string bucket, string[] keys)
    {
        var statement = Statement(sid, ["s3:ListBucket"], [Bucket(bucket)]);
        var prefixes = keys.Where(k => k.Length > 0).SelectMany(k => new[] { k, $"{k}/*" }).Select(p => (JsonNode?)JsonValue.Create(p)).ToArray();
        if (prefixes.Length > 0)
        {
            statement["Condition"] = new JsonObject { ["StringLike"] = new JsonObject { ["s3:prefix"] = new JsonArray(prefixes) } };
        }

        return statement;
    }
}
