using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Picture;

namespace CdsBone.Rules.Assembly;

/// <summary>The context lines every card of an evaluation carries (CLINICAL-RULES.md preamble, §5, §6).</summary>
internal static class ContextNotes
{
    private const int ZScoreAgeYears = 50;

    public static IReadOnlyList<ContextNote> Collect(RuleContext context)
    {
        var picture = context.Picture;
        var notes = new List<ContextNote>();
        if (picture.IsMale)
        {
            notes.Add(new("Aromatase-inhibitor use in men is off-label."));
        }

        foreach (var rule in RuleSet.ContextRules)
        {
            if (rule.Note(context) is { } line)
            {
                notes.Add(new(line, rule.Id));
            }
        }

        AddRecognitionNotes(picture, notes);
        AddDoseNotes(context, notes);
        AddAndrogenNotes(picture, notes);
        AddBoneNotes(context, notes);

        if (picture.Facts.ConditionsAvailability == DataAvailability.Unavailable)
        {
            notes.Add(new("Conditions could not be retrieved: pregnancy and symptoms by code, the coded menopausal status, osteoporosis and the oncology context are unknown."));
        }

        notes.Add(new("Advisory only: this supports, and does not replace, the clinician's judgement."));
        return notes.DistinctBy(n => n.Text).ToList();
    }

    private static void AddRecognitionNotes(ClinicalPicture picture, List<ContextNote> notes)
    {
        var treatment = picture.Treatment;
        foreach (var therapy in new[] { treatment.Target, treatment.ActiveAi, treatment.OnTrt }.OfType<Therapy>().Distinct())
        {
            if (therapy.RecognisedBy == RecognitionMethod.Text)
            {
                notes.Add(new($"\"{therapy.Description}\" was recognised as {therapy.Agent} by its text, not by a code."));
            }
        }

        foreach (var condition in picture.Facts.Conditions.Where(c => c.RecognisedBy == RecognitionMethod.Text))
        {
            var stem = condition.Recognition?.Rule is { } matched ? $" (\"{matched}\")" : string.Empty;
            notes.Add(new($"\"{condition.Description}\" was recognised as {Describe.Name(condition.Kind)} by its text{stem}, not by a code."));
        }
    }

    private static void AddDoseNotes(RuleContext context, List<ContextNote> notes)
    {
        var picture = context.Picture;
        if (picture.IsMale && context.OnAi && picture.OutsideOncology && picture.Treatment.AnastrozoleUnderReview is { Dose: null } order)
        {
            notes.Add(new($"The weekly anastrozole dose of \"{order.Description}\" could not be read (text-only dosage, a range or as-needed use): the check against {Describe.Number(context.Options.MaleAnastrozoleMaxWeeklyMg)} mg/week (A6) was not made."));
        }
    }

    private static void AddAndrogenNotes(ClinicalPicture picture, List<ContextNote> notes)
    {
        if (picture.Androgens.Estimate is { } ft)
        {
            notes.Add(new($"Calculated free testosterone (Vermeulen, display only): {Describe.Rounded(ft.FreePgMl)} pg/mL, {Describe.Rounded(ft.PercentFree)}% free, bioavailable {Describe.Rounded(ft.BioavailableNgDl)} ng/dL."));
        }
    }

    private static void AddBoneNotes(RuleContext context, List<ContextNote> notes)
    {
        var picture = context.Picture;
        if (picture.P1np is { Value: { } p1np } p1npResult && !p1npResult.IsLowerBound)
        {
            var low = p1npResult.ReferenceRanges.FirstOrDefault(r => r.Low is not null)?.Low ?? context.Options.P1npLowUgL;
            if (p1np < low)
            {
                notes.Add(new($"{Describe.ValueWithContext(p1npResult, picture.Time)} is below {Describe.Limit(low)} ug/L (low bone formation)."));
            }
        }

        var showZ = (picture.IsMale && picture.Age < ZScoreAgeYears) || picture.Menopause == MenopausalStatus.Premenopausal;
        if (showZ)
        {
            foreach (var z in picture.Bone.LatestStudy.Where(r => r.Measure == DxaMeasure.ZScore))
            {
                notes.Add(new($"{Describe.ValueWithContext(z, picture.Time)} (Z ≤ {Describe.Number(context.Options.LowZScore)} is below the expected range for age)."));
            }
        }

        foreach (var (earlier, latest) in picture.Bone.DeviceMismatches)
        {
            notes.Add(new($"{Describe.Name(latest)} was not compared with the earlier scan: different densitometers ({earlier.Device}, {latest.Device})."));
        }

        if (picture.Treatment.BoneProtection is { } protection)
        {
            notes.Add(new($"On bone protection: {protection.Description}."));
        }
    }
}
