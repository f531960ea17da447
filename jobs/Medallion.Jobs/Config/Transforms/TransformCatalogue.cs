namespace Medallion.Jobs.Config.Transforms;

/// <summary>
/// Every transform kind, once. The parser finds kinds here and lists them, in this order, when a
/// YAML key names none; adding a kind is one line here (see CONTRIBUTING.md).
/// </summary>
internal static class TransformCatalogue
{
    public static IReadOnlyList<TransformKind> All { get; } =
    [
        TransformKind.Of<DropTransform>(),
        TransformKind.Of<RenameTransform>(),
        TransformKind.Of<CastTransform>(),
        TransformKind.Of<SplitDateTransform>(),
        TransformKind.Of<DecodeHtmlTransform>(),
        TransformKind.Of<ReplaceTransform>(),
        TransformKind.Of<TrimTransform>(),
        TransformKind.Of<EmptyToNullTransform>(),
        TransformKind.Of<DeriveTransform>(),
        TransformKind.Of<FilterTransform>(),
        TransformKind.Of<DeduplicateTransform>(),
        TransformKind.Of<HashTransform>(),
    ];

    /// <summary>The kind names, for "kinds are: …" in messages.</summary>
    public static string Names { get; } = string.Join(", ", All.Select(k => k.Name));

    public static TransformKind? Find(string name) => All.FirstOrDefault(k => k.Name == name);
}
