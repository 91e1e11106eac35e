using System.Collections;
using System.Text.Json;

namespace CdsBone.Fhir.Mapping;

/// <summary>
/// The items of a JSON array (or only those that are objects), none when the element is absent or not an array.
/// <c>foreach</c> walks them without allocating: the mapper enumerates codings, notes and ranges of every Observation,
/// and a boxed enumerator plus a LINQ filter per walk was a measurable part of each hook (docs/performance.md).
/// </summary>
internal readonly struct JsonItems(JsonElement? array, bool objectsOnly) : IEnumerable<JsonElement>
{
    private readonly JsonElement? _array = array is { ValueKind: JsonValueKind.Array } found ? found : null;

    public Enumerator GetEnumerator() => new(_array, objectsOnly);

    IEnumerator<JsonElement> IEnumerable<JsonElement>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Walks the array's items, skipping those that are not objects when asked to.</summary>
    public struct Enumerator : IEnumerator<JsonElement>
    {
        private readonly bool _objectsOnly;
        private readonly bool _present;
        private JsonElement.ArrayEnumerator _items;

        internal Enumerator(JsonElement? array, bool objectsOnly)
        {
            _objectsOnly = objectsOnly;
            _present = array is not null;
            _items = array is { } found ? found.EnumerateArray() : default;
        }

        public readonly JsonElement Current => _items.Current;

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (!_present)
            {
                return false;
            }

            while (_items.MoveNext())
            {
                if (!_objectsOnly || _items.Current.ValueKind == JsonValueKind.Object)
                {
                    return true;
                }
            }

            return false;
        }

        public void Reset() => throw new NotSupportedException();

        public readonly void Dispose()
        {
        }
    }
}
