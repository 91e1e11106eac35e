using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CdsBone.Api.Tests.Support;

/// <summary>Where in a JSON document a mutation applies: a string, a number, or an object (for key mutations).</summary>
internal enum SlotKind
{
    String,
    Number,
    Object,
}

/// <summary>One position: the path of steps (property name or array index) from the root, and what sits there.</summary>
internal sealed record Slot(IReadOnlyList<object> Path, SlotKind Kind)
{
    public string Pointer => "/" + string.Join("/", Path);
}

/// <summary>A replacement, as raw JSON bytes (so that invalid UTF-8, lone surrogate escapes and -0 can be written).</summary>
internal sealed record Mutation(string Name, SlotKind AppliesTo, byte[] Raw);

/// <summary>
/// The structured fuzzer's vocabulary (issue 12): every string and number position of a document, and for each kind
/// the hostile values the security review used (lone surrogates, invalid UTF-8, control characters, extremes, huge
/// strings, wrong JSON types, repeated and invalid keys). Mutated documents are produced as bytes.
/// </summary>
internal static class JsonMutations
{
    private const string Placeholder = "@@cdsbone-fuzz@@";
    private const string KeyPlaceholder = "@@cdsbone-fuzz-key@@";

    private static readonly (string Name, string Json)[] WrongTypes =
        [("object", "{}"), ("array", "[]"), ("true", "true"), ("null", "null")];

    public static IReadOnlyList<Mutation> All { get; } = Build();

    public static IReadOnlyList<Mutation> For(SlotKind kind) => All.Where(m => m.AppliesTo == kind).ToList();

    /// <summary>Every string, number and object position of <paramref name="root"/>.</summary>
    public static List<Slot> Slots(JsonNode root)
    {
        var slots = new List<Slot>();
        Walk(root, [], slots);
        return slots;
    }

    /// <summary><paramref name="document"/> with <paramref name="mutation"/> at <paramref name="slot"/>, as UTF-8 bytes.</summary>
    public static byte[] Apply(string document, Slot slot, Mutation mutation)
    {
        var root = JsonNode.Parse(document)!;
        if (slot.Kind == SlotKind.Object)
        {
            var target = (JsonObject)Navigate(root, slot.Path);
            var first = target.FirstOrDefault();
            target[KeyPlaceholder] = first.Value?.DeepClone() ?? JsonValue.Create(1);
            var keyText = mutation.Name == "duplicate-key" && first.Key is not null
                ? Encoding.UTF8.GetBytes(JsonSerializer.Serialize(first.Key))
                : mutation.Raw;
            return Replace(root.ToJsonString(), KeyPlaceholder, keyText);
        }

        var parent = Navigate(root, slot.Path.Take(slot.Path.Count - 1).ToList());
        switch (slot.Path[^1], parent)
        {
            case (string name, JsonObject obj):
                obj[name] = Placeholder;
                break;
            case (int index, JsonArray array):
                array[index] = Placeholder;
                break;
        }

        return Replace(root.ToJsonString(), Placeholder, mutation.Raw);
    }

    private static byte[] Replace(string json, string placeholder, byte[] raw)
    {
        var quoted = Encoding.UTF8.GetBytes($"\"{placeholder}\"");
        var bytes = Encoding.UTF8.GetBytes(json);
        var at = bytes.AsSpan().IndexOf(quoted);
        return [.. bytes.AsSpan(0, at), .. raw, .. bytes.AsSpan(at + quoted.Length)];
    }

    private static JsonNode Navigate(JsonNode root, IEnumerable<object> path)
    {
        var node = root;
        foreach (var step in path)
        {
            node = step is string name ? node[name]! : node[(int)step]!;
        }

        return node;
    }

    private static void Walk(JsonNode? node, List<object> path, List<Slot> slots)
    {
        switch (node)
        {
            case JsonObject obj:
                slots.Add(new Slot([.. path], SlotKind.Object));
                foreach (var (name, child) in obj)
                {
                    Walk(child, [.. path, name], slots);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], [.. path, i], slots);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                slots.Add(new Slot([.. path], SlotKind.String));
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                slots.Add(new Slot([.. path], SlotKind.Number));
                break;
        }
    }

    private static List<Mutation> Build()
    {
        var mutations = new List<Mutation>
        {
            Text(SlotKind.String, "lone-high-surrogate", "\"a\\ud800b\""),
            Text(SlotKind.String, "lone-low-surrogate", "\"\\udc00\""),
            new("invalid-utf8", SlotKind.String, [(byte)'"', 0xFF, 0xC0, 0xAF, (byte)'a', 0xED, 0xA0, 0x80, (byte)'"']),
            Text(SlotKind.String, "control-characters", "\"a\\u0000b\\r\\nX-Forged: 1\\u0007\\u001b[31m\""),
            Text(SlotKind.String, "huge", "\"" + new string('A', 300_000) + "\""),
            Text(SlotKind.String, "empty", "\"\""),
            Text(SlotKind.String, "number-1e308", "1e308"),
            Text(SlotKind.String, "number-minus-zero", "-0"),
            Text(SlotKind.Object, "duplicate-key", string.Empty),
            Text(SlotKind.Object, "lone-surrogate-key", "\"\\ud800\""),
        };
        foreach (var (name, json) in new[]
                 {
                     ("1e308", "1e308"), ("-1e308", "-1e308"), ("1e-308", "1e-308"), ("-0", "-0"), ("2^63", "9223372036854775808"),
                     ("-2^63-1", "-9223372036854775809"), ("1e28", "1e28"), ("-2.5e28", "-2.5e28"), ("1e26", "1e26"), ("1e-28", "1e-28"),
                     ("1e13", "1e13"), ("1e400", "1e400"), ("as-string", "\"12\""),
                 })
        {
            mutations.Add(Text(SlotKind.Number, name, json));
        }

        foreach (var (name, json) in WrongTypes)
        {
            mutations.Add(Text(SlotKind.String, name, json));
            mutations.Add(Text(SlotKind.Number, name, json));
        }

        return mutations;
    }

    private static Mutation Text(SlotKind kind, string name, string json) => new(name, kind, Encoding.UTF8.GetBytes(json));
}
