using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config.Transforms;

/// <summary>
/// Parses a table's <c>transforms</c>: each item a mapping with exactly one key, which names a kind
/// in <see cref="TransformCatalogue"/>; that kind reads the value.
/// </summary>
internal sealed class TransformParser
{
    private readonly ConfigReader _reader;

    public TransformParser(ConfigReader reader) => _reader = reader;

    /// <returns>
    /// The transforms understood, and how many of them come before the first one that was not (null
    /// when every one was): the columns after an unreadable transform are unknown, so the column flow
    /// is traced only up to it.
    /// </returns>
    public (List<TransformSpec> Transforms, int? ReadableCount) ParseList(YamlNode node)
    {
        var transforms = new List<TransformSpec>();
        if (_reader.Sequence(node, "`transforms`") is not { } sequence)
        {
            return (transforms, 0);
        }

        int? readable = null;
        foreach (var item in sequence.Children)
        {
            if (Parse(item) is { } transform)
            {
                transforms.Add(transform);
            }
            else
            {
                readable ??= transforms.Count;
            }
        }

        return (transforms, readable);
    }

    private TransformSpec? Parse(YamlNode item)
    {
        if (_reader.Mapping(item, "each entry of `transforms`") is not { } map)
        {
            return null;
        }

        if (map.Children.Count != 1)
        {
            var found = map.Children.Count == 0 ? "none" : string.Join(", ", map.Children.Keys);
            _reader.Error(map, $"a transform must have exactly one key naming its kind, found {found}; kinds are: {TransformCatalogue.Names}");
            return null;
        }

        var (keyNode, value) = map.Children.Single();
        var name = keyNode is YamlScalarNode { Value: { } text } ? text : ConfigReader.Describe(keyNode);
        if (TransformCatalogue.Find(name) is not { } kind)
        {
            _reader.Error(keyNode, $"unknown transform `{name}`; kinds are: {TransformCatalogue.Names}");
            return null;
        }

        return kind.Parse(_reader, value, _reader.At(map));
    }
}
