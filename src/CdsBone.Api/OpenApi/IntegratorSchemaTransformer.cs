using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CdsBone.Api.OpenApi;

/// <summary>
/// Schemas as an integrator reads them: descriptions taken from XML doc comments lose their C# markup
/// (<c>&lt;c&gt;</c>, <c>&lt;see cref&gt;</c>); enums written as strings (card indicator, service mode) say they are
/// strings; and a member that may be null may also be absent (the parsers accept both), so it is not listed as required.
/// </summary>
internal sealed partial class IntegratorSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        schema.Description = Plain(schema.Description);
        foreach (var property in schema.Properties?.Values.OfType<OpenApiSchema>() ?? [])
        {
            property.Description = Plain(property.Description);
        }

        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (IsNullable(property))
            {
                schema.Required?.Remove(name);
            }
        }

        if (schema.Enum is { Count: > 0 } values && schema.Type is null && values.All(v => v?.GetValueKind() == System.Text.Json.JsonValueKind.String))
        {
            schema.Type = JsonSchemaType.String;
        }

        return Task.CompletedTask;
    }

    private static bool IsNullable(IOpenApiSchema schema) =>
        (schema.Type is { } type && type.HasFlag(JsonSchemaType.Null))
        || (schema.OneOf?.Any(s => s.Type == JsonSchemaType.Null) ?? false);

    /// <summary>Markdown for XML doc markup: <c>&lt;c&gt;x&lt;/c&gt;</c> becomes <c>`x`</c>, a cref its last name, an href its URL.</summary>
    internal static string? Plain(string? description)
    {
        if (string.IsNullOrEmpty(description))
        {
            return description;
        }

        var text = Code().Replace(description, "`$1`");
        text = Cref().Replace(text, m => m.Groups[1].Value.Split('.', ':').Last());
        text = Href().Replace(text, "$1");
        text = ParamRef().Replace(text, "$1");
        return OtherTag().Replace(text, string.Empty).Trim();
    }

    [GeneratedRegex(@"<c>(.*?)</c>", RegexOptions.Singleline)]
    private static partial Regex Code();

    [GeneratedRegex(@"<see\s+cref=""([^""]+)""\s*/>")]
    private static partial Regex Cref();

    [GeneratedRegex(@"<see\s+href=""([^""]+)""\s*/>")]
    private static partial Regex Href();

    [GeneratedRegex(@"<(?:paramref|typeparamref)\s+name=""([^""]+)""\s*/>")]
    private static partial Regex ParamRef();

    [GeneratedRegex(@"</?(?:para|b|i|em|strong|list|item|description|term|br)\s*/?>")]
    private static partial Regex OtherTag();
}
