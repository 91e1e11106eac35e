using System.Buffers.Binary;
using System.Security.Cryptography;
using CdsBone.Rules.Evaluation;

namespace CdsBone.Api.Cards;

/// <summary>
/// Card uuids that carry the card's rule ids, so that feedback, which names only the card uuid, can be counted by rule
/// while the service keeps no state. The uuid is an RFC 9562 version-8 (custom) UUID: a tag byte, a 27-bit rule mask
/// and the recommendation, and 82 random bits, so uuids stay unique and unguessable.
/// </summary>
public static class CardId
{
    private const byte Tag = 0xCB;
    private const int RecommendationBits = 4;
    private const int RuleCount = 27;

    /// <summary>A fresh uuid for a card of <paramref name="recommendation"/> resting on <paramref name="rules"/>.</summary>
    public static string New(IEnumerable<RuleId> rules, Recommendation recommendation)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        var mask = rules.Aggregate(0u, (m, r) => m | (1u << (int)r));
        bytes[0] = Tag;
        BinaryPrimitives.WriteUInt32BigEndian(bytes[1..5], (mask << RecommendationBits) | (uint)recommendation);
        bytes[6] = (byte)(0x80 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true).ToString();
    }

    /// <summary>The rules and recommendation of a uuid made by <see cref="New"/>; false for any other uuid.</summary>
    public static bool TryRead(string uuid, out IReadOnlyList<RuleId> rules, out Recommendation recommendation)
    {
        rules = [];
        recommendation = default;
        if (!Guid.TryParse(uuid, out var guid))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[16];
        guid.TryWriteBytes(bytes, bigEndian: true, out _);
        if (bytes[0] != Tag || bytes[6] >> 4 != 8)
        {
            return false;
        }

        var packed = BinaryPrimitives.ReadUInt32BigEndian(bytes[1..5]);
        var code = (int)(packed & ((1u << RecommendationBits) - 1));
        var mask = packed >> RecommendationBits;
        if (!Enum.IsDefined((Recommendation)code) || mask >> RuleCount != 0)
        {
            return false;
        }

        recommendation = (Recommendation)code;
        rules = Enum.GetValues<RuleId>().Where(r => (mask & (1u << (int)r)) != 0).ToList();
        return true;
    }
}
