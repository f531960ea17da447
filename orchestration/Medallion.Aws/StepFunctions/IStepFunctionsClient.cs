namespace Medallion.Aws.StepFunctions;

/// <summary>The Step Functions calls Medallion needs.</summary>
/// <remarks>Every call throws <see cref="Http.AwsServiceException"/> when the service refuses or cannot be reached after retries.</remarks>
public interface IStepFunctionsClient
{
    /// <summary>Starts an execution named <paramref name="name"/> (the run key) and returns its ARN.</summary>
    Task<string> StartExecutionAsync(string stateMachineArn, string name, string input, CancellationToken cancellationToken = default);

    Task<SfnExecution> DescribeExecutionAsync(string executionArn, CancellationToken cancellationToken = default);

    /// <summary>The ARN of the state machine called <paramref name="name"/>, or null when there is none.</summary>
    Task<string?> FindStateMachineAsync(string name, CancellationToken cancellationToken = default);
}
