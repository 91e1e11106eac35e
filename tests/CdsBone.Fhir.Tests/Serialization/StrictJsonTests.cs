using System.Text;
using System.Text.Json;
using CdsBone.Fhir.Serialization;

namespace CdsBone.Fhir.Tests.Serialization;

/// <summary>
/// The strict parse refuses every string that is not valid Unicode, whether or not the body takes the fast path (no
/// escapes, valid UTF-8), and accepts every valid one.
/// </summary>
public sealed class StrictJsonTests
{
    private const int Depth = 64;

    [Theory]
    [InlineData("""{"a":"\ud800"}""")]
    [InlineData("""{"a":"x\udc00y"}""")]
    [InlineData("""{"\ud83d":"key is a lone high surrogate"}""")]
    [InlineData("""{"a":["ok","\ud83d\u0041"]}""")]
    public void LoneSurrogateEscape_IsRefused(string json) =>
        Assert.ThrowsAny<JsonException>(() => StrictJson.Parse(Encoding.UTF8.GetBytes(json), Depth));

    [Theory]
    [InlineData(new byte[] { 0xC3 })]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // a surrogate encoded directly in UTF-8
    [InlineData(new byte[] { 0xE2, 0x82 })]
    public void InvalidUtf8InAString_IsRefused(byte[] invalid)
    {
        byte[] body = [.. "{\"a\":\"x"u8, .. invalid, .. "\"}"u8];
        Assert.ThrowsAny<JsonException>(() => StrictJson.Parse(body, Depth));
    }

    [Fact]
    public void InvalidUtf8InAPropertyName_IsRefused()
    {
        byte[] body = [.. "{\"a"u8, 0xC0, 0xAF, .. "\":1}"u8];
        Assert.ThrowsAny<JsonException>(() => StrictJson.Parse(body, Depth));
    }

    [Theory]
    [InlineData("""{"a":"plain"}""")]
    [InlineData("""{"a":"E2 fell \u2192 26 pg/mL","b":"\ud83d\ude00"}""")]
    [InlineData("""{"a":"a backslash then u: \\u not an escape"}""")]
    [InlineData("""{"a":"naïve café ≥ 1.0 – 😀"}""")]
    public void ValidStrings_AreAccepted(string json)
    {
        using var document = StrictJson.Parse(Encoding.UTF8.GetBytes(json), Depth);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            _ = property.Value.GetString();
        }
    }

    [Fact]
    public void EveryPositionOfAnInvalidByte_IsRefused()
    {
        var valid = """{"resourceType":"Observation","code":{"text":"Estradiol"},"valueQuantity":{"value":26,"unit":"pg/mL"}}"""u8.ToArray();
        for (var i = 0; i < valid.Length; i++)
        {
            var body = (byte[])valid.Clone();
            body[i] = 0xFF;
            Assert.ThrowsAny<JsonException>(() => StrictJson.Parse(body, Depth));
        }
    }
}
