using Medallion.Jobs.Engine.Spark;
using Microsoft.Spark.Sql;

namespace Medallion.Jobs.Spark;

/// <summary>
/// Runs bronze or silver for one table on Spark:
/// <c>--conf DIR --dataset D --table T --layer bronze|silver --run-key K --env E</c>.
/// Exit codes as <c>medallion run</c>: 0 success, 1 the run failed, 2 usage or configuration.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        SparkJobArguments arguments;
        JobSetup setup;
        try
        {
            arguments = SparkJobArguments.Parse(args);
            setup = JobSetup.Load(arguments, TimeProvider.System);
        }
        catch (Exception usage) when (usage is ArgumentException or Config.ConfigurationException)
        {
            await Console.Error.WriteLineAsync(usage.Message);
            return 2;
        }

        var builder = SparkSession.Builder().AppName($"medallion {arguments.Dataset}.{arguments.Table} {arguments.Layer} {arguments.RunKey}");
        foreach (var (key, value) in SparkSessionSettings.Values)
        {
            builder = builder.Config(key, value);
        }

        var spark = builder.GetOrCreate();
        try
        {
            return await setup.Ledger.RunAsync(arguments.Layer, () => arguments.Layer == "bronze"
                ? BronzeJob.RunAsync(spark, setup)
                : SilverJob.RunAsync(spark, setup)) ? 0 : 1;
        }
        finally
        {
            spark.Stop();
        }
    }
}
