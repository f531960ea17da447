using System.Text.Json.Nodes;
using Medallion.Aws.StepFunctions;

namespace Medallion.Aws.Tests.StepFunctions;

/// <summary>Creates state machines in moto (the template does this in real accounts).</summary>
internal static class StateMachines
{
    public static async Task<string> CreateAsync(MotoClients clients, string name)
    {
        var transport = clients.Sut.Transport(StepFunctionsClient.EndpointPrefix, StepFunctionsClient.SigningName);
        var answer = await transport.SendAsync(HttpMethod.Post, "", new JsonObject
        {
            ["name"] = name,
            ["definition"] = """{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}""",
            ["roleArn"] = "arn:aws:iam::123456789012:role/medallion-states",
        }, StepFunctionsClient.ContentType, new Dictionary<string, string> { ["X-Amz-Target"] = "AWSStepFunctions.CreateStateMachine" });
        return answer.GetProperty("stateMachineArn").GetString()!;
    }
}
