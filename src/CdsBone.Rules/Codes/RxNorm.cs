namespace CdsBone.Rules.Codes;

/// <summary>The RxNorm concepts of CLINICAL-RULES.md §4a. Codes marked UNVERIFIED there are matched by text as well.</summary>
public static class RxNorm
{
    private static ClinicalCode Code(string code) => new(CodeSystems.RxNorm, code);

    /// <summary>
    /// Strength in milligrams of the single-strength oral products above: a dose sent as a count of tablets
    /// (<c>{pill}</c>) is converted with it (1 {pill} of 199224 is 1 mg).
    /// </summary>
    public static IReadOnlyDictionary<ClinicalCode, decimal> TabletStrengthMg { get; } = new Dictionary<ClinicalCode, decimal>
    {
        [Code("199224")] = 1m,
        [Code("151124")] = 1m,
        [Code("200064")] = 2.5m,
        [Code("310261")] = 25m,
    };

    /// <summary>anastrozole (ingredient), V2.</summary>
    public static readonly ClinicalCode Anastrozole = Code("84857");
    /// <summary>anastrozole 1 MG Oral Tablet (SCD).</summary>
    public static readonly ClinicalCode Anastrozole1MgTablet = Code("199224");
    /// <summary>anastrozole 1 MG Oral Tablet [Arimidex], V2.</summary>
    public static readonly ClinicalCode Arimidex1MgTablet = Code("151124");
    /// <summary>letrozole (ingredient), V2.</summary>
    public static readonly ClinicalCode Letrozole = Code("72965");
    /// <summary>letrozole 2.5 MG Oral Tablet.</summary>
    public static readonly ClinicalCode Letrozole25MgTablet = Code("200064");
    /// <summary>exemestane (ingredient), V2.</summary>
    public static readonly ClinicalCode Exemestane = Code("258494");
    /// <summary>exemestane 25 MG Oral Tablet.</summary>
    public static readonly ClinicalCode Exemestane25MgTablet = Code("310261");
    /// <summary>tamoxifen (ingredient), V2.</summary>
    public static readonly ClinicalCode Tamoxifen = Code("10324");
    /// <summary>tamoxifen 20 MG Oral Tablet.</summary>
    public static readonly ClinicalCode Tamoxifen20MgTablet = Code("313195");
    /// <summary>tamoxifen 10 MG Oral Tablet.</summary>
    public static readonly ClinicalCode Tamoxifen10MgTablet = Code("198240");
    /// <summary>clomiphene (ingredient), UNVERIFIED.</summary>
    public static readonly ClinicalCode Clomiphene = Code("2596");
    /// <summary>clomiphene citrate 50 MG Oral Tablet.</summary>
    public static readonly ClinicalCode Clomiphene50MgTablet = Code("1093060");
    /// <summary>clomiphene citrate 50 MG Oral Tablet [Clomid] (seen on Clomid).</summary>
    public static readonly ClinicalCode Clomid50MgTablet = Code("1093073");
    /// <summary>testosterone (ingredient), UNVERIFIED.</summary>
    public static readonly ClinicalCode Testosterone = Code("10379");
    /// <summary>testosterone cypionate 200 MG/ML Injectable Solution.</summary>
    public static readonly ClinicalCode TestosteroneCypionate200 = Code("835840");
    /// <summary>testosterone cypionate 100 MG/ML Injectable Solution, V2.</summary>
    public static readonly ClinicalCode TestosteroneCypionate100 = Code("835829");
    /// <summary>1 ML testosterone cypionate 200 MG/ML Injection (name UNVERIFIED).</summary>
    public static readonly ClinicalCode TestosteroneCypionate1MlVial = Code("2047882");
    /// <summary>testosterone enanthate 200 MG/ML Injectable Solution.</summary>
    public static readonly ClinicalCode TestosteroneEnanthate200 = Code("835809");
    /// <summary>testosterone gel products (1 %, 1.62 %); which is SCD/SBD/pack is UNVERIFIED.</summary>
    public static readonly IReadOnlyList<ClinicalCode> TestosteroneGels =
        [Code("1596780"), Code("1597123"), Code("1597129"), Code("1597076"), Code("1597120"), Code("1597126"), Code("1597132")];
    /// <summary>alendronate (ingredient), V2.</summary>
    public static readonly ClinicalCode Alendronate = Code("46041");
    /// <summary>alendronate sodium 70 MG Oral Tablet.</summary>
    public static readonly ClinicalCode Alendronate70MgTablet = Code("904431");
    /// <summary>alendronate 70 MG per 75 ML oral solution.</summary>
    public static readonly ClinicalCode Alendronate70MgSolution = Code("904447");
    /// <summary>denosumab (ingredient), V2.</summary>
    public static readonly ClinicalCode Denosumab = Code("993449");
    /// <summary>Prolia 60 MG/ML prefilled syringe (generic/branded pair UNVERIFIED).</summary>
    public static readonly IReadOnlyList<ClinicalCode> Prolia = [Code("993452"), Code("993456")];
}
