namespace CdsBone.Rules.Codes;

/// <summary>A code in a named code system (LOINC, RxNorm, SNOMED CT, ICD-10). Compare codes through this type, never as bare strings.</summary>
/// <param name="System">The code system URI, e.g. <c>http://loinc.org</c>.</param>
/// <param name="Code">The code within that system.</param>
public readonly record struct ClinicalCode(string System, string Code)
{
    /// <inheritdoc />
    public override string ToString() => $"{System}|{Code}";
}
