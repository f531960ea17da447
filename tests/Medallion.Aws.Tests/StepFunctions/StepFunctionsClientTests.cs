using System.Text.Json;
using Medallion.Aws.StepFunctions;
using Medallion.Testing.Moto;

namespace Medallion.Aws.Tests.StepFunctions;

[Collection(MotoCollection.Name)]
public sealed class StepFunctionsClientTests(MotoServer moto)
{
    private static readonly AwsModel Model = AwsModel.Load("stepfunctions-2016-11-23.service-2.json");

    [Fact]
    public void Model_ProtocolTargetAndSigningName_MatchClient()
    {
        // The model has no signingName, so SigV4 signs with the endpoint prefix.
        Assert.Equal(StepFunctionsClient.SigningName, Model.Metadata("endpointPrefix"));
        Assert.Equal(StepFunctionsClient.TargetPrefix, Model.Metadata("targetPrefix"));
        Assert.Equal("json", Model.Metadata("protocol"));
        Assert.Equal("1.0", Model.Metadata("jsonVersion"));
    }

    [Fact]
    public async Task StartAndDescribe_AgainstMoto_RequestsMatchModel()
    {
        using var clients = new MotoClients(moto);
        var stateMachineArn = await StateMachines.CreateAsync(clients, "medallion-sfn-shapes");
        var sut = clients.Sut.StepFunctions();
        clients.Recorder.Exchanges.Clear();

        var executionArn = await sut.StartExecutionAsync(stateMachineArn, "20261123T093000Z-abcdef", """{"dataset":"shop"}""");
        var execution = await sut.DescribeExecutionAsync(executionArn);

        Assert.Equal("20261123T093000Z-abcdef", execution.Name);
        Assert.Equal(stateMachineArn, execution.StateMachineArn);
        Assert.Contains(execution.Status, Model.Enum("ExecutionStatus"));
        string[] operations = ["StartExecution", "DescribeExecution"];
        foreach (var (operation, exchange) in operations.Zip(clients.Recorder.Exchanges))
        {
            Assert.Equal(Model.Http(operation), (exchange.Method.Method, exchange.Uri.AbsolutePath));
            Assert.Equal($"AWSStepFunctions.{operation}", exchange.Headers["X-Amz-Target"]);
            Assert.Equal(StepFunctionsClient.ContentType, exchange.Headers["Content-Type"]);
            using var sent = JsonDocument.Parse(exchange.Body);
            var members = Model.Members(Model.InputShape(operation));
            Assert.All(sent.RootElement.EnumerateObject(), p => Assert.Contains(p.Name, members));
            Assert.All(Model.Required(Model.InputShape(operation)), r => Assert.True(sent.RootElement.TryGetProperty(r, out _), r));
            using var answer = JsonDocument.Parse(exchange.Answer);
            Assert.All(Model.Required(Model.OutputShape(operation)), r => Assert.True(answer.RootElement.TryGetProperty(r, out _), r));
        }
    }

    [Fact]
    public async Task FindStateMachine_ByName_ReturnsArnOrNull()
    {
        using var clients = new MotoClients(moto);
        var arn = await StateMachines.CreateAsync(clients, "medallion-sfn-find");
        var sut = clients.Sut.StepFunctions();

        Assert.Equal(arn, await sut.FindStateMachineAsync("medallion-sfn-find"));
        Assert.Null(await sut.FindStateMachineAsync("medallion-sfn-none"));
    }
}
