using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Picture;

namespace CdsBone.Rules.Assembly;

/// <summary>
/// The conditions and therapies the evaluation read, each with how its concept class was recognised: every recognised
/// condition (they set the oncology context, pregnancy, menopausal status, osteoporosis and symptoms) and the therapies
/// that shaped the treatment situation.
/// </summary>
internal static class ConceptsUsed
{
    public static IReadOnlyList<ConceptUse> Collect(ClinicalPicture picture)
    {
        var uses = new List<ConceptUse>();
        foreach (var condition in picture.Facts.Conditions)
        {
            if (condition.Recognition is { } recognition)
            {
                uses.Add(new ConceptUse(condition.SourceId, recognition));
            }
        }

        var treatment = picture.Treatment;
        var therapies = new[] { treatment.Target, treatment.OnTrt, treatment.FertilityProtocolAgent, treatment.OvarianSuppression, treatment.BoneProtection }
            .Concat(treatment.CurrentAis)
            .Concat(picture.Facts.Medications.Concat(picture.Facts.OrdersUnderReview).Where(t => t.BreastCancerOnly));
        foreach (var therapy in therapies.OfType<Therapy>().Distinct())
        {
            if (therapy.Recognition is { } recognition)
            {
                uses.Add(new ConceptUse(therapy.SourceId, recognition));
            }
        }

        return uses.DistinctBy(u => (u.Reference, u.Recognition.Class)).ToList();
    }
}
