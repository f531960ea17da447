using System.Text.Json.Nodes;
using Medallion.Delta.Schema;

namespace Medallion.Delta.Tests.Schema;

public sealed class DeltaSchemaTests
{
    [Fact]
    public void ToJson_EveryType_RoundTripsThroughParse()
    {
        var nested = new DeltaStructType([new DeltaField("d", DeltaPrimitiveType.Integer, Nullable: false)]);
        var fields = DeltaPrimitiveType.All.Select(type => new DeltaField($"c_{type.Name}", type))
            .Append(new DeltaField("amount", new DeltaDecimalType(38, 18), Nullable: false))
            .Append(new DeltaField("tags", new DeltaArrayType(DeltaPrimitiveType.String, containsNull: false)))
            .Append(new DeltaField("items", new DeltaArrayType(nested)))
            .Append(new DeltaField("attributes", new DeltaMapType(DeltaPrimitiveType.String, new DeltaArrayType(DeltaPrimitiveType.Long))))
            .Append(new DeltaField("b", nested, Metadata: new Dictionary<string, JsonNode?> { ["comment"] = "nested", ["delta.columnMapping.id"] = 7 }))
            .ToList();
        var sut = new DeltaSchema(fields);

        var json = sut.ToJson();
        var parsed = DeltaSchema.Parse(json);

        Assert.Equal(json, parsed.ToJson());
        Assert.Equal(fields.Select(field => field.Type.Name), parsed.Fields.Select(field => field.Type.Name));
        Assert.Equal(7, parsed.Find("b")!.Metadata["delta.columnMapping.id"]!.GetValue<int>());
    }

    [Fact]
    public void ToJson_ProtocolExample_IsExactlyTheProtocolShape()
    {
        const string Expected = """{"type":"struct","fields":[{"name":"a","type":"integer","nullable":false,"metadata":{}},{"name":"b","type":{"type":"struct","fields":[{"name":"d","type":"integer","nullable":false,"metadata":{}}]},"nullable":true,"metadata":{}},{"name":"c","type":{"type":"array","elementType":"integer","containsNull":false},"nullable":true,"metadata":{}},{"name":"f","type":{"type":"map","keyType":"string","valueType":"string","valueContainsNull":true},"nullable":true,"metadata":{}}]}""";
        var sut = new DeltaSchema([
            new DeltaField("a", DeltaPrimitiveType.Integer, Nullable: false),
            new DeltaField("b", new DeltaStructType([new DeltaField("d", DeltaPrimitiveType.Integer, Nullable: false)])),
            new DeltaField("c", new DeltaArrayType(DeltaPrimitiveType.Integer, containsNull: false)),
            new DeltaField("f", new DeltaMapType(DeltaPrimitiveType.String, DeltaPrimitiveType.String)),
        ]);

        Assert.Equal(Expected, sut.ToJson());
        Assert.Equal(Expected, DeltaSchema.Parse(Expected).ToJson());
    }

    [Fact]
    public void Parse_UnknownType_ThrowsUnsupportedNamingIt()
    {
        var exception = Assert.Throws<DeltaUnsupportedFeatureException>(() =>
            DeltaSchema.Parse("""{"type":"struct","fields":[{"name":"v","type":"variant","nullable":true,"metadata":{}}]}"""));

        Assert.Contains("'variant'", exception.Message, StringComparison.Ordinal);
    }
}
