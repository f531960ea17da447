using Medallion.Delta.Schema;

namespace Medallion.Delta.Tests;

/// <summary>Schemas several test classes write.</summary>
internal static class TestSchemas
{
    /// <summary>id, name and the partition column k.</summary>
    public static DeltaSchema Orders { get; } = new([
        new DeltaField("id", DeltaPrimitiveType.Long),
        new DeltaField("name", DeltaPrimitiveType.String),
        new DeltaField("k", DeltaPrimitiveType.String),
    ]);
}
