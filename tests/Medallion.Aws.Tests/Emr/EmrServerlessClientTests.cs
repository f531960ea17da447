using System.Text.Json;
using System.Text.RegularExpressions;
using Medallion.Aws.Emr;
using Medallion.Aws.Http;
using Medallion.Testing.Moto;

namespace Medallion.Aws.Tests.Emr;

[Collection(MotoCollection.Name)]
public sealed class EmrServerlessClientTests(MotoServer moto)
{
    private static readonly AwsModel Model = AwsModel.Load("emr-serverless-2021-07-13.service-2.json");

    [Fact]
    public void Model_SigningNameAndProtocol_MatchClient()
    {
        Assert.Equal(EmrServerlessClient.SigningName, Model.Metadata("signingName"));
        Assert.Equal(EmrServerlessClient.EndpointPrefix, Model.Metadata("endpointPrefix"));
        Assert.Equal("rest-json", Model.Metadata("protocol"));
    }

    [Fact]
    public void Parse_EveryJobRunStateInModel_IsMapped()
    {
        var modelStates = Model.Enum(Model.MemberShape("JobRun", "state"));

        Assert.Equal(modelStates.Order(), EmrJobRunStates.WireNames.Order());
        Assert.All(modelStates, state => EmrJobRunStates.Parse(state));
        Assert.Equal(["SUCCESS", "FAILED", "CANCELLED"], modelStates.Where(s => EmrJobRunStates.Parse(s).IsTerminal()));
    }

    [Fact]
    public void Parse_UnknownState_ThrowsNamingIt()
    {
        var error = Assert.Throws<MedallionException>(() => EmrJobRunStates.Parse("HIBERNATING"));
        Assert.Contains("HIBERNATING", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartGetCancel_AgainstMoto_RequestsMatchModel()
    {
        using var clients = new MotoClients(moto);
        var applicationId = await clients.CreateApplicationAsync();
        var sut = clients.Sut.EmrServerless();
        clients.Recorder.Exchanges.Clear();

        var started = await sut.StartJobRunAsync(NewRequest(applicationId));
        await sut.GetJobRunAsync(applicationId, started.JobRunId);
        await sut.CancelJobRunAsync(applicationId, started.JobRunId);

        string[] operations = ["StartJobRun", "GetJobRun", "CancelJobRun"];
        foreach (var (operation, exchange) in operations.Zip(clients.Recorder.Exchanges))
        {
            var (method, uriTemplate) = Model.Http(operation);
            Assert.Equal(method, exchange.Method.Method);
            Assert.Matches(UriPattern(uriTemplate), exchange.Uri.AbsolutePath);
            AssertBodyMatches(Model.InputShape(operation), exchange.Body);
            Assert.Equal(200, exchange.Status);
            AssertHasRequired(Model.OutputShape(operation), exchange.Answer);
        }

        // moto leaves out some required JobRun members (createdBy, stateDetails); the client reads
        // only members the model requires, so the real service always sends them.
        using var jobRun = JsonDocument.Parse(clients.Recorder.Exchanges[1].Answer);
        string[] read = ["applicationId", "jobRunId", "arn", "state"];
        Assert.All(read, name => Assert.Contains(name, Model.Required("JobRun")));
        Assert.All(read, name => Assert.True(jobRun.RootElement.GetProperty("jobRun").TryGetProperty(name, out _), name));
    }

    [Fact]
    public async Task StartJobRun_ClientTokenAndDriver_ReachTheService()
    {
        using var clients = new MotoClients(moto);
        var applicationId = await clients.CreateApplicationAsync();
        var sut = clients.Sut.EmrServerless();

        var started = await sut.StartJobRunAsync(NewRequest(applicationId));

        using var sent = JsonDocument.Parse(clients.Recorder.Exchanges[^1].Body);
        var root = sent.RootElement;
        Assert.Equal("token-1", root.GetProperty("clientToken").GetString());
        var spark = root.GetProperty("jobDriver").GetProperty("sparkSubmit");
        Assert.Equal("s3://artifacts/microsoft-spark-3-5_2.12-2.3.1.jar", spark.GetProperty("entryPoint").GetString());
        Assert.Equal("s3://logs/", root.GetProperty("configurationOverrides").GetProperty("monitoringConfiguration").GetProperty("s3MonitoringConfiguration").GetProperty("logUri").GetString());
        Assert.Equal(applicationId, started.ApplicationId);
        Assert.Matches("^[0-9a-z]+$", started.JobRunId);
    }

    [Fact]
    public async Task GetJobRun_UnknownRun_ThrowsNotTransientNamingTheCall()
    {
        using var clients = new MotoClients(moto);
        var applicationId = await clients.CreateApplicationAsync();
        await clients.Sut.EmrServerless().StartJobRunAsync(NewRequest(applicationId));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => clients.Sut.EmrServerless().GetJobRunAsync(applicationId, "00nosuchrun"));

        Assert.False(error.IsTransient);
        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.Contains($"emr-serverless GET /applications/{applicationId}/jobruns/00nosuchrun", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(MotoServer.SecretKey, error.Message, StringComparison.Ordinal);
    }

    internal static EmrJobRunRequest NewRequest(string applicationId) => new(
        applicationId, "token-1", "arn:aws:iam::123456789012:role/medallion-job", "shop-bronze",
        "s3://artifacts/microsoft-spark-3-5_2.12-2.3.1.jar", ["s3://artifacts/medallion-spark.zip", "Medallion.Jobs.Spark"],
        "--class org.apache.spark.deploy.dotnet.DotnetRunner", "s3://logs/");

    /// <summary><c>/applications/{applicationId}/jobruns</c> → a pattern where each <c>{…}</c> is one path segment.</summary>
    private static string UriPattern(string template) => "^" + Regex.Replace(Regex.Escape(template.Split('?')[0]), @"\\\{[^}]+}", "[^/]+") + "$";

    /// <summary>Every body member is in the model, and every required member not carried in the URI is present.</summary>
    private static void AssertBodyMatches(string shape, string body)
    {
        var members = Model.Shape(shape).GetProperty("members");
        var inBody = members.EnumerateObject().Where(m => !m.Value.TryGetProperty("location", out _)).Select(m => m.Name).ToHashSet();
        var sent = body.Length == 0 ? [] : JsonDocument.Parse(body).RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(sent, name => Assert.Contains(name, inBody));
        Assert.All(Model.Required(shape).Where(inBody.Contains), name => Assert.Contains(name, sent));
    }

    private static void AssertHasRequired(string shape, string answer)
    {
        using var document = JsonDocument.Parse(answer);
        Assert.All(Model.Required(shape), name => Assert.True(document.RootElement.TryGetProperty(name, out _), $"{shape} answer lacks required '{name}'"));
    }
}
