using CdsBone.Rules.Facts;

namespace CdsBone.Rules.Options;

/// <summary>Plausible ranges after conversion (§5 Definitions, D4), in canonical units.</summary>
public sealed class PlausibleRanges
{
    /// <summary>Estradiol, pg/mL: 0–100,000.</summary>
    public PlausibleRange Estradiol { get; set; } = new(0m, 100_000m);
    /// <summary>Total testosterone, ng/dL: 0–3,000.</summary>
    public PlausibleRange TotalTestosterone { get; set; } = new(0m, 3_000m);
    /// <summary>Free testosterone, pg/mL: 0–1,000.</summary>
    public PlausibleRange FreeTestosterone { get; set; } = new(0m, 1_000m);
    /// <summary>SHBG, nmol/L: 0–500.</summary>
    public PlausibleRange Shbg { get; set; } = new(0m, 500m);
    /// <summary>Albumin, g/L: 10–70.</summary>
    public PlausibleRange Albumin { get; set; } = new(10m, 70m);
    /// <summary>CTx, pg/mL: 0–10,000.</summary>
    public PlausibleRange Ctx { get; set; } = new(0m, 10_000m);
    /// <summary>P1NP, ug/L: 0–2,000.</summary>
    public PlausibleRange P1np { get; set; } = new(0m, 2_000m);
    /// <summary>hCG, m[IU]/mL: 0–500,000.</summary>
    public PlausibleRange Hcg { get; set; } = new(0m, 500_000m);
    /// <summary>T- and Z-scores: −6 to +6.</summary>
    public PlausibleRange Score { get; set; } = new(-6m, 6m);
    /// <summary>BMD, g/cm2: 0.2–2.5.</summary>
    public PlausibleRange Bmd { get; set; } = new(0.2m, 2.5m);

    /// <summary>The range for a lab analyte, or null when §5 sets none (the value is then used as it is).</summary>
    public PlausibleRange? For(Analyte analyte) => analyte switch
    {
        Analyte.Estradiol => Estradiol,
        Analyte.TotalTestosterone => TotalTestosterone,
        Analyte.FreeTestosterone => FreeTestosterone,
        Analyte.Shbg => Shbg,
        Analyte.Albumin => Albumin,
        Analyte.Ctx => Ctx,
        Analyte.P1np => P1np,
        Analyte.Hcg => Hcg,
        _ => null,
    };

    /// <summary>The range for a DXA measure.</summary>
    public PlausibleRange For(DxaMeasure measure) => measure == DxaMeasure.Bmd ? Bmd : Score;
}
