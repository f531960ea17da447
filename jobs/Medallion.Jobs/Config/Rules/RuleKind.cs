using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config.Rules;

/// <summary>One entry of <see cref="RuleCatalogue"/>: a kind's YAML key, its type and its parser.</summary>
internal sealed record RuleKind(string Name, Type Type, Func<ConfigReader, YamlMappingNode, RuleHeader, RuleSpec?> Parse)
{
    public static RuleKind Of<T>()
        where T : RuleSpec, IRuleKind => new(T.KindName, typeof(T), T.Parse);
}
