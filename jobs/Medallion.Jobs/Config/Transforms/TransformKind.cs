using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config.Transforms;

/// <summary>One entry of <see cref="TransformCatalogue"/>: a kind's YAML key, its type and its parser.</summary>
internal sealed record TransformKind(string Name, Type Type, Func<ConfigReader, YamlNode, SourceLocation, TransformSpec?> Parse)
{
    public static TransformKind Of<T>()
        where T : TransformSpec, ITransformKind => new(T.KindName, typeof(T), T.Parse);
}
