namespace CdsBone.Rules.Codes;

/// <summary>The SNOMED CT concepts of CLINICAL-RULES.md §4b (verification status there).</summary>
public static class Snomed
{
    private static ClinicalCode Code(string code) => new(CodeSystems.Snomed, code);

    /// <summary>Osteoporosis (disorder).</summary>
    public static readonly ClinicalCode Osteoporosis = Code("64859006");
    /// <summary>Vertebral osteoporosis (disorder), V2.</summary>
    public static readonly ClinicalCode VertebralOsteoporosis = Code("203438009");
    /// <summary>Osteopenia (disorder).</summary>
    public static readonly ClinicalCode Osteopenia = Code("312894000");
    /// <summary>Hypogonadism (disorder).</summary>
    public static readonly ClinicalCode Hypogonadism = Code("48130008");
    /// <summary>Malignant neoplasm of breast (disorder).</summary>
    public static readonly ClinicalCode BreastCancer = Code("254837009");
    /// <summary>Estrogen receptor positive tumor (disorder).</summary>
    public static readonly ClinicalCode EstrogenReceptorPositiveTumor = Code("416053008");
    /// <summary>Gynecomastia (disorder), V2.</summary>
    public static readonly ClinicalCode Gynecomastia = Code("4754008");
    /// <summary>Mastodynia (breast pain), V2.</summary>
    public static readonly ClinicalCode Mastodynia = Code("53430007");
    /// <summary>Pregnancy (finding).</summary>
    public static readonly ClinicalCode Pregnancy = Code("77386006");
    /// <summary>Premenopausal state (finding).</summary>
    public static readonly ClinicalCode Premenopausal = Code("22636003");
    /// <summary>Postmenopausal state (finding).</summary>
    public static readonly ClinicalCode Postmenopausal = Code("76498008");
    /// <summary>Positive (qualifier value), for qualitative hCG results.</summary>
    public static readonly ClinicalCode Positive = Code("10828004");
    /// <summary>Bone density scan (procedure), V2: what CdsBone orders for a missing DXA.</summary>
    public static readonly ClinicalCode BoneDensityScan = Code("312681000");
}
