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

    [Theory]
    [InlineData("4e0a3a1e-3283-4575-ab82-028d55fe2719")]
    [InlineData("not-a-uuid")]
    [InlineData("")]
    public void TryRead_ForeignUuid_IsFalse(string uuid) => Assert.False(CardId.TryRead(uuid, out _, out _));
}
