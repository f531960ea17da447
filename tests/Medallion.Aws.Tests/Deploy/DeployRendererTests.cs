using System.Text.Json.Nodes;
using Medallion.Aws.Deploy;
using Medallion.Jobs.Config;
using Medallion.Testing;

namespace Medallion.Aws.Tests.Deploy;

public sealed class DeployRendererTests : IDisposable
{
    private readonly AwsConf _conf = new();
    private readonly TempDirectory _out = new("medallion-deploy");

    [Fact]
    public async Task Render_ProdEnvironment_TemplatePassesCfnLint()
    {
        var sut = DeployRenderer.Render(_conf.Load(), "prod", _out.Path);

        var (exitCode, output) = await NodeTools.RunAsync("cfn-lint", sut.Template);

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Render_ProdEnvironment_StateMachinePassesAslValidator()
    {
        var sut = DeployRenderer.Render(_conf.Load(), "prod", _out.Path);

        var (exitCode, output) = await NodeTools.RunAsync(NodeTools.AslValidator, "--json-path", sut.StateMachine);

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public void Render_StateMachine_RunsStepsInOrderAndEveryTaskHasTimeoutRetryCatch()
    {
        var asl = JsonNode.Parse(File.ReadAllText(DeployRenderer.Render(_conf.Load(), "prod", _out.Path).StateMachine))!;
        var states = asl["States"]!.AsObject();

        List<string> path = [];
        for (var state = asl["StartAt"]!.GetValue<string>(); state is not null; state = states[state]!["Next"]?.GetValue<string>())
        {
            path.Add(state);
        }

        Assert.Equal(["CaptureRunContext", "Bronze", "Silver", "ValidateAndPromote", "Success"], path);
        Assert.Equal("$$.Execution.Name", states["CaptureRunContext"]!["Parameters"]!["runKey.$"]!.GetValue<string>());
        var tasks = states.Where(s => s.Value!["Type"]!.GetValue<string>() == "Task").ToList();
        Assert.Equal(["Bronze", "Silver", "ValidateAndPromote", "NotifyFailure"], tasks.Select(t => t.Key));
        Assert.All(tasks, task =>
        {
            Assert.True(task.Value!["TimeoutSeconds"]!.GetValue<int>() > 0, task.Key);
            Assert.NotEmpty(task.Value["Retry"]!.AsArray());
            Assert.Equal("States.ALL", task.Value["Catch"]![0]!["ErrorEquals"]![0]!.GetValue<string>());
        });
        Assert.All(tasks.Take(3), task =>
        {
            Assert.Equal("arn:aws:states:::emr-serverless:startJobRun.sync", task.Value!["Resource"]!.GetValue<string>());
            Assert.Equal("NotifyFailure", task.Value["Catch"]![0]!["Next"]!.GetValue<string>());
        });
        Assert.Equal("arn:aws:states:::sns:publish", states["NotifyFailure"]!["Resource"]!.GetValue<string>());
        Assert.Equal("Fail", states[states["NotifyFailure"]!["Next"]!.GetValue<string>()]!["Type"]!.GetValue<string>());
    }

    [Fact]
    public void Render_Policies_ReferenceOnlyTheEnvironmentsPrefixes()
    {
        var template = JsonNode.Parse(File.ReadAllText(DeployRenderer.Render(_conf.Load(), "prod", _out.Path).Template))!;
        var s3 = template["Resources"]!.AsObject()
            .Where(r => r.Value!["Type"]!.GetValue<string>() == "AWS::IAM::Role")
            .SelectMany(r => Strings(r.Value!["Properties"]!["Policies"]!))
            .Where(s => s.Contains(":s3:::", StringComparison.Ordinal))
            .Select(s => s.Replace("${AWS::Partition}", "aws", StringComparison.Ordinal))
            .ToList();
        string[] allowed = ["acme-lake/medallion/", "acme-raw/exports/", "acme-artifacts/medallion/prod/", "acme-logs/medallion/"];
        string[] buckets = ["acme-lake", "acme-raw", "acme-artifacts", "acme-logs"];

        Assert.NotEmpty(s3);
        Assert.All(s3, arn =>
        {
            var resource = arn["arn:aws:s3:::".Length..];
            Assert.True(allowed.Any(a => resource == a + "*") || buckets.Contains(resource), arn);
        });
        Assert.DoesNotContain(template["Resources"]!.ToJsonString(), "\"Resource\":\"*\"", StringComparison.Ordinal);
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
        Assert.Equal(2 * configuration.Datasets.Sum(d => d.Tables.Count), tables.Count);
        Assert.All(tables, t => Assert.Equal("DELTA", t["Parameters"]!["table_type"]!.GetValue<string>()));
        Assert.Contains(tables, t => t["StorageDescriptor"]!["Location"]!.GetValue<string>() == "s3://acme-lake/medallion/silver/mortgage_transactions/transactions/schema_v=1/current/");
        Assert.Single(OfType("AWS::EMRServerless::Application"));
        Assert.Single(OfType("AWS::SNS::Topic"));
        Assert.Equal("s3://acme-artifacts/medallion/prod/athena-results/",
            Assert.Single(OfType("AWS::Athena::WorkGroup"))["WorkGroupConfiguration"]!["ResultConfiguration"]!["OutputLocation"]!.GetValue<string>());
    }

    /// <summary>Regression: the template named Glue tables `{dataset}__{table}`, athena ddl `{dataset}_{table}` (issue 5).</summary>
    [Theory]
    [InlineData(null, "medallion_prod")]
    [InlineData("acme_lake", "acme_lake")]
    public async Task Render_GlueTables_AgreeWithAthenaDdl(string? glueDatabase, string expectedDatabase)
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
            .Select(t => $"{database}.{t["Name"]!.GetValue<string>()} @ {t["StorageDescriptor"]!["Location"]!.GetValue<string>()}")
            .Order(StringComparer.Ordinal);
        List<string> ddl = [];
        foreach (var dataset in _conf.Load().Datasets)
        {
            var (exitCode, output, error) = await AthenaDdlAsync(dataset.Name);
            Assert.True(exitCode == 0, error);
            ddl.AddRange(System.Text.RegularExpressions.Regex.Matches(output, @"CREATE EXTERNAL TABLE `(\w+)`\.`(\w+)`[^;]*?LOCATION '([^']+)'")
                .Select(m => $"{m.Groups[1].Value}.{m.Groups[2].Value} @ {m.Groups[3].Value}"));
        }

        Assert.Equal(expectedDatabase, database);
        Assert.Equal(ddl.Order(StringComparer.Ordinal), glue);
        Assert.Contains($"{expectedDatabase}.mortgage_transactions__transactions @ s3://acme-lake/medallion/silver/mortgage_transactions/transactions/schema_v=1/current/", ddl);
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
