using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config;

/// <summary>Turns the root node of <c>datasets/&lt;dataset&gt;.yaml</c> into a <see cref="DatasetSpec"/>.</summary>
internal sealed class DatasetParser
{
    /// <summary>The values of <c>trigger:</c>; a dataset without the key is started by its schedule and by hand only.</summary>
    internal static readonly Dictionary<string, DatasetTrigger> Triggers = new(StringComparer.Ordinal) { ["s3"] = DatasetTrigger.S3 };

    private readonly ConfigReader _reader;
    private readonly TableParser _tables;

    public DatasetParser(ConfigReader reader)
    {
        _reader = reader;
        _tables = new TableParser(reader);
    }

    /// <summary>The dataset, or null when it is too broken to build (the errors say why).</summary>
    public DatasetSpec? Parse(YamlNode root)
    {
        const string What = "the dataset file";
        if (_reader.Mapping(root, What) is not { } map)
        {
            return null;
        }

        var values = _reader.Keys(map, What, "dataset", "description", "schedule", "trigger", "tables");
        var name = "";
        if (_reader.Required(map, values, "dataset", What) is { } nameNode && _reader.String(nameNode, "`dataset`") is { } written)
        {
            name = written;
            ConfigNames.CheckDatasetOrTable(_reader, nameNode, "dataset", name);
            var expected = Path.GetFileNameWithoutExtension(_reader.File);
            if (name != expected)
            {
                _reader.Error(nameNode, $"dataset `{name}` does not match its file name `{Path.GetFileName(_reader.File)}`; expected `dataset: {expected}` or a file named {name}.yaml");
            }
        }

        var description = ConfigReader.Optional(values, "description") is { } descriptionNode ? _reader.String(descriptionNode, "`description`") : null;
        var schedule = ConfigReader.Optional(values, "schedule") is { } scheduleNode ? _reader.String(scheduleNode, "`schedule`") : null;
        var trigger = ConfigReader.Optional(values, "trigger") is { } triggerNode ? _reader.Choice(triggerNode, "`trigger`", Triggers) ?? DatasetTrigger.None : DatasetTrigger.None;
        var tables = new List<TableSpec>();
        if (_reader.Required(map, values, "tables", What) is { } tablesNode && _reader.Sequence(tablesNode, "`tables`") is { } sequence)
        {
            if (sequence.Children.Count == 0)
            {
                _reader.Error(sequence, "`tables` must list at least one table");
            }

            foreach (var item in sequence.Children)
            {
                if (_tables.Parse(item) is { } table)
                {
                    CheckUnique(tables, table);
                    tables.Add(table);
                }
            }
        }

        return new DatasetSpec(name, description, schedule, tables, _reader.At(map), trigger);
    }

    private void CheckUnique(List<TableSpec> tables, TableSpec table)
    {
        if (table.Name.Length > 0 && tables.FirstOrDefault(t => t.Name == table.Name) is { } first)
        {
            _reader.Error(table.Location, $"duplicate table name `{table.Name}`; it is already defined at {first.Location}");
        }
    }
}
