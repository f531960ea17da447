using System.Text.Json.Nodes;
using Medallion.Aws.Deploy;
using Medallion.Jobs.Config;
using Medallion.Testing;

namespace Medallion.Aws.Tests.Deploy;

public sealed class DeployRendererTests : IDisposable
{
    private readonly AwsConf _conf = new();
    private readonly TempDirectory _out = new("medallion-deploy");

    /// <summary>Every optional part of the deployment switched on: KMS, success notices, analysts' policy, other guards.</summary>
    public const string Everything =
        "      kms_key_arn: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab\n" +
        "      pipeline: { notify_success: true, analyst_policy: true, job_retries: 0, log_level: ALL, log_retention_days: 365, athena_scan_limit_gb: 10 }\n";

    [Theory]
    [InlineData("")]
    [InlineData(Everything)]
    public async Task Render_ProdEnvironment_TemplatePassesCfnLint(string awsSettings)
    {
        using var conf = new AwsConf(awsSettings: awsSettings);
        var sut = DeployRenderer.Render(conf.Load(), "prod", _out.Path);

        var (exitCode, output) = await NodeTools.RunAsync("cfn-lint", sut.Template);

        Assert.True(exitCode == 0, output);
    }

    [Theory]
    [InlineData("")]
    [InlineData(Everything)]
    public async Task Render_ProdEnvironment_StateMachinePassesAslValidator(string awsSettings)
    {
        using var conf = new AwsConf(awsSettings: awsSettings);
        var sut = DeployRenderer.Render(conf.Load(), "prod", _out.Path);

        var (exitCode, output) = await NodeTools.RunAsync(NodeTools.AslValidator, "--json-path", sut.StateMachine);

        Assert.True(exitCode == 0, output);
    }

    /// <summary>Issue 14 put an input check first and a state per failed step before the notice; the order of the steps is unchanged.</summary>
    [Fact]
    public void Render_StateMachine_RunsStepsInOrderAndEveryTaskHasTimeoutRetryCatch()
    {
        var asl = JsonNode.Parse(File.ReadAllText(DeployRenderer.Render(_conf.Load(), "prod", _out.Path).StateMachine))!;
        var states = asl["States"]!.AsObject();

        List<string> path = [];
        for (var state = asl["StartAt"]!.GetValue<string>(); state is not null;)
        {
            path.Add(state);
            var node = states[state]!;
            state = node["Type"]!.GetValue<string>() == "Choice" ? (node["Default"] ?? node["Choices"]!.AsArray()[^1]!["Next"])!.GetValue<string>() : node["Next"]?.GetValue<string>();
        }

        Assert.Equal(["PrepareInput", "CaptureObjectRunContext", "CountRunningExecutions", "WithinEventRunLimit", "BronzeObject", "Silver", "ValidateAndPromote", "Success"], path);
        Assert.Equal("$$.Execution.Name", states["CaptureRunContext"]!["Parameters"]!["runKey.$"]!.GetValue<string>());
        var tasks = states.Where(s => s.Value!["Type"]!.GetValue<string>() == "Task").ToList();
        Assert.Equal(["CountRunningExecutions", "Bronze", "BronzeObject", "Silver", "ValidateAndPromote", "ReadFailureOutcome", "NotifyFailure"], tasks.Select(t => t.Key));
        Assert.All(tasks, task =>
        {
            Assert.True(task.Value!["TimeoutSeconds"]!.GetValue<int>() > 0, task.Key);
            Assert.NotEmpty(task.Value["Retry"]!.AsArray());
            Assert.Equal("States.ALL", task.Value["Catch"]![0]!["ErrorEquals"]![0]!.GetValue<string>());
        });
        Assert.All(tasks.Skip(1).Take(4), task =>
        {
            Assert.Equal("arn:aws:states:::emr-serverless:startJobRun.sync", task.Value!["Resource"]!.GetValue<string>());
            Assert.Equal(task.Key + "Failed", task.Value["Catch"]![0]!["Next"]!.GetValue<string>());
            Assert.Equal("ReadFailureOutcome", states[task.Key + "Failed"]!["Next"]!.GetValue<string>());
        });
        Assert.Equal("arn:aws:states:::sns:publish", states["NotifyFailure"]!["Resource"]!.GetValue<string>());
        Assert.Equal("Fail", states[states["NotifyFailure"]!["Next"]!.GetValue<string>()]!["Type"]!.GetValue<string>());
    }

    /// <summary>
    /// Every S3 resource a policy names lies under the environment's prefixes (the job role's artifacts are two
    /// exact objects, issue 14), and "*" appears only where AWS allows nothing else: the log delivery actions
    /// the state machine's logging needs (they have no resource-level permissions).
    /// </summary>
    [Fact]
    public void Render_Policies_ReferenceOnlyTheEnvironmentsPrefixes()
    {
        using var conf = new AwsConf(awsSettings: "      pipeline: { analyst_policy: true }\n");
        var template = JsonNode.Parse(File.ReadAllText(DeployRenderer.Render(conf.Load(), "prod", _out.Path).Template))!;
        var statements = template["Resources"]!.AsObject()
            .Select(r => r.Value!)
            .SelectMany(r => r["Type"]!.GetValue<string>() switch
            {
                "AWS::IAM::Role" => r["Properties"]!["Policies"]![0]!["PolicyDocument"]!["Statement"]!.AsArray(),
                "AWS::IAM::ManagedPolicy" => r["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray(),
                _ => [],
            })
            .Select(s => s!)
            .ToList();
        var s3 = statements.SelectMany(s => Strings(s["Resource"]!))
            .Where(s => s.Contains(":s3:::", StringComparison.Ordinal))
            .Select(s => s.Replace("${AWS::Partition}", "aws", StringComparison.Ordinal))
            .ToList();
        string[] allowed = ["acme-lake/medallion/", "acme-raw/exports/", "acme-artifacts/medallion/prod/", "acme-logs/medallion/"];
        string[] buckets = ["acme-lake", "acme-raw", "acme-artifacts", "acme-logs"];

        Assert.NotEmpty(s3);
        Assert.All(s3, arn =>
        {
            var resource = arn["arn:aws:s3:::".Length..];
            Assert.True(allowed.Any(a => resource.StartsWith(a, StringComparison.Ordinal)) || buckets.Contains(resource), arn);
        });
        var everything = statements.Where(s => Strings(s["Resource"]!).Contains("*")).ToList();
        Assert.Equal(["DeliverExecutionLogs"], everything.Select(s => s["Sid"]!.GetValue<string>()));
        Assert.All(Strings(everything[0]["Action"]!), action => Assert.StartsWith("logs:", action, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_Template_HasScheduleGlueDeltaTablesAndWorkgroup()
    {
        var configuration = _conf.Load();
        var resources = JsonNode.Parse(File.ReadAllText(DeployRenderer.Render(configuration, "prod", _out.Path).Template))!["Resources"]!.AsObject();
        IEnumerable<JsonNode> OfType(string type) => resources.Where(r => r.Value!["Type"]!.GetValue<string>() == type).Select(r => r.Value!["Properties"]!);

        var schedule = Assert.Single(OfType("AWS::Scheduler::Schedule"));
        Assert.Equal("cron(0 3 * * ? *)", schedule["ScheduleExpression"]!.GetValue<string>());
        Assert.Equal("""{"dataset":"mortgage_transactions"}""", schedule["Target"]!["Input"]!.GetValue<string>());
        var tables = OfType("AWS::Glue::Table").Select(t => t["TableInput"]!).ToList();
        Assert.Equal(2 * configuration.Datasets.Sum(d => d.Tables.Count) + 1, tables.Count);
        Assert.All(tables, t => Assert.Equal("DELTA", t["Parameters"]!["table_type"]!.GetValue<string>()));
        Assert.Contains(tables, t => t["StorageDescriptor"]!["Location"]!.GetValue<string>() == "s3://acme-lake/medallion/silver/mortgage_transactions/transactions/schema_v=1/current/");
        Assert.Single(OfType("AWS::EMRServerless::Application"));
        Assert.Single(OfType("AWS::SNS::Topic"));
        Assert.Equal(["medallion-prod-schedule-dlq", "medallion-prod-trigger-dlq"], OfType("AWS::SQS::Queue").Select(q => q["QueueName"]!.GetValue<string>()).Order());
        Assert.Equal("s3://acme-artifacts/medallion/prod/athena-results/",
            Assert.Single(OfType("AWS::Athena::WorkGroup"))["WorkGroupConfiguration"]!["ResultConfiguration"]!["OutputLocation"]!.GetValue<string>());
    }

    /// <summary>
    /// Regression: the template named Glue tables `{dataset}__{table}`, athena ddl `{dataset}_{table}` (issue 5);
    /// and athena ddl printed column lists Athena refuses for Delta tables (issue 14). Both now come from one
    /// list: every statement is exactly name, location and table_type, and the set equals the template's tables.
    /// </summary>
    [Theory]
    [InlineData(null, "medallion_prod")]
    [InlineData("acme_lake", "acme_lake")]
    public async Task Render_GlueTables_EqualAthenaDdl(string? glueDatabase, string expectedDatabase)
    {
        if (glueDatabase is not null)
        {
            var settings = Path.Combine(_conf.Directory, "medallion.yaml");
            File.WriteAllText(settings, File.ReadAllText(settings).Replace("region: us-east-1\n", $"region: us-east-1\n      glue_database: {glueDatabase}\n", StringComparison.Ordinal));
        }

        var resources = JsonNode.Parse(File.ReadAllText(DeployRenderer.Render(_conf.Load(), "prod", _out.Path).Template))!["Resources"]!.AsObject();
        var database = resources["GlueDatabase"]!["Properties"]!["DatabaseInput"]!["Name"]!.GetValue<string>();
        var glue = resources.Where(r => r.Value!["Type"]!.GetValue<string>() == "AWS::Glue::Table")
            .Select(r => r.Value!["Properties"]!["TableInput"]!)
            .Select(t => $"{database}.{t["Name"]!.GetValue<string>()} @ {t["StorageDescriptor"]!["Location"]!.GetValue<string>()} {t["Parameters"]!["table_type"]!.GetValue<string>()}")
            .Order(StringComparer.Ordinal)
            .ToList();
        HashSet<string> ddl = [];
        foreach (var dataset in _conf.Load().Datasets)
        {
            var (exitCode, output, error) = await AthenaDdlAsync(dataset.Name);
            Assert.True(exitCode == 0, error);
            var statements = output.ReplaceLineEndings("\n").Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal($"CREATE DATABASE IF NOT EXISTS `{expectedDatabase}`", statements[0]);
            foreach (var statement in statements.Skip(1))
            {
                // Nothing but the name, the location and the property: no column list, no PARTITIONED BY.
                var table = System.Text.RegularExpressions.Regex.Match(statement, @"\ACREATE EXTERNAL TABLE IF NOT EXISTS `(\w+)`\.`(\w+)`\nLOCATION '([^']+)'\nTBLPROPERTIES \('table_type'='(\w+)'\)\z");
                Assert.True(table.Success, statement);
                ddl.Add($"{table.Groups[1].Value}.{table.Groups[2].Value} @ {table.Groups[3].Value} {table.Groups[4].Value}");
            }
        }

        Assert.Equal(expectedDatabase, database);
        Assert.Equal(ddl.Order(StringComparer.Ordinal), glue);
        Assert.Contains($"{expectedDatabase}.mortgage_transactions__transactions @ s3://acme-lake/medallion/silver/mortgage_transactions/transactions/schema_v=1/current/ DELTA", ddl);
        Assert.Contains($"{expectedDatabase}.medallion_runs @ s3://acme-lake/medallion/_medallion/runs/ DELTA", ddl);
    }

    [Fact]
    public void Render_LocalLakeRoot_ThrowsConfigurationErrorNamingIt()
    {
        using var conf = new AwsConf(lakeRoot: "./lake");

        var error = Assert.Throws<ConfigurationException>(() => DeployRenderer.Render(conf.Load(), "prod", _out.Path));

        // The relative lake_root is resolved against the conf folder's parent before it is checked.
        Assert.Contains($"lake_root `{Path.Combine(Path.GetDirectoryName(conf.Directory)!, "lake")}`", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _conf.Dispose();
        _out.Dispose();
    }

    private async Task<(int ExitCode, string Output, string Error)> AthenaDdlAsync(string dataset)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await Medallion.Cli.MedallionCli.RunAsync(["athena", "ddl", dataset, "--env", "prod", "--conf", _conf.Directory], output, error, TimeProvider.System);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static IEnumerable<string> Strings(JsonNode node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        JsonArray array => array.SelectMany(n => n is null ? [] : Strings(n)),
        JsonObject obj => obj.SelectMany(p => p.Value is null ? [] : Strings(p.Value)),
        _ => [],
    };
}
