using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config.Transforms;

/// <summary>
/// What a transform kind tells the catalogue before any instance exists: its YAML key and how to
/// read the value under that key. Implemented by each <see cref="TransformSpec"/> record.
/// </summary>
internal interface ITransformKind
{
    /// <summary>The YAML key, e.g. <c>split_date</c>.</summary>
    static abstract string KindName { get; }

    /// <summary>Reads the value under the kind's key; null after reporting every error through <paramref name="reader"/>.</summary>
    /// <param name="at">Where the transform item starts: the location of the result.</param>
    static abstract TransformSpec? Parse(ConfigReader reader, YamlNode value, SourceLocation at);
}
