using CdsBone.Api.Cards;
using CdsBone.Rules.Evaluation;
using CsCheck;

namespace CdsBone.Api.Tests.Cards;

public sealed class CardIdTests
{
    [Fact]
    public void New_ThenTryRead_ReturnsTheRulesAndRecommendation()
    {
        var rules = Enum.GetValues<RuleId>();
        var recommendations = Enum.GetValues<Recommendation>();
        Gen.Select(Gen.Int[0, (1 << rules.Length) - 1], Gen.Int[0, recommendations.Length - 1]).Sample((mask, rec) =>
        {
            var chosen = rules.Where(r => (mask & (1 << (int)r)) != 0).ToList();
            var uuid = CardId.New(chosen, recommendations[rec]);
            return Guid.TryParse(uuid, out _) && CardId.TryRead(uuid, out var read, out var recommendation)
                && read.SequenceEqual(chosen) && recommendation == recommendations[rec];
        });
    }

    [Fact]
    public void New_IsUniqueAndVersion8()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => CardId.New([RuleId.S5], Recommendation.Stop)).ToHashSet();

        Assert.Equal(10_000, ids.Count);
        Assert.All(ids.Take(10), id => Assert.Equal('8', id[14]));
    }

    [Fact]
    public void TryRead_UuidOfTheFirstRuleset_StillReadsItsRules()
    {
        // 0xCB layout: tag, then (27-bit rule mask << 4 | recommendation) big-endian in bytes 1..4, version nibble 8.
        var mask = (1u << (int)RuleId.S5) | (1u << (int)RuleId.M3);
        Span<byte> bytes = stackalloc byte[16];
        bytes[0] = 0xCB;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes[1..5], (mask << 4) | (uint)Recommendation.Stop);
        bytes[5] = 0xFF;
        bytes[6] = 0x80;
        bytes[8] = 0x80;
        var uuid = new Guid(bytes, bigEndian: true).ToString();

        Assert.True(CardId.TryRead(uuid, out var rules, out var recommendation));
        Assert.Equal([RuleId.M3, RuleId.S5], rules);
        Assert.Equal(Recommendation.Stop, recommendation);
    }

    [Fact]
    public void New_ForTheRulesOfRuleset202612_RoundTrips()
    {
        var uuid = CardId.New([RuleId.S6, RuleId.A6, RuleId.N1], Recommendation.ReduceDose);

        Assert.True(CardId.TryRead(uuid, out var rules, out _));
        Assert.Equal([RuleId.N1, RuleId.S6, RuleId.A6], rules);
    }

    [Theory]
    [InlineData("4e0a3a1e-3283-4575-ab82-028d55fe2719")]
    [InlineData("not-a-uuid")]
    [InlineData("")]
    public void TryRead_ForeignUuid_IsFalse(string uuid) => Assert.False(CardId.TryRead(uuid, out _, out _));
}
