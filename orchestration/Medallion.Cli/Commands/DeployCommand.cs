using System.CommandLine;
using Medallion.Aws.Deploy;

namespace Medallion.Cli.Commands;

/// <summary><c>medallion deploy render</c>: writes the CloudFormation template and the state machine of an environment.</summary>
internal static class DeployCommand
{
    public static Command Create(CliContext context)
    {
        var environment = CommonOptions.Environment();
        var output = new Option<string>("--out", "-o") { Description = "The folder to write the template and state machine to.", Required = true };
        var render = new Command("render", "Write the environment's CloudFormation template and its Step Functions state machine (ASL).")
        {
            environment, output,
        };
        render.SetAction(async parseResult =>
        {
            var configuration = CliContext.LoadConfiguration(parseResult.GetValue(CommonOptions.Conf)!);
            var rendered = DeployRenderer.Render(configuration, parseResult.GetValue(environment), parseResult.GetValue(output)!);
            await context.Output.WriteLineAsync($"template       {rendered.Template}");
            await context.Output.WriteLineAsync($"state machine  {rendered.StateMachine}");
            return ExitCodes.Success;
        });
        return new Command("deploy", "Deployment templates for scheduled runs on AWS.") { render };
    }
}
