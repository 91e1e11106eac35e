using CdsBone.Rules.Codes;

namespace CdsBone.Rules.Terminology;

/// <summary>A versioned value set, written as a FHIR canonical: <c>url|version</c>.</summary>
/// <param name="Url">The canonical URL.</param>
/// <param name="Version">The business version.</param>
public sealed record ValueSetReference(string Url, string Version)
{
    /// <summary>The canonical with its version, as cards name it.</summary>
    public override string ToString() => $"{Url}|{Version}";
}

/// <summary>A code's membership of a concept class, as a value set lists it.</summary>
/// <param name="Class">The class.</param>
/// <param name="ValueSet">The value set that lists the code.</param>
/// <param name="Display">The display the value set gives the code (names the ingredient of a product).</param>
public sealed record ConceptMember(ConceptClass Class, ValueSetReference ValueSet, string? Display);

/// <summary>
/// "Is this coding a member of class X?": the rules' question to the terminology, answered by the FHIR layer from the
/// value sets loaded at start. Implementations are immutable and thread-safe.
/// </summary>
public interface IConceptMembership
{
    /// <summary>The membership of <paramref name="code"/> in <paramref name="conceptClass"/>, or null when no loaded value set lists it.</summary>
    ConceptMember? Find(ConceptClass conceptClass, ClinicalCode code);

    /// <summary>True when a value set excludes <paramref name="code"/> from <paramref name="conceptClass"/>: never a member, whatever its text.</summary>
    bool IsExcluded(ConceptClass conceptClass, ClinicalCode code);
}
