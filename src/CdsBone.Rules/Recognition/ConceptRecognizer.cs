using System.Buffers;
using CdsBone.Rules.Codes;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Terminology;

namespace CdsBone.Rules.Recognition;

/// <summary>
/// Recognises concept classes in the order of CLINICAL-RULES.md §5 Definitions: (1) a coding listed by the class's value
/// set, (2) an ICD-10-CM code matching the class's prefix rule, (3) last resort, the class's text stems. A coding that a
/// value set excludes from a class rules that class out for the whole concept, text included; text naming a family
/// history never matches.
/// </summary>
internal sealed class ConceptRecognizer
{
    // "FH" alone is a common abbreviation of family history; matched as a whole word, not inside other words.
    private static readonly string[] FamilyHistoryStems = ["family history", "fh"];
    private static readonly SearchValues<string> AnyFamilyHistory = TextMatcher.AnyOf(FamilyHistoryStems);
    private readonly IConceptMembership _terminology;
    private readonly (ConceptClass Class, string[] Stems)[] _textStems;
    private readonly SearchValues<string> _anyStem;

    /// <param name="terminology">The loaded value sets.</param>
    /// <param name="textStems">Each class's text stems, in priority order; a class without stems is recognised by code only.</param>
    public ConceptRecognizer(IConceptMembership terminology, (ConceptClass Class, string[] Stems)[] textStems)
    {
        _terminology = terminology;
        _textStems = textStems;
        _anyStem = TextMatcher.AnyOf(textStems.SelectMany(t => t.Stems));
    }

    /// <summary>The first of <paramref name="classes"/> (priority order) that the concept belongs to, or null.</summary>
    public ConceptRecognition? Recognise(IReadOnlyList<ClinicalCode> codes, IReadOnlyList<string?> texts, IReadOnlyList<ConceptClass> classes)
    {
        foreach (var conceptClass in classes)
        {
            if (!IsExcluded(conceptClass, codes) && ByCode(conceptClass, codes) is { } byCode)
            {
                return byCode;
            }
        }

        foreach (var text in texts)
        {
            if (!TextMatcher.MayMatch(text, _anyStem) || NamesFamilyHistory(text))
            {
                continue;
            }

            foreach (var (conceptClass, stems) in _textStems)
            {
                if (classes.Contains(conceptClass) && !IsExcluded(conceptClass, codes) && TextMatcher.FirstStem(text, stems) is { } stem)
                {
                    return new ConceptRecognition(conceptClass, RecognitionMethod.Text, null, stem);
                }
            }
        }

        return null;
    }

    /// <summary>The value-set membership of any of <paramref name="codes"/> in <paramref name="conceptClass"/>, or null.</summary>
    public ConceptMember? Member(ConceptClass conceptClass, IReadOnlyList<ClinicalCode> codes)
    {
        foreach (var code in codes)
        {
            if (_terminology.Find(conceptClass, code) is { } member)
            {
                return member;
            }
        }

        return null;
    }

    private ConceptRecognition? ByCode(ConceptClass conceptClass, IReadOnlyList<ClinicalCode> codes)
    {
        if (Member(conceptClass, codes) is { } member)
        {
            return new ConceptRecognition(conceptClass, RecognitionMethod.Code, member.ValueSet, null);
        }

        foreach (var code in codes)
        {
            if (Icd10CmPrefixRules.Match(conceptClass, code) is { } prefix)
            {
                return new ConceptRecognition(conceptClass, RecognitionMethod.Code, null, prefix);
            }
        }

        return null;
    }

    private bool IsExcluded(ConceptClass conceptClass, IReadOnlyList<ClinicalCode> codes)
    {
        foreach (var code in codes)
        {
            if (_terminology.IsExcluded(conceptClass, code))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NamesFamilyHistory(string? text) =>
        TextMatcher.MayMatch(text, AnyFamilyHistory) && TextMatcher.FirstWord(text, FamilyHistoryStems) is not null;
}
