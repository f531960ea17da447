using System.CommandLine;
using System.Globalization;
using Medallion.Jobs.Config;
using Medallion.Jobs.Config.Schema;
using Medallion.Jobs.Init;

namespace Medallion.Cli.Commands;

/// <summary>
/// <c>medallion init &lt;dataset&gt; --from &lt;file or glob&gt;</c>: drafts <c>conf/datasets/&lt;dataset&gt;.yaml</c>
/// from a sample (see <see cref="DatasetInit"/>). It never overwrites a file.
/// </summary>
internal static class InitCommand
{
    public static Command Create(CliContext context)
    {
        var dataset = CommonOptions.Dataset();
        var from = new Option<string[]>("--from", "-f")
        {
            Description = "The sample: a file, several, or a glob such as 'landing/orders/*.csv'.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var table = new Option<string?>("--table", "-t") { Description = "The table name (default: the sample file's name, or its folder's for several files)." };
        var format = new Option<string?>("--format") { Description = $"{string.Join(", ", InitSample.Formats.Keys)} (default: from the file extension)." };
        var rows = new Option<int>("--sample-rows") { Description = "How many rows to infer the types from.", DefaultValueFactory = _ => 1000 };
        var environment = CommonOptions.Environment();
        var command = new Command("init", "Write a dataset YAML from a sample file: columns and types inferred in DuckDB, a suggested primary key, commented not_null rules.")
        {
            dataset, from, table, format, rows, environment,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var conf = parseResult.GetValue(CommonOptions.Conf)!;
            var name = parseResult.GetValue(dataset)!;
            if (!DatasetInit.IsValidName(name))
            {
                throw new ArgumentException($"dataset name `{name}` is invalid; expected {DatasetInit.NamePattern} (lower case, digits, underscores)");
            }

            if (parseResult.GetValue(rows) < 1)
            {
                throw new ArgumentException("--sample-rows must be at least 1");
            }

            var target = Path.Combine(conf, ConfigLoader.DatasetsFolderName, name + ".yaml");
            if (File.Exists(target))
            {
                throw new ArgumentException($"{target} already exists; init never overwrites a file: remove it, or choose another dataset name");
            }

            var settings = ConfigLoader.LoadSettings(Path.Combine(conf, ConfigLoader.SettingsFileName));
            var environmentName = parseResult.GetValue(environment) ?? settings.DefaultEnvironment;
            if (!settings.Environments.TryGetValue(environmentName, out var spec))
            {
                throw new ArgumentException($"environment `{environmentName}` is not in medallion.yaml; environments are: {string.Join(", ", settings.Environments.Keys)}");
            }

            var sample = InitSample.Resolve(parseResult.GetValue(from)!, parseResult.GetValue(format));
            var tableName = parseResult.GetValue(table) ?? TableName(sample, name);
            if (!DatasetInit.IsValidName(tableName))
            {
                throw new ArgumentException($"table name `{tableName}` is invalid; expected {DatasetInit.NamePattern}; pass --table");
            }

            var underRawRoot = sample.PathUnder(spec.RawRoot);
            var sourcePath = underRawRoot ?? $"{name}/{sample.Glob}";
            var schema = SchemaFile(conf);
            var options = new InitOptions(name, tableName, sample.Files, sample.Format, sourcePath, schema.Reference, "medallion " + string.Join(" ", parseResult.Tokens.Select(t => t.Value)), parseResult.GetValue(rows));
            var draft = DatasetInit.Draft(options, spec.DuckDb, cancellationToken);

            if (!File.Exists(schema.Path))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(schema.Path)!);
                File.WriteAllText(schema.Path, ConfigSchemas.Dataset());
                context.Output.WriteLine($"Wrote {schema.Path} (the dataset YAML's JSON Schema: editors complete keys and flag typos).");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            // CreateNew: a file that appeared since the check above is still never overwritten.
            using (var stream = new FileStream(target, FileMode.CreateNew, FileAccess.Write))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(draft.Yaml);
            }

            var key = draft.PrimaryKey is null ? "no column is unique and never null, so no primary key is suggested" : $"suggested primary key: {draft.PrimaryKey}";
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {target}: table {tableName}, {draft.Columns} column(s) inferred from {draft.SampledRows} sampled row(s); {key}."));
            if (underRawRoot is null)
            {
                context.Output.WriteLine(
                    $"The sample is not under raw_root of environment `{spec.Name}` ({spec.RawRoot}): put the files in {spec.RawRoot.TrimEnd('/')}/{name}/ " +
                    $"(source.path is `{sourcePath}`), or edit source.path.");
            }

            context.Output.WriteLine($"Next: check the types and rules, then `medallion datasets` and `medallion run {name}`.");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static string TableName(InitSample sample, string dataset)
    {
        var stem = sample.Files.Count == 1
            ? Path.GetFileNameWithoutExtension(sample.Files[0])
            : Path.GetFileName(Path.GetDirectoryName(sample.Files[0])!);
        var name = TableNameFrom(stem);
        return name.Length > 0 && char.IsAsciiLetterLower(name[0]) ? name : dataset;
    }

    private static string TableNameFrom(string stem)
    {
        var name = new string(stem.ToLowerInvariant().Select(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) ? c : '_').ToArray()).Trim('_');
        return name.Length > 63 ? name[..63] : name;
    }

    /// <summary>
    /// The dataset schema beside the conf folder (<c>schemas/dataset.schema.json</c> in the project root,
    /// the conf folder's parent), and its path relative to the written YAML. It is written there when
    /// missing, so the reference always resolves.
    /// </summary>
    private static (string Path, string Reference) SchemaFile(string conf)
    {
        var fullConf = Path.GetFullPath(conf).TrimEnd(Path.DirectorySeparatorChar);
        var root = Path.GetDirectoryName(fullConf) ?? fullConf;
        var schema = Path.Combine(root, ConfigSchemas.Folder, ConfigSchemas.DatasetFileName);
        var datasets = Path.Combine(fullConf, ConfigLoader.DatasetsFolderName);
        return (schema, Path.GetRelativePath(datasets, schema).Replace(Path.DirectorySeparatorChar, '/'));
    }
}
