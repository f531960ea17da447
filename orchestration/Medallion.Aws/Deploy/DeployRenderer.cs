using System.Text.Json;
using System.Text.Json.Nodes;
using Medallion.Jobs.Config;

namespace Medallion.Aws.Deploy;

/// <summary><c>medallion deploy render</c>: writes the environment's CloudFormation template and its state machine (ASL).</summary>
public static class DeployRenderer
{
    // Intrinsic functions quote with ': written as \u0027 they are valid JSON but unreadable, and
    // tools that lex the definition text (moto's ASL parser) do not decode the escape.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The files written.</summary>
    public sealed record Rendered(string Template, string StateMachine);

    /// <exception cref="ConfigurationException">The environment lacks what a deployment needs (S3 lake and raw roots, artifacts prefix, release label).</exception>
    public static Rendered Render(MedallionConfiguration configuration, string? environmentName, string outputDirectory)
    {
        var environment = AwsEnvironment.Resolve(configuration, environmentName, AwsEnvironment.Setting.ArtifactsPrefix, AwsEnvironment.Setting.ReleaseLabel);
        var template = CloudFormationTemplate.Build(configuration, environment);
        Directory.CreateDirectory(outputDirectory);
        var rendered = new Rendered(
            Path.Combine(outputDirectory, $"medallion-{environment.Name}.template.json"),
            Path.Combine(outputDirectory, $"medallion-{environment.Name}.asl.json"));
        Write(rendered.Template, template);
        Write(rendered.StateMachine, StateMachineDefinition.Build(configuration, environment));
        return rendered;
    }

    private static void Write(string path, JsonNode content) => File.WriteAllText(path, content.ToJsonString(Indented) + "\n");
}
