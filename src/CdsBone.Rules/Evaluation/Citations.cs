using System.Collections.Frozen;

namespace CdsBone.Rules.Evaluation;

/// <summary>A source the rules rest on (CLINICAL-RULES.md §8).</summary>
/// <param name="Key">The key used in the rule table, e.g. <c>E5</c>.</param>
/// <param name="Title">Authors, journal and year, as a card shows it.</param>
/// <param name="Url">An absolute URL to it.</param>
public sealed record Citation(string Key, string Title, string Url);

/// <summary>The evidence column of the §5 rule table: which sources each rule rests on.</summary>
public static class Citations
{
    private static readonly Citation Bhasin2018 = new("E1", "Bhasin S et al. Endocrine Society guideline, JCEM 2018;103:1715", "https://academic.oup.com/jcem/article/103/5/1715/4939465");
    private static readonly Citation Mulhall2018 = new("E2", "Mulhall JP et al. AUA guideline, J Urol 2018;200:423", "https://doi.org/10.1016/j.juro.2018.03.115");
    private static readonly Citation BurnettBowie2009Bone = new("E3", "Burnett-Bowie SA et al. JCEM 2009;94:4785 (anastrozole lowers spine BMD in older men)", "https://pubmed.ncbi.nlm.nih.gov/19820017/");
    private static readonly Citation BurnettBowie2009Body = new("E4", "Burnett-Bowie SA et al. Clin Endocrinol 2009;70:116", "https://pubmed.ncbi.nlm.nih.gov/?term=Burnett-Bowie+Clin+Endocrinol+2009+70+116");
    private static readonly Citation Khosla2001 = new("E5", "Khosla S et al. JCEM 2001;86:3555 (bone loss below ~11 pg/mL bioavailable E2)", "https://pubmed.ncbi.nlm.nih.gov/11502778/");
    private static readonly Citation Rochira = new("E6", "Rochira V et al. Estrogen threshold in male bone", "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC4383300/");
    private static readonly Citation Rosner2013 = new("E7", "Rosner W et al. Endocrine Society statement on estradiol measurement, JCEM 2013;98:1376", "https://pubmed.ncbi.nlm.nih.gov/23463657/");
    private static readonly Citation Vermeulen1999 = new("E8", "Vermeulen A et al. JCEM 1999;84:3666 (calculated free testosterone)", "https://doi.org/10.1210/jcem.84.10.6079");
    private static readonly Citation Hadji2017 = new("E9", "Hadji P et al. AIBL joint position statement, J Bone Oncol 2017;7:1", "https://doi.org/10.1016/j.jbo.2017.03.001");
    private static readonly Citation Shapiro2019 = new("E10", "Shapiro CL et al. ASCO guideline, JCO 2019;37:2916", "https://doi.org/10.1200/JCO.19.01696");
    private static readonly Citation Iscd = new("E11", "ISCD least significant change; Nelson L et al. J Clin Densitom 2010", "https://doi.org/10.1016/j.jocd.2009.10.001");
    private static readonly Citation AnastrozoleLabel = new("E12", "Anastrozole US prescribing information (openFDA label)", "https://api.fda.gov/drug/label.json?search=set_id:69be1c52-93db-e2c3-e053-2a91aa0af774");
    private static readonly Citation Arup = new("E13", "ARUP 0093247 Estradiol, LC-MS/MS reference intervals", "https://ltd.aruplab.com/Tests/Pub/0093247");
    private static readonly Citation Mayo = new("E14", "Mayo Clinic Laboratories PINP and CTX reference intervals", "https://www.mayocliniclabs.com/test-catalog/overview/61695");
    private static readonly Citation SeedArticle = new("seed", "CdsBone seed article: estrogen, anastrozole and bone health in testosterone therapy (0.5 mg twice weekly)", "https://cdsbone.example.org/docs/seed");
    private static readonly Citation ObservationStatus = new("FHIR", "FHIR R4 ObservationStatus", "https://hl7.org/fhir/R4/valueset-observation-status.html");

    private static readonly FrozenDictionary<RuleId, Citation[]> ByRule = new Dictionary<RuleId, Citation[]>
    {
        [RuleId.D1] = [ObservationStatus],
        [RuleId.M1] = [Bhasin2018, Rosner2013],
        [RuleId.M2] = [Rosner2013],
        [RuleId.M3] = [Hadji2017, Shapiro2019, BurnettBowie2009Bone],
        [RuleId.M4] = [Shapiro2019],
        [RuleId.M5] = [Vermeulen1999],
        [RuleId.S1] = [AnastrozoleLabel],
        [RuleId.S2] = [AnastrozoleLabel],
        [RuleId.S3] = [BurnettBowie2009Bone, Shapiro2019],
        [RuleId.S4] = [Khosla2001, Rochira],
        [RuleId.S5] = [Khosla2001, Rochira, Rosner2013],
        [RuleId.A1] = [Rochira],
        [RuleId.A2] = [Khosla2001, Rochira],
        [RuleId.A3] = [Iscd, BurnettBowie2009Bone],
        [RuleId.A4] = [Hadji2017, Shapiro2019],
        [RuleId.A5] = [Mayo],
        [RuleId.A6] = [BurnettBowie2009Bone, SeedArticle],
        [RuleId.T1] = [Bhasin2018, BurnettBowie2009Bone, BurnettBowie2009Body],
        [RuleId.T2] = [Bhasin2018],
        [RuleId.T3] = [Mulhall2018],
        [RuleId.T4] = [Bhasin2018],
        [RuleId.T5] = [Hadji2017, Shapiro2019],
        [RuleId.T6] = [Bhasin2018, BurnettBowie2009Bone],
        [RuleId.N1] = [Bhasin2018, Arup],
    }.ToFrozenDictionary();

    /// <summary>The sources of <paramref name="rule"/>; empty for rules that rest on the data model only (D2–D4, M6).</summary>
    public static IReadOnlyList<Citation> For(RuleId rule) => ByRule.TryGetValue(rule, out var citations) ? citations : [];
}
