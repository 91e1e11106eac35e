using System.Text.Json;

namespace CdsBone.Fhir.Suggestions;

/// <summary>A CDS Hooks action: create, update or delete, with the FHIR resource or the reference it acts on.</summary>
/// <param name="Type"><c>create</c>, <c>update</c> or <c>delete</c>.</param>
/// <param name="Description">What the action does.</param>
/// <param name="Resource">The resource (create: the new one; update: the whole updated one).</param>
/// <param name="ResourceId">For delete: the relative reference (CDS Hooks 2.0 <c>resourceId</c>).</param>
public sealed record FhirAction(string Type, string Description, JsonElement? Resource, string? ResourceId);
