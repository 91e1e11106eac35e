using System.Buffers.Binary;
using System.Security.Cryptography;
using CdsBone.Rules.Evaluation;

namespace CdsBone.Api.Cards;

/// <summary>
/// Card uuids that carry the card's rule ids, so that feedback, which names only the card uuid, can be counted by rule
/// while the service keeps no state. The uuid is an RFC 9562 version-8 (custom) UUID: a tag byte, 40 bits holding the
/// rule mask (one bit per <see cref="RuleId"/>, at most 36) and the recommendation, and 74 random bits, so uuids stay
/// unique and unguessable. Rules are appended to <see cref="RuleId"/>, so uuids issued by earlier rulesets still read.
/// </summary>
public static class CardId
{
    // 0xCC: 40-bit layout (ruleset 2026.12-1 on). 0xCB: the first ruleset's 32-bit layout (27 rules), still read so that
    // feedback on cards issued before an upgrade is counted by the right rules.
    private const byte Tag = 0xCC;
    private const byte LegacyTag = 0xCB;
    private const int LegacyRuleCount = 27;
    private const int RecommendationBits = 4;
    private const int PackedBytes = 5;
    private static readonly int RuleCount = Enum.GetValues<RuleId>().Length;

    /// <summary>A fresh uuid for a card of <paramref name="recommendation"/> resting on <paramref name="rules"/>.</summary>
    public static string New(IEnumerable<RuleId> rules, Recommendation recommendation)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        var mask = rules.Aggregate(0UL, (m, r) => m | (1UL << (int)r));
        bytes[0] = Tag;
        Span<byte> packed = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64BigEndian(packed, (mask << RecommendationBits) | (uint)recommendation);
        packed[(sizeof(ulong) - PackedBytes)..].CopyTo(bytes[1..(1 + PackedBytes)]);
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
        if (bytes[0] is not (Tag or LegacyTag) || bytes[6] >> 4 != 8)
        {
            return false;
        }

        Span<byte> word = stackalloc byte[sizeof(ulong)];
        var legacy = bytes[0] == LegacyTag;
        var width = legacy ? sizeof(uint) : PackedBytes;
        bytes[1..(1 + width)].CopyTo(word[(sizeof(ulong) - width)..]);
        var packed = BinaryPrimitives.ReadUInt64BigEndian(word);
        var code = (int)(packed & ((1UL << RecommendationBits) - 1));
        var mask = packed >> RecommendationBits;
        if (!Enum.IsDefined((Recommendation)code) || mask >> (legacy ? LegacyRuleCount : RuleCount) != 0)
        {
            return false;
        }

        recommendation = (Recommendation)code;
        rules = Enum.GetValues<RuleId>().Where(r => (mask & (1UL << (int)r)) != 0).ToList();
        return true;
    }
}
