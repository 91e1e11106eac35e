using CdsBone.Rules.Facts;

namespace CdsBone.Rules.Picture;

/// <summary>A fall in BMD at one site between two studies (A3, T5), against the least significant change.</summary>
/// <param name="Earlier">The earlier BMD.</param>
/// <param name="Latest">The latest BMD.</param>
/// <param name="FallGcm2">Earlier minus latest, g/cm2 (positive = loss).</param>
/// <param name="LeastSignificantChangeGcm2">The LSC it was judged against.</param>
/// <param name="LscFromFacility">True when the facility's LSC was used.</param>
public sealed record BmdChange(DxaResult Earlier, DxaResult Latest, decimal FallGcm2, decimal LeastSignificantChangeGcm2, bool LscFromFacility)
{
    /// <summary>True when the fall reaches the LSC: a real loss (ISCD [E11]).</summary>
    public bool IsSignificantLoss => FallGcm2 >= LeastSignificantChangeGcm2;

    /// <summary>The change as a percentage of the earlier value: (new − old) / old × 100.</summary>
    public decimal PercentChange => Earlier.Value is { } old && old != 0m && Latest.Value is { } latest ? (latest - old) / old * 100m : 0m;
}
