using System.Text.Json;
using CdsBone.Fhir.Mapping;

namespace CdsBone.Fhir.Tests.Mapping;

/// <summary>
/// The one-pass read of an Observation's elements finds what a lookup by name finds: the same element for every name
/// the mapper reads, escaped names included, JSON null as absent, nothing for a non-object.
/// </summary>
public sealed class ObservationElementsTests
{
    private static readonly (string Name, Func<ObservationElements, JsonElement?> Read)[] Names =
    [
        ("id", e => e.Id), ("code", e => e.Code), ("status", e => e.Status), ("method", e => e.Method), ("note", e => e.Note),
        ("device", e => e.Device), ("bodySite", e => e.BodySite), ("component", e => e.Component), ("valueQuantity", e => e.ValueQuantity),
        ("valueCodeableConcept", e => e.ValueCodeableConcept), ("referenceRange", e => e.ReferenceRange),
        ("effectiveDateTime", e => e.EffectiveDateTime), ("effectiveInstant", e => e.EffectiveInstant), ("effectivePeriod", e => e.EffectivePeriod),
    ];

    [Fact]
    public void EveryName_IsFoundAsALookupFindsIt_AndOthersAreIgnored()
    {
        // Each element gets a distinct value, with look-alike names (same length, prefix) around it.
        var properties = Names.Select((n, i) => $"\"{n.Name}\": {i}").Concat(["\"codes\": 99", "\"cod\": 98", "\"valueString\": \"x\"", "\"statu\\u0073x\": 97"]);
        using var document = JsonDocument.Parse("{" + string.Join(", ", properties) + "}");
        var elements = ObservationElements.Read(document.RootElement);

        for (var i = 0; i < Names.Length; i++)
        {
            var found = Names[i].Read(elements);
            Assert.True(found.HasValue, Names[i].Name);
            Assert.Equal(i, found!.Value.GetInt32());
            Assert.Equal(document.RootElement.GetProperty(Names[i].Name).GetInt32(), found.Value.GetInt32());
        }
    }

    [Fact]
    public void EscapedName_MeansWhatItDecodesTo()
    {
        using var document = JsonDocument.Parse("""{"\u0076alueQuantity": {"value": 1}, "st\u0061tus": "final"}""");
        var elements = ObservationElements.Read(document.RootElement);

        Assert.Equal(JsonValueKind.Object, elements.ValueQuantity!.Value.ValueKind);
        Assert.Equal("final", elements.Status!.Value.GetString());
    }

    [Fact]
    public void JsonNull_IsAbsent()
    {
        using var document = JsonDocument.Parse("""{"valueQuantity": null, "code": null, "id": "x"}""");
        var elements = ObservationElements.Read(document.RootElement);

        Assert.Null(elements.ValueQuantity);
        Assert.Null(elements.Code);
        Assert.Equal("x", elements.Id!.Value.GetString());
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"Observation\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void NotAnObject_HasNoElements(string json)
    {
        using var document = JsonDocument.Parse(json);
        var elements = ObservationElements.Read(document.RootElement);

        Assert.All(Names, n => Assert.Null(n.Read(elements)));
    }
}
