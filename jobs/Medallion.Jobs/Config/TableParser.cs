using Medallion.Jobs.Config.Casting;
using Medallion.Jobs.Config.Rules;
using Medallion.Jobs.Config.Transforms;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config;

/// <summary>Parses one item of <c>tables</c>, then checks its column flow.</summary>
internal sealed class TableParser
{
    /// <summary>The value of <c>validation:</c> that opts a table out of the default gate thresholds.</summary>
    internal const string NoValidation = "none";

    internal static readonly Dictionary<string, SchemaEvolutionMode> SchemaEvolutions = new(StringComparer.Ordinal)
    {
        ["fail"] = SchemaEvolutionMode.Fail,
        ["add_columns"] = SchemaEvolutionMode.AddColumns,
    };

    internal static readonly Dictionary<string, IngestionMode> Ingestions = new(StringComparer.Ordinal)
    {
        ["incremental"] = IngestionMode.Incremental,
        ["full"] = IngestionMode.Full,
    };

    internal static readonly string[] AllowedKeys =
    [
        "name", "schema_version", "schema_evolution", "source", "columns", "primary_key", "partition_by",
        "transforms", "rules", "validation", "promotion", "ingestion",
    ];

    private readonly ConfigReader _reader;
    private readonly SourceParser _sources;
    private readonly TransformParser _transforms;
    private readonly RuleParser _rules;

    public TableParser(ConfigReader reader)
    {
        _reader = reader;
        _sources = new SourceParser(reader);
        _transforms = new TransformParser(reader);
        _rules = new RuleParser(reader);
    }

    public TableSpec? Parse(YamlNode node)
    {
        if (_reader.Mapping(node, "each entry of `tables`") is not { } map)
        {
            return null;
        }

        var values = _reader.Keys(map, "a table", AllowedKeys);
        var name = "";
        if (_reader.Required(map, values, "name", "a table") is { } nameNode && _reader.String(nameNode, "`name`") is { } written)
        {
            name = written;
            ConfigNames.CheckDatasetOrTable(_reader, nameNode, "table", name);
        }

        var what = name.Length > 0 ? $"table `{name}`" : "a table";
        var schemaVersion = "v1";
        if (ConfigReader.Optional(values, "schema_version") is { } versionNode && _reader.String(versionNode, "`schema_version`") is { } version)
        {
            schemaVersion = version;
            if (!ConfigNames.IsSchemaVersion(version))
            {
                _reader.Error(versionNode, $"`schema_version` must look like v1, v2, ... (it is part of the lake path), found `{version}`");
            }
        }

        var schemaEvolution = ConfigReader.Optional(values, "schema_evolution") is { } evolutionNode
            ? _reader.Choice(evolutionNode, "`schema_evolution`", SchemaEvolutions) ?? SchemaEvolutionMode.Fail
            : SchemaEvolutionMode.Fail;
        var source = _reader.Required(map, values, "source", what) is { } sourceNode ? _sources.Parse(sourceNode) : null;

        // The column flow is traced even when a column or transform has errors, so that every error
        // shows in one run; only what cannot be known is left out: a column without a name, and the
        // steps after a transform that could not be read (a missing column there may be one it makes).
        var (columns, everyColumnNamed) = _reader.Required(map, values, "columns", what) is { } columnsNode ? ParseColumns(columnsNode) : ([], false);
        var (transforms, readableTransforms) = ConfigReader.Optional(values, "transforms") is { } transformsNode
            ? _transforms.ParseList(transformsNode)
            : ([], null);

        var (primaryKey, primaryKeyLocations) = ColumnList(values, "primary_key");
        var (partitionBy, partitionByLocations) = ColumnList(values, "partition_by");
        var rules = ConfigReader.Optional(values, "rules") is { } rulesNode ? _rules.ParseList(rulesNode, transforms, partitionBy) : [];
        var validation = ConfigReader.Optional(values, "validation") is { } validationNode ? ParseValidation(validationNode) : ValidationSpec.Default;
        var ingestion = ConfigReader.Optional(values, "ingestion") is { } ingestionNode
            ? _reader.Choice(ingestionNode, "`ingestion`", Ingestions) ?? IngestionMode.Incremental
            : IngestionMode.Incremental;
        var promotions = new PromotionParser(_reader);
        var (promotion, merge) = promotions.Parse(ConfigReader.Optional(values, "promotion"), ingestion, primaryKey.Count > 0, what);

        // A broken source has been reported already; the placeholder lets the column flow still be
        // checked, and the loader never hands out a table from a file with errors.
        source ??= new SourceSpec("", SourceFormat.Json, CsvOptions.Default, _reader.At(map));
        var table = new TableSpec(name, schemaVersion, source, columns, primaryKey, transforms, rules, partitionBy, validation, promotion, _reader.At(map))
        {
            Ingestion = ingestion,
            PartitionByLocations = partitionByLocations,
            PrimaryKeyLocations = primaryKeyLocations,
            Merge = merge,
            SchemaEvolution = schemaEvolution,
        };
        if (everyColumnNamed)
        {
            var traced = readableTransforms is { } count ? table with { Transforms = [.. transforms.Take(count)] } : table;
            var flow = ColumnFlow.Trace(traced, checkSilver: readableTransforms is null);
            foreach (var error in flow.Errors)
            {
                _reader.Error(error.Location, error.Message);
            }

            CheckFragments(traced, flow, checkRules: readableTransforms is null);
            promotions.Check(table, flow.Errors.Count == 0 && readableTransforms is null ? flow.Silver : null);
        }
        else
        {
            promotions.Check(table, silver: null);
        }

        return table;
    }

    /// <summary>Each SQL fragment binds against the columns that exist where it runs: a transform's, those before it; a rule's, the silver columns.</summary>
    private void CheckFragments(TableSpec table, ColumnFlowResult flow, bool checkRules)
    {
        for (var index = 0; index < table.Transforms.Count; index++)
        {
            var transform = table.Transforms[index];
            var before = index == 0 ? flow.Bronze : flow.AfterTransform[index - 1];
            _reader.CheckFragmentColumns(transform.Fragments, before, transform.Kind);
        }

        foreach (var rule in checkRules ? table.Rules : [])
        {
            _reader.CheckFragmentColumns(rule.Fragments, flow.Silver, $"rule `{rule.Name}` ({rule.Kind})");
            foreach (var error in rule.CheckSettings(flow.Silver, _reader.Fragments))
            {
                _reader.Error(error.Location, error.Message);
            }
        }
    }

    /// <returns>The columns, and false when one could not be named (the column flow then cannot be traced).</returns>
    private (List<ColumnSpec> Columns, bool EveryColumnNamed) ParseColumns(YamlNode node)
    {
        var columns = new List<ColumnSpec>();
        if (_reader.Sequence(node, "`columns`") is not { } sequence)
        {
            return (columns, false);
        }

        var everyColumnNamed = true;

        if (sequence.Children.Count == 0)
        {
            _reader.Error(sequence, "`columns` must list at least one column");
        }

        foreach (var item in sequence.Children)
        {
            if (ParseColumn(item) is not { } column)
            {
                everyColumnNamed = false;
                continue;
            }

            // SQL engines treat column names case-insensitively, so `Id` and `id` would collide.
            if (columns.FirstOrDefault(c => string.Equals(c.Name, column.Name, StringComparison.OrdinalIgnoreCase)) is { } first)
            {
                _reader.Error(column.Location, $"duplicate column name `{column.Name}`; `{first.Name}` is already declared at {first.Location}");
                continue;
            }

            columns.Add(column);
        }

        return (columns, everyColumnNamed);
    }

    private ColumnSpec? ParseColumn(YamlNode node)
    {
        if (_reader.Mapping(node, "each entry of `columns`") is not { } map)
        {
            return null;
        }

        var values = _reader.Keys(map, "a column", ["name", "type", "field", "required", .. CastOptions.Keys]);
        string? name = null;
        if (_reader.Required(map, values, "name", "a column") is { } nameNode && _reader.String(nameNode, "`name`") is { } written)
        {
            name = written;
            ConfigNames.CheckColumn(_reader, nameNode, name, readsField: ConfigReader.Optional(values, "field") is not null);
        }

        var what = name is null ? "a column" : $"column `{name}`";
        var type = _reader.Required(map, values, "type", what) is { } typeNode ? ParseType(typeNode, what) : null;
        var field = ConfigReader.Optional(values, "field") is { } fieldNode ? _reader.String(fieldNode, "`field`") : null;
        var cast = type is null ? CastOptions.Default : CastOptionsParser.Parse(_reader, values, type, what);
        var required = ConfigReader.Optional(values, "required") is { } requiredNode ? _reader.Bool(requiredNode, "`required`") ?? true : true;
        // A column whose type is unreadable (reported already) still takes part in the column flow,
        // typed as unknown, so the steps that use it are checked too.
        return name is null
            ? null
            : new ColumnSpec(name, type ?? ColumnType.String, field ?? name, _reader.At(map)) { Cast = cast, TypeUnknown = type is null, Required = required };
    }

    /// <summary>A column type, or null with an error listing the accepted spellings.</summary>
    public static ColumnType? ParseType(ConfigReader reader, YamlNode node, string what)
    {
        if (reader.String(node, $"the type of {what}") is not { } text)
        {
            return null;
        }

        if (ColumnType.TryParse(text) is { } type)
        {
            return type;
        }

        var hint = ConfigReader.IsSplitDecimalHead(text)
            ? "; inside { } the comma splits an unquoted decimal(p,s), so quote it: \"decimal(18,2)\""
            : "";
        reader.Error(node, $"{what} has unknown type `{text}`; expected {ColumnType.Expected}{hint}");
        return null;
    }

    private ColumnType? ParseType(YamlNode node, string what) => ParseType(_reader, node, what);

    private (List<string> Names, List<SourceLocation> Locations) ColumnList(Dictionary<string, YamlNode> values, string key)
    {
        if (ConfigReader.Optional(values, key) is not { } node || _reader.StringList(node, $"`{key}`", allowEmpty: true) is not { } items)
        {
            return ([], []);
        }

        return (items.Select(i => i.Value).ToList(), items.Select(i => _reader.At(i.Node)).ToList());
    }

    /// <summary>
    /// The gate: <c>validation: none</c> opts out of the thresholds; in a mapping, a key not written
    /// keeps its safe default (<see cref="ValidationSpec.Default"/>), so setting one never drops the others.
    /// </summary>
    private ValidationSpec ParseValidation(YamlNode node)
    {
        if (node is YamlScalarNode { Value: NoValidation })
        {
            return ValidationSpec.None;
        }

        if (node is YamlScalarNode || _reader.Mapping(node, "`validation`") is not { } map)
        {
            if (node is YamlScalarNode)
            {
                _reader.Error(node, $"`validation` must be a mapping (min_rows, max_quarantine_ratio, max_row_change_ratio) or `{NoValidation}` to opt out of the default gate, found {ConfigReader.Describe(node)}");
            }

            return ValidationSpec.Default;
        }

        var values = _reader.Keys(map, "`validation`", "min_rows", "max_quarantine_ratio", "max_row_change_ratio");
        var spec = ValidationSpec.Default;
        if (ConfigReader.Optional(values, "min_rows") is { } minNode && _reader.Long(minNode, "`min_rows`", 0) is { } minRows)
        {
            spec = spec with { MinRows = minRows };
        }

        if (ConfigReader.Optional(values, "max_quarantine_ratio") is { } quarantineNode
            && _reader.Double(quarantineNode, "`max_quarantine_ratio`", 0, 1) is { } quarantine)
        {
            spec = spec with { MaxQuarantineRatio = quarantine };
        }

        // A change ratio may exceed 1: 2 allows the row count to triple.
        if (ConfigReader.Optional(values, "max_row_change_ratio") is { } changeNode
            && _reader.Double(changeNode, "`max_row_change_ratio`", 0) is { } change)
        {
            spec = spec with { MaxRowChangeRatio = change };
        }

        return spec;
    }
}
