using Medallion.Jobs.Config.Casting;
using Medallion.Jobs.Config.Rules;
using Medallion.Jobs.Config.Transforms;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config;

/// <summary>Parses one item of <c>tables</c>, then checks its column flow.</summary>
internal sealed class TableParser
{
    internal static readonly Dictionary<string, PromotionMode> Promotions = new(StringComparer.Ordinal)
    {
        ["replace_partitions"] = PromotionMode.ReplacePartitions,
        ["replace_all"] = PromotionMode.ReplaceAll,
        ["append"] = PromotionMode.Append,
    };

    internal static readonly Dictionary<string, IngestionMode> Ingestions = new(StringComparer.Ordinal)
    {
        ["incremental"] = IngestionMode.Incremental,
        ["full"] = IngestionMode.Full,
    };

    internal static readonly string[] AllowedKeys =
    [
        "name", "schema_version", "source", "columns", "primary_key", "partition_by",
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

        var source = _reader.Required(map, values, "source", what) is { } sourceNode ? _sources.Parse(sourceNode) : null;

        // Column flow only makes sense when every column and transform was understood: a skipped
        // column or transform would surface as misleading "unknown column" errors further down.
        var errorsBeforeFlowInputs = _reader.ErrorCount;
        var columns = _reader.Required(map, values, "columns", what) is { } columnsNode ? ParseColumns(columnsNode) : [];
        var transforms = ConfigReader.Optional(values, "transforms") is { } transformsNode ? _transforms.ParseList(transformsNode) : [];
        var flowInputsClean = _reader.ErrorCount == errorsBeforeFlowInputs;

        var (primaryKey, primaryKeyLocations) = ColumnList(values, "primary_key");
        var (partitionBy, partitionByLocations) = ColumnList(values, "partition_by");
        var rules = ConfigReader.Optional(values, "rules") is { } rulesNode ? _rules.ParseList(rulesNode, transforms, partitionBy) : [];
        var validation = ConfigReader.Optional(values, "validation") is { } validationNode ? ParseValidation(validationNode) : ValidationSpec.Default;
        var ingestion = ConfigReader.Optional(values, "ingestion") is { } ingestionNode
            ? _reader.Choice(ingestionNode, "`ingestion`", Ingestions) ?? IngestionMode.Incremental
            : IngestionMode.Incremental;
        var promotion = ParsePromotion(ConfigReader.Optional(values, "promotion"), ingestion, what);

        // A broken source has been reported already; the placeholder lets the column flow still be
        // checked, and the loader never hands out a table from a file with errors.
        source ??= new SourceSpec("", SourceFormat.Json, CsvOptions.Default, _reader.At(map));
        var table = new TableSpec(name, schemaVersion, source, columns, primaryKey, transforms, rules, partitionBy, validation, promotion, _reader.At(map))
        {
            Ingestion = ingestion,
            PartitionByLocations = partitionByLocations,
            PrimaryKeyLocations = primaryKeyLocations,
        };
        if (flowInputsClean)
        {
            var flow = ColumnFlow.Trace(table);
            foreach (var error in flow.Errors)
            {
                _reader.Error(error.Location, error.Message);
            }

            CheckFragments(table, flow);
        }

        return table;
    }

    /// <summary>
    /// The promotion mode, by default the one that is safe with the ingestion mode (issue 13): a run
    /// that reads only new raw files holds only some rows of each partition it covers, so replacing
    /// partitions (or the table) with its rows would drop the rows earlier runs promoted.
    /// </summary>
    private PromotionMode ParsePromotion(YamlNode? node, IngestionMode ingestion, string what)
    {
        var safe = ingestion == IngestionMode.Incremental ? PromotionMode.Append : PromotionMode.ReplacePartitions;
        if (node is null || _reader.Choice(node, "`promotion`", Promotions) is not { } promotion)
        {
            return safe;
        }

        if (ingestion == IngestionMode.Incremental && promotion is PromotionMode.ReplacePartitions or PromotionMode.ReplaceAll)
        {
            var name = Promotions.First(p => p.Value == promotion).Key;
            _reader.Error(node,
                $"`promotion: {name}` of {what} would lose rows with `ingestion: incremental` (the default): a run reads only the raw files " +
                $"that are new, so replacing {(promotion == PromotionMode.ReplaceAll ? "the table" : "the partitions it covers")} with its rows drops the rows " +
                "earlier runs promoted there. Use `promotion: append` (or `merge` with a `primary_key`), or `ingestion: full` to read every raw file each run");
        }

        return promotion;
    }

    /// <summary>Each SQL fragment binds against the columns that exist where it runs: a transform's, those before it; a rule's, the silver columns.</summary>
    private void CheckFragments(TableSpec table, ColumnFlowResult flow)
    {
        for (var index = 0; index < table.Transforms.Count; index++)
        {
            var transform = table.Transforms[index];
            var before = index == 0 ? flow.Bronze : flow.AfterTransform[index - 1];
            _reader.CheckFragmentColumns(transform.Fragments, before, transform.Kind);
        }

        foreach (var rule in table.Rules)
        {
            _reader.CheckFragmentColumns(rule.Fragments, flow.Silver, $"rule `{rule.Name}` ({rule.Kind})");
        }
    }

    private List<ColumnSpec> ParseColumns(YamlNode node)
    {
        var columns = new List<ColumnSpec>();
        if (_reader.Sequence(node, "`columns`") is not { } sequence)
        {
            return columns;
        }

        if (sequence.Children.Count == 0)
        {
            _reader.Error(sequence, "`columns` must list at least one column");
        }

        foreach (var item in sequence.Children)
        {
            if (ParseColumn(item) is not { } column)
            {
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

        return columns;
    }

    private ColumnSpec? ParseColumn(YamlNode node)
    {
        if (_reader.Mapping(node, "each entry of `columns`") is not { } map)
        {
            return null;
        }

        var values = _reader.Keys(map, "a column", ["name", "type", "field", .. CastOptions.Keys]);
        string? name = null;
        if (_reader.Required(map, values, "name", "a column") is { } nameNode && _reader.String(nameNode, "`name`") is { } written)
        {
            name = written;
            ConfigNames.CheckColumn(_reader, nameNode, name);
        }

        var what = name is null ? "a column" : $"column `{name}`";
        var type = _reader.Required(map, values, "type", what) is { } typeNode ? ParseType(typeNode, what) : null;
        var field = ConfigReader.Optional(values, "field") is { } fieldNode ? _reader.String(fieldNode, "`field`") : null;
        var cast = type is null ? CastOptions.Default : CastOptionsParser.Parse(_reader, values, type, what);
        return name is null || type is null ? null : new ColumnSpec(name, type, field ?? name, _reader.At(map)) { Cast = cast };
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

    private ValidationSpec ParseValidation(YamlNode node)
    {
        if (_reader.Mapping(node, "`validation`") is not { } map)
        {
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
