namespace CdsBone.Fhir.Terminology;

/// <summary>Where the concept-class value sets come from (configuration section <c>CdsBone:Terminology</c>).</summary>
public sealed class TerminologyOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "CdsBone:Terminology";

    /// <summary>
    /// A folder of FHIR R4 ValueSet JSON files (<c>*.json</c>) loaded after the shipped sets: a set with the url of a
    /// shipped one replaces it, any other set extends its class. Each names its class in the extension
    /// <see cref="ValueSetFile.ConceptClassExtension"/>. Empty: the shipped sets only.
    /// </summary>
    public string? ValueSetPath { get; set; }
}
