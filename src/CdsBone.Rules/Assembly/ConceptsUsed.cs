using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Picture;
using CdsBone.Rules.Recognition;

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
            Add(condition.SourceId, condition.Recognition, uses);
        }

        var treatment = picture.Treatment;
        Therapy?[] roles = [treatment.Target, treatment.OnTrt, treatment.FertilityProtocolAgent, treatment.OvarianSuppression, treatment.BoneProtection];
        foreach (var therapy in roles)
        {
            Add(therapy?.SourceId, therapy?.Recognition, uses);
        }

        foreach (var therapy in treatment.CurrentAis)
        {
            Add(therapy.SourceId, therapy.Recognition, uses);
        }

        foreach (var therapy in picture.Facts.Medications.Concat(picture.Facts.OrdersUnderReview))
        {
            if (therapy.BreastCancerOnly)
            {
                Add(therapy.SourceId, therapy.Recognition, uses);
            }
        }

        return uses;
    }

    // Once per resource and concept class, in the order first read: a therapy can shape the situation in several roles.
    private static void Add(string? reference, ConceptRecognition? recognition, List<ConceptUse> uses)
    {
        if (reference is null || recognition is null
            || uses.Exists(u => u.Reference == reference && u.Recognition.Class == recognition.Class))
        {
            return;
        }

        uses.Add(new ConceptUse(reference, recognition));
    }
}
