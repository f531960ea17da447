using System.Text.Json;
using Medallion.Testing;

namespace Medallion.Aws.Tests;

/// <summary>An official AWS API model from <c>../shared/aws-models</c>.</summary>
internal sealed class AwsModel
{
    private readonly JsonElement _root;

    private AwsModel(JsonElement root) => _root = root;

    public static AwsModel Load(string file)
    {
        var path = Path.Combine(RepositoryPaths.SharedFolder("aws-models"), file);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return new AwsModel(document.RootElement.Clone());
    }

    public string Metadata(string name) => _root.GetProperty("metadata").GetProperty(name).GetString()!;

    public (string Method, string Uri) Http(string operation)
    {
        var http = _root.GetProperty("operations").GetProperty(operation).GetProperty("http");
        return (http.GetProperty("method").GetString()!, http.GetProperty("requestUri").GetString()!);
    }

    public string InputShape(string operation) => _root.GetProperty("operations").GetProperty(operation).GetProperty("input").GetProperty("shape").GetString()!;

    public string OutputShape(string operation) => _root.GetProperty("operations").GetProperty(operation).GetProperty("output").GetProperty("shape").GetString()!;

    public JsonElement Shape(string name) => _root.GetProperty("shapes").GetProperty(name);

    public IReadOnlyList<string> Required(string shape) =>
        Shape(shape).TryGetProperty("required", out var required) ? [.. required.EnumerateArray().Select(r => r.GetString()!)] : [];

    public IReadOnlyList<string> Members(string shape) => [.. Shape(shape).GetProperty("members").EnumerateObject().Select(m => m.Name)];

    public IReadOnlyList<string> Enum(string shape) => [.. Shape(shape).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!)];

    /// <summary>The shape a member of <paramref name="shape"/> refers to.</summary>
    public string MemberShape(string shape, string member) => Shape(shape).GetProperty("members").GetProperty(member).GetProperty("shape").GetString()!;
}
