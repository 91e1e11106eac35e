using System.Text.Json.Nodes;

namespace CdsBone.Cli.Ehr;

/// <summary>What the user asked to send.</summary>
/// <param name="Hook">order-sign, order-select or patient-view.</param>
/// <param name="PatientId">context.patientId.</param>
/// <param name="UserId">context.userId (a reference).</param>
/// <param name="DraftOrders">context.draftOrders for order hooks.</param>
internal sealed record HookInput(string Hook, string PatientId, string UserId, JsonObject? DraftOrders);

/// <summary>Builds the CDS Hooks 2.0 request body (CDS-HOOKS.md §1.C and §2).</summary>
internal static class HookRequest
{
    /// <summary>The OAuth client id the tool names as fhirAuthorization.subject.</summary>
    public const string ClientId = "cdsbone-cli";

    /// <summary>How long the FHIR token given to the service is said to live.</summary>
    private const int FhirTokenSeconds = 300;

    public static JsonObject Context(HookInput input)
    {
        var context = new JsonObject { ["userId"] = input.UserId, ["patientId"] = input.PatientId };
        if (Hooks.TakesDraftOrders(input.Hook))
        {
            var drafts = input.DraftOrders ?? throw new CliException($"{input.Hook} needs a draft order: --medication/--dose/--per-week or --draft-file", ExitCodes.Usage);
            context["draftOrders"] = drafts.DeepClone();
            if (input.Hook == Hooks.OrderSelect)
            {
                context["selections"] = DraftOrders.Selections(drafts);
            }
        }
        else if (input.DraftOrders is not null)
        {
            throw new CliException($"{input.Hook} takes no draft order", ExitCodes.Usage);
        }

        return context;
    }

    /// <summary>The body; fhirServer (and fhirAuthorization with a token) whenever a FHIR server is known.</summary>
    public static JsonObject Body(string hook, JsonObject context, JsonObject? prefetch, FhirServer? fhir, string patientId)
    {
        var body = new JsonObject
        {
            ["hookInstance"] = Guid.NewGuid().ToString(),
            ["hook"] = hook,
            ["context"] = context,
        };
        if (fhir is not null)
        {
            body["fhirServer"] = fhir.Base;
            if (fhir.Token is not null)
            {
                body["fhirAuthorization"] = new JsonObject
                {
                    ["access_token"] = fhir.Token,
                    ["token_type"] = "Bearer",
                    ["expires_in"] = FhirTokenSeconds,
                    ["scope"] = "patient/*.read",
                    ["subject"] = ClientId,
                    ["patient"] = patientId,
                };
            }
        }

        if (prefetch is not null)
        {
            body["prefetch"] = prefetch;
        }

        return body;
    }
}
