using System.Text;
using CdsBone.Fhir.Terminology;
using CdsBone.Fhir.Tests.Support;
using CdsBone.Rules.Codes;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Recognition;
using CdsBone.Rules.Terminology;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace CdsBone.Fhir.Tests.Terminology;

/// <summary>The shipped concept-class value sets: valid FHIR, complete against shared/terminology, and every code recognised.</summary>
public sealed class ValueSetIndexTests
{
    private static readonly ValueSetIndex Index = Pipeline.Terminology;
    private static readonly ConditionRecognizer Conditions = new(Index);
    private static readonly MedicationRecognizer Medications = new(Index);

    private static string TerminologyFolder => Path.GetFullPath(Path.Combine(Paths.RepositoryRoot, "..", "shared", "terminology"));

    private static string ShippedFolder => Path.Combine(Paths.RepositoryRoot, "src", "CdsBone.Fhir", "Terminology", "ValueSets");

    public static TheoryData<string> ShippedFiles() => [.. Directory.EnumerateFiles(ShippedFolder, "*.json").Select(f => Path.GetFileName(f)).Order()];

    [Fact]
    public void Shipped_HasOneValueSetPerConceptClass()
    {
        Assert.Equal(Enum.GetValues<ConceptClass>().Order(), Index.ValueSets.Select(v => v.Class).Order());
        Assert.All(Index.ValueSets, v => Assert.Equal("2026.12-1", v.Reference.Version));
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void ShippedFile_IsAValidFhirR4ValueSet(string file)
    {
        var json = File.ReadAllText(Path.Combine(ShippedFolder, file));

        var valueSet = new FhirJsonDeserializer().Deserialize<ValueSet>(json);

        Assert.False(string.IsNullOrEmpty(valueSet.Url));
        Assert.False(string.IsNullOrEmpty(valueSet.Version));
        Assert.False(string.IsNullOrEmpty(valueSet.Title));
        Assert.NotNull(valueSet.Expansion);
        Assert.NotNull(valueSet.Compose);
        Assert.Equal(valueSet.Expansion.Total, valueSet.Expansion.Contains.Count);
        Assert.Equal(valueSet.Expansion.Contains.Count, valueSet.Compose.Include.Sum(i => i.Concept.Count));
    }

    [Fact]
    public void EveryCodeOfEveryShippedValueSet_IsRecognisedByValueSetAsAClassThatListsIt()
    {
        var checkedCodes = 0;
        foreach (var set in Index.ValueSets)
        {
            foreach (var (code, display) in set.Members)
            {
                Assert.NotNull(Index.Find(set.Class, code));
                var recognition = set.Class is ConceptClass.AromataseInhibitor or ConceptClass.GnrhAgonist or ConceptClass.BreastCancerTherapy
                    ? Medications.Recognise([code], [])?.Recognition
                    : Conditions.Recognise([code], [])?.Recognition;
                Assert.True(recognition is not null, $"{set.Class.ToCode()}: {code} ({display}) not recognised");
                Assert.Equal(RecognitionMethod.Code, recognition!.Method);
                Assert.NotNull(recognition.ValueSet);
                Assert.NotNull(Index.Find(recognition.Class, code));
                checkedCodes++;
            }
        }

        Assert.True(checkedCodes > 3_000, $"only {checkedCodes} codes checked");
    }

    [Fact]
    public void CodesOfSeveralClasses_AreRecognisedAsTheHigherPriorityClass()
    {
        // M80 codes are both osteoporosis and an osteoporotic fracture; S3 treats both alike, the card names the fracture.
        var m80 = new ClinicalCode(CodeSystems.Icd10Cm, "M80.00XA");

        Assert.Equal(ConditionKind.FragilityFracture, Conditions.Recognise([m80], [])?.Kind);
    }

    [Theory]
    [InlineData("breast-cancer.tsv", "breast-cancer")]
    [InlineData("osteoporosis.tsv", "osteoporosis")]
    [InlineData("osteoporotic-fracture.tsv", "osteoporotic-fracture")]
    [InlineData("pregnancy.tsv", "pregnancy")]
    [InlineData("premature-menopause.tsv", "premature-menopause")]
    [InlineData("bilateral-oophorectomy.tsv", "bilateral-oophorectomy")]
    [InlineData("aromatase-inhibitors.tsv", "aromatase-inhibitor")]
    [InlineData("gnrh-agonists.tsv", "gnrh-agonist")]
    public void EveryRowOfTheSharedCodeList_IsInItsShippedValueSet(string file, string conceptClass)
    {
        var target = ConceptClassNames.FromCode(conceptClass)!.Value;
        var rows = ReadRows(Path.Combine(TerminologyFolder, file));

        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.True(Index.Find(target, row) is not null, $"{row} of {file} is not in the {conceptClass} value set"));
    }

    [Theory]
    [InlineData("breast-cancer-excluded.tsv", ConceptClass.BreastCancer)]
    [InlineData("osteoporosis-excluded.tsv", ConceptClass.Osteoporosis)]
    public void ExcludedRows_AreNeverMembers_EvenWithTheirOwnDisplay(string file, ConceptClass conceptClass)
    {
        var rows = File.ReadAllLines(Path.Combine(TerminologyFolder, file)).Skip(1).Select(l => l.Split('\t')).ToList();

        Assert.NotEmpty(rows);
        Assert.All(rows, r =>
        {
            var code = new ClinicalCode(r[0], r[1].Trim());
            Assert.True(Index.IsExcluded(conceptClass, code), $"{code} not excluded");
            var kind = Conditions.Recognise([code], [r[2]])?.Recognition.Class;
            Assert.NotEqual(conceptClass, kind);
        });
    }

    [Theory]
    [InlineData("429740004", "Family history of malignant neoplasm of breast (situation)")]
    [InlineData("429740004", "History of malignant neoplasm of breast")]
    public void FamilyHistoryCode_IsNeverTheOncologyContext(string code, string text) =>
        Assert.Null(Conditions.Recognise([new ClinicalCode(CodeSystems.Snomed, code)], [text]));

    [Fact]
    public void Z80_3_IsNeverTheOncologyContext() =>
        Assert.Null(Conditions.Recognise([new ClinicalCode(CodeSystems.Icd10Cm, "Z80.3")], ["Family history of breast cancer"]));

    [Theory]
    [InlineData("353431000119107", ConditionKind.BreastCancer)] // primary malignant neoplasm of female left breast
    [InlineData("254837009", ConditionKind.BreastCancer)]
    [InlineData("429087003", ConditionKind.BreastCancer)] // personal history (UNVERIFIED, named by CLINICAL-RULES.md)
    [InlineData("11311361000119103", ConditionKind.FragilityFracture)]
    [InlineData("10231000132102", ConditionKind.Pregnancy)]
    [InlineData("4754008", ConditionKind.Gynecomastia)]
    [InlineData("53430007", ConditionKind.Mastodynia)]
    public void DescendantAndNamedCodes_AreRecognisedWithoutText(string code, ConditionKind kind)
    {
        var match = Conditions.Recognise([new ClinicalCode(CodeSystems.Snomed, code)], []);

        Assert.Equal(kind, match?.Kind);
        Assert.Equal(RecognitionMethod.Code, match?.RecognisedBy);
        Assert.StartsWith("https://cdsbone.example.org/fhir/ValueSet/", match?.Recognition.ValueSet?.Url, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueSetPath_ReplacesAShippedSetByUrl_AndExtendsAClassWithANewOne()
    {
        using var folder = new TempFolder();
        folder.Write("a-breast-cancer.json", ValueSetJson("https://cdsbone.example.org/fhir/ValueSet/breast-cancer", "local-1", "breast-cancer", "99990001"));
        folder.Write("b-local-osteoporosis.json", ValueSetJson("https://hospital.example/ValueSet/local-osteoporosis", "3", "osteoporosis", "99990002"));

        var index = ValueSetIndex.Load(folder.Path);

        var replaced = Assert.Single(index.ValueSets, v => v.Class == ConceptClass.BreastCancer);
        Assert.Equal("local-1", replaced.Reference.Version);
        Assert.Null(index.Find(ConceptClass.BreastCancer, new ClinicalCode(CodeSystems.Snomed, "254837009")));
        Assert.NotNull(index.Find(ConceptClass.BreastCancer, new ClinicalCode(CodeSystems.Snomed, "99990001")));
        Assert.Equal(2, index.ValueSets.Count(v => v.Class == ConceptClass.Osteoporosis));
        Assert.NotNull(index.Find(ConceptClass.Osteoporosis, new ClinicalCode(CodeSystems.Snomed, "64859006")));
        Assert.NotNull(index.Find(ConceptClass.Osteoporosis, new ClinicalCode(CodeSystems.Snomed, "99990002")));
    }

    [Theory]
    [InlineData("{ not json", "is not valid JSON")]
    [InlineData("""{"resourceType": "CodeSystem"}""", "resourceType is not ValueSet")]
    [InlineData("""{"resourceType": "ValueSet", "url": "urn:x", "version": "1", "expansion": {"contains": [{"system": "s", "code": "c"}]}}""", "must name a concept class")]
    [InlineData("""{"resourceType": "ValueSet", "url": "urn:x", "version": "1", "extension": [{"url": "https://cdsbone.example.org/fhir/StructureDefinition/concept-class", "valueCode": "pregnancy"}]}""", "no expansion")]
    public void ValueSetPath_WithABadSet_FailsNamingTheFile(string content, string why)
    {
        using var folder = new TempFolder();
        folder.Write("broken.json", content);

        var error = Assert.Throws<InvalidDataException>(() => ValueSetIndex.Load(folder.Path));

        Assert.Contains("broken.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueSetPath_ThatDoesNotExist_Fails()
    {
        var error = Assert.Throws<InvalidDataException>(() => ValueSetIndex.Load("/nonexistent/value-sets"));

        Assert.Contains("/nonexistent/value-sets", error.Message, StringComparison.Ordinal);
    }

    private static List<ClinicalCode> ReadRows(string path) =>
        File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(r => new ClinicalCode(r[0], r[1].Trim())).ToList();

    private static string ValueSetJson(string url, string version, string conceptClass, string code) => """
        {"resourceType": "ValueSet", "url": "$URL", "version": "$VERSION", "status": "active",
         "extension": [{"url": "https://cdsbone.example.org/fhir/StructureDefinition/concept-class", "valueCode": "$CLASS"}],
         "expansion": {"timestamp": "2026-12-01T00:00:00Z", "contains": [{"system": "http://snomed.info/sct", "code": "$CODE", "display": "local"}]}}
        """.Replace("$URL", url, StringComparison.Ordinal).Replace("$VERSION", version, StringComparison.Ordinal)
        .Replace("$CLASS", conceptClass, StringComparison.Ordinal).Replace("$CODE", code, StringComparison.Ordinal);

    private sealed class TempFolder : IDisposable
    {
        public TempFolder() => Directory.CreateDirectory(Path);

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cdsbone-vs-{Guid.NewGuid():N}");

        public void Write(string name, string content) => File.WriteAllText(System.IO.Path.Combine(Path, name), content, Encoding.UTF8);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
