using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Medallion.Aws.Tests.Deploy;

/// <summary>
/// Evaluates the few intrinsic functions the rendered state machine uses — <c>States.Format</c>,
/// <c>States.Hash</c>, <c>States.Array</c>, <c>States.ArrayLength</c>, quoted literals, numbers and <c>$.</c>/<c>$$.</c> paths —
/// against a state input and a context object, as Step Functions would, so tests can compare
/// what an expression yields for two attempts of a state. moto's ASL interpreter cannot: its
/// context object has no <c>Execution.RedriveCount</c>, and it does not run EMR tasks.
/// </summary>
internal sealed class Intrinsics(JsonNode input, JsonNode context)
{
    private string _text = "";
    private int _at;

    public JsonNode? Evaluate(string expression)
    {
        (_text, _at) = (expression, 0);
        var value = Value();
        Skip();
        return _at == _text.Length ? value : throw new FormatException($"Unexpected '{_text[_at..]}' in {expression}.");
    }

    private JsonNode? Value()
    {
        Skip();
        if (_text[_at] == '\'')
        {
            var end = _text.IndexOf('\'', _at + 1);
            var literal = _text[(_at + 1)..end];
            _at = end + 1;
            return literal;
        }

        if (_text[_at] == '$')
        {
            var start = _at;
            while (_at < _text.Length && (char.IsLetterOrDigit(_text[_at]) || _text[_at] is '$' or '.' or '_'))
            {
                _at++;
            }

            return Path(_text[start.._at]);
        }

        if (char.IsAsciiDigit(_text[_at]))
        {
            var start = _at;
            while (_at < _text.Length && char.IsAsciiDigit(_text[_at]))
            {
                _at++;
            }

            return long.Parse(_text[start.._at], CultureInfo.InvariantCulture);
        }

        var open = _text.IndexOf('(', _at);
        var name = _text[_at..open];
        _at = open + 1;
        var arguments = new List<JsonNode?>();
        for (Skip(); _text[_at] != ')'; Skip())
        {
            arguments.Add(Value());
            Skip();
            if (_text[_at] == ',')
            {
                _at++;
            }
        }

        _at++;
        return name switch
        {
            "States.Format" => Format(arguments),
            "States.Hash" => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text(arguments[0])))),
            "States.Array" => new JsonArray([.. arguments.Select(a => a?.DeepClone())]),
            "States.ArrayLength" => arguments[0]!.AsArray().Count,
            _ => throw new NotSupportedException($"{name} is not an intrinsic these tests evaluate."),
        };
    }

    private JsonNode? Path(string path)
    {
        var (root, rest) = path.StartsWith("$$.", StringComparison.Ordinal) ? (context, path[3..]) : (input, path[2..]);
        JsonNode? node = root;
        foreach (var part in rest.Split('.'))
        {
            node = node?[part] ?? throw new KeyNotFoundException($"{path} does not exist (at '{part}').");
        }

        return node;
    }

    private static string Format(List<JsonNode?> arguments)
    {
        var template = Text(arguments[0]);
        var result = new StringBuilder();
        var next = 1;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '{' && i + 1 < template.Length && template[i + 1] == '}')
            {
                result.Append(Text(arguments[next++]));
                i++;
            }
            else
            {
                result.Append(template[i]);
            }
        }

        return result.ToString();
    }

    private static string Text(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        null => "null",
        _ => node.ToJsonString(),
    };

    private void Skip()
    {
        while (_at < _text.Length && _text[_at] == ' ')
        {
            _at++;
        }
    }
}
