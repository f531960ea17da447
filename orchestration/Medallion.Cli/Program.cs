namespace Medallion.Cli;

internal static class Program
{
    public static Task<int> Main(string[] args) =>
        MedallionCli.RunAsync(args, Console.Out, Console.Error, TimeProvider.System);
}
