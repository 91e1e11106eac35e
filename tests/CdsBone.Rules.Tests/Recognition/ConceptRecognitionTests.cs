using CdsBone.Rules.Codes;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Recognition;
using CdsBone.Rules.Terminology;

namespace CdsBone.Rules.Tests.Recognition;

/// <summary>The recognition order of §5 Definitions, against a small in-memory terminology (the real sets are tested in CdsBone.Fhir.Tests).</summary>
public sealed class ConceptRecognitionTests
{
    private static readonly ValueSetReference BreastCancerSet = new("urn:test:breast-cancer", "1");
    private static readonly ClinicalCode LeftBreastPrimary = new(CodeSystems.Snomed, "353431000119107");
    private static readonly ClinicalCode FamilyHistory = new(CodeSystems.Snomed, "429740004");
    private static readonly ClinicalCode MetastasisToBreast = new(CodeSystems.Icd10Cm, "C79.81");

    private static readonly ConditionRecognizer Conditions = new(new FakeTerminology(
        members: [(ConceptClass.BreastCancer, LeftBreastPrimary)],
        excluded: [(ConceptClass.BreastCancer, FamilyHistory), (ConceptClass.BreastCancer, MetastasisToBreast)]));

    [Fact]
    public void ValueSetMember_IsRecognisedByCodeWithItsValueSet()
    {
        var match = Conditions.Recognise([LeftBreastPrimary], ["Primary malignant neoplasm of female left breast"]);

        Assert.Equal(ConditionKind.BreastCancer, match?.Kind);
        Assert.Equal(RecognitionMethod.Code, match?.RecognisedBy);
        Assert.Equal(BreastCancerSet, match?.Recognition.ValueSet);
        Assert.Equal("value-set", match?.Recognition.Kind);
    }

    [Theory]
    [InlineData("C50.A1", ConditionKind.BreastCancer, "C50")]
    [InlineData("D05.12", ConditionKind.BreastCancer, "D05")]
    [InlineData("Z85.3", ConditionKind.BreastCancer, "Z85.3")]
    [InlineData("M80.08XA", ConditionKind.FragilityFracture, "M80")]
    [InlineData("Z87.310", ConditionKind.FragilityFracture, "Z87.310")]
    [InlineData("M81.0", ConditionKind.Osteoporosis, "M81")]
    [InlineData("O26.892", ConditionKind.Pregnancy, "O26")]
    [InlineData("Z3A.20", ConditionKind.Pregnancy, "Z3A")]
    [InlineData("E28.310", ConditionKind.PrematureMenopause, "E28.31")]
    [InlineData("Z90.722", ConditionKind.BilateralOophorectomy, "Z90.722")]
    [InlineData("Z78.0", ConditionKind.Postmenopausal, "Z78.0")]
    [InlineData("N62", ConditionKind.Gynecomastia, "N62")]
    [InlineData("N64.4", ConditionKind.Mastodynia, "N64.4")]
    public void Icd10CmPrefixRule_RecognisesCodesNoValueSetHolds(string code, ConditionKind kind, string rule)
    {
        var match = Conditions.Recognise([new ClinicalCode(CodeSystems.Icd10Cm, code)], []);

        Assert.Equal(kind, match?.Kind);
        Assert.Equal(RecognitionMethod.Code, match?.RecognisedBy);
        Assert.Equal(rule, match?.Recognition.Rule);
        Assert.Equal("icd-10-cm-prefix", match?.Recognition.Kind);
    }

    [Fact]
    public void ExcludedCode_IsNeverAMember_WhateverItsText()
    {
        Assert.Null(Conditions.Recognise([MetastasisToBreast], ["Secondary malignant neoplasm of breast"]));
        Assert.Null(Conditions.Recognise([FamilyHistory], ["History of breast cancer"]));
    }

    [Theory]
    [InlineData("Family history of breast cancer")]
    [InlineData("FH: breast carcinoma (mother)")]
    public void TextNamingAFamilyHistory_NeverMatches(string text) => Assert.Null(Conditions.Recognise([], [text]));

    [Theory]
    [InlineData("Breast cancer, left, in remission", ConditionKind.BreastCancer, "breast cancer")]
    [InlineData("DCIS right breast", ConditionKind.BreastCancer, "dcis")]
    [InlineData("Osteoporotic fracture of wrist", ConditionKind.FragilityFracture, "osteoporotic fracture")]
    public void TextOnly_IsTheLastResortAndSaysSo(string text, ConditionKind kind, string stem)
    {
        var match = Conditions.Recognise([new ClinicalCode("urn:local", "123")], [text]);

        Assert.Equal(kind, match?.Kind);
        Assert.Equal(RecognitionMethod.Text, match?.RecognisedBy);
        Assert.Equal(stem, match?.Recognition.Rule);
        Assert.Equal("text", match?.Recognition.Kind);
    }

    [Theory]
    [InlineData("Pregnancy test negative")]
    [InlineData("Postmenopausal bleeding")]
    [InlineData("Fhir resource")]
    public void CodeOnlyClassesAndLookalikes_AreNotRecognisedByText(string text) => Assert.Null(Conditions.Recognise([], [text]));

    [Fact]
    public void AromataseInhibitorProduct_TakesItsIngredientFromTheValueSetDisplay()
    {
        var pack = new ClinicalCode(CodeSystems.RxNorm, "1923053");
        var medications = new MedicationRecognizer(new FakeTerminology(
            members: [(ConceptClass.AromataseInhibitor, pack), (ConceptClass.BreastCancerTherapy, pack)],
            display: "{28 (letrozole 2.5 MG Oral Tablet) / 21 (ribociclib 200 MG Oral Tablet) } Pack"));

        var match = medications.Recognise([pack], []);

        Assert.Equal(TherapyClass.AromataseInhibitor, match?.Class);
        Assert.Equal(Agents.Letrozole, match?.Agent);
        Assert.True(match?.BreastCancerOnly);
    }

    private sealed class FakeTerminology(
        (ConceptClass Class, ClinicalCode Code)[] members, (ConceptClass Class, ClinicalCode Code)[]? excluded = null, string? display = null)
        : IConceptMembership
    {
        public ConceptMember? Find(ConceptClass conceptClass, ClinicalCode code) =>
            members.Contains((conceptClass, code)) ? new ConceptMember(conceptClass, new ValueSetReference($"urn:test:{conceptClass.ToCode()}", "1"), display) : null;

        public bool IsExcluded(ConceptClass conceptClass, ClinicalCode code) => excluded?.Contains((conceptClass, code)) == true;
    }
}
