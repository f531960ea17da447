using System.Text.Json.Nodes;

namespace Medallion.Aws.Tests.Deploy;

/// <summary>
/// Evaluates a rendered Choice state against an input as Step Functions does: rules in order, the
/// first that matches gives the next state, else <c>Default</c>. Only the operators the rendered
/// state machine uses (<c>Not</c>, <c>And</c>, <c>Or</c>, <c>IsPresent</c>, <c>IsString</c>,
/// <c>StringEquals</c>, <c>NumericGreaterThan</c>); a comparison on a missing path throws, as it
/// is a <c>States.Runtime</c> error in Step Functions, so a rule order that reads a missing value fails the test.
/// </summary>
internal static class ChoiceRules
{
    public static string Next(JsonNode choice, JsonNode input)
    {
        foreach (var rule in choice["Choices"]!.AsArray())
        {
            if (Matches(rule!, input))
            {
                return rule!["Next"]!.GetValue<string>();
            }
        }

        return choice["Default"]?.GetValue<string>() ?? throw new InvalidOperationException("No rule matched and the Choice has no Default: States.NoChoiceMatched.");
    }

    private static bool Matches(JsonNode rule, JsonNode input)
    {
        if (rule["Not"] is { } not)
        {
            return !Matches(not, input);
        }

        if (rule["And"] is { } and)
        {
            return and.AsArray().All(r => Matches(r!, input));
        }

        if (rule["Or"] is { } or)
        {
            return or.AsArray().Any(r => Matches(r!, input));
        }

        var path = rule["Variable"]!.GetValue<string>();
        var found = TryRead(input, path, out var value);
        if (rule["IsPresent"] is { } present)
        {
            return found == present.GetValue<bool>();
        }

        if (!found)
        {
            throw new InvalidOperationException($"States.Runtime: the Choice reads {path}, which the input does not have.");
        }

        var isString = value is JsonValue text && text.TryGetValue<string>(out _);
        if (rule["IsString"] is { } stringTest)
        {
            return isString == stringTest.GetValue<bool>();
        }

        if (rule["StringEquals"] is { } equals)
        {
            return isString && value!.GetValue<string>() == equals.GetValue<string>();
        }

        if (rule["NumericGreaterThan"] is { } greater)
        {
            return value is JsonValue number && number.GetValueKind() == System.Text.Json.JsonValueKind.Number
                && double.Parse(number.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) > double.Parse(greater.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
        }

        throw new NotSupportedException($"A rule these tests do not evaluate: {rule.ToJsonString()}");
    }

    private static bool TryRead(JsonNode input, string path, out JsonNode? value)
    {
        value = input;
        foreach (var part in path[2..].Split('.'))
        {
            if (value is not JsonObject map || !map.TryGetPropertyValue(part, out value))
            {
                return false;
            }
        }

        return true;
    }
}
