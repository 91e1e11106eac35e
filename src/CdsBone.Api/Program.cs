using CdsBone.Api;
using CdsBone.Api.Errors;
using CdsBone.Api.OpenApi;
using CdsBone.Api.Security;

var builder = WebApplication.CreateBuilder(args);

// Configuration: CdsBone options and clinical thresholds, validated on start; body limit; default URL.
builder.AddCdsBoneConfiguration();

// CDS Hooks: discovery, FHIR mapping and prefetch fallback, rules, cards, clock, metrics.
builder.Services.AddCdsHooks(builder.Environment);

// Errors: OperationOutcome bodies, mapped in one place.
builder.Services.AddCdsBoneErrors();

// Client authentication (CDS Hooks JWT), replay cache, rate limits, hardening.
builder.AddCdsBoneSecurity();

// Browser clients (the CDS Hooks sandbox).
builder.Services.AddCdsBoneCors(builder.Configuration, builder.Environment);

// API description.
builder.Services.AddCdsBoneOpenApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseOperationOutcomeStatusPages();
app.UseCdsBoneSecurity();
app.MapCdsHooks();
app.MapCdsBoneOpenApi();

app.Run();
