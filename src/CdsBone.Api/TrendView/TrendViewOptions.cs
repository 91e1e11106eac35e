using System.ComponentModel.DataAnnotations;

namespace CdsBone.Api.TrendView;

/// <summary>
/// The trend view, a SMART App Launch 2.0 app served under <c>/app/</c> (configuration section <c>CdsBone:TrendView</c>).
/// Off by default: an EHR must register the app (its client id and redirect URL) before it can be launched.
/// </summary>
public sealed class TrendViewOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "CdsBone:TrendView";

    /// <summary>The scopes of an EHR launch (SMART App Launch 2.0 §scopes: v2 <c>.rs</c> = read and search).</summary>
    public const string DefaultScopes = "launch openid fhirUser patient/Patient.rs patient/Observation.rs patient/MedicationRequest.rs patient/Condition.rs";

    /// <summary>The scopes of a standalone launch: the authorization server asks the user for the patient.</summary>
    public const string DefaultStandaloneScopes = "launch/patient openid fhirUser patient/Patient.rs patient/Observation.rs patient/MedicationRequest.rs patient/Condition.rs";

    /// <summary>Default <see cref="LaunchLifetime"/>: 10 minutes from launch to callback.</summary>
    public static readonly TimeSpan DefaultLaunchLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Default <see cref="DefaultTokenLifetime"/>: 5 minutes, when a token response names no <c>expires_in</c>.</summary>
    public static readonly TimeSpan DefaultAssumedTokenLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Default <see cref="MaxSessionLifetime"/>: 1 hour, whatever the token's lifetime.</summary>
    public static readonly TimeSpan DefaultMaxSessionLifetime = TimeSpan.FromHours(1);

    /// <summary>Serve the app under <c>/app/</c>. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>The OAuth client id the EHR's authorization server registered for the app (a public client: PKCE, no secret).</summary>
    public string? ClientId { get; set; }

    /// <summary>Scopes asked for in an EHR launch. Default <see cref="DefaultScopes"/>.</summary>
    [Required]
    public string Scopes { get; set; } = DefaultScopes;

    /// <summary>Scopes asked for in a standalone launch. Default <see cref="DefaultStandaloneScopes"/>.</summary>
    [Required]
    public string StandaloneScopes { get; set; } = DefaultStandaloneScopes;

    /// <summary>The registered redirect URL. Default <c>{CdsBone:PublicBaseUrl}/app/callback</c>.</summary>
    [Url]
    public string? RedirectUrl { get; set; }

    /// <summary>Add the "Hormone and bone trends" SMART link to every decision card. Default true (when the app is enabled).</summary>
    public bool CardLink { get; set; } = true;

    /// <summary>How long a launch may take until its callback. Default <see cref="DefaultLaunchLifetime"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan LaunchLifetime { get; set; } = DefaultLaunchLifetime;

    /// <summary>The token's lifetime when the token response gives no <c>expires_in</c>. Default <see cref="DefaultAssumedTokenLifetime"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan DefaultTokenLifetime { get; set; } = DefaultAssumedTokenLifetime;

    /// <summary>The longest a session (and its cookie) lives, however long the token would. Default <see cref="DefaultMaxSessionLifetime"/>.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "12:00:00")]
    public TimeSpan MaxSessionLifetime { get; set; } = DefaultMaxSessionLifetime;

    /// <summary>The redirect URL in force: <see cref="RedirectUrl"/>, else derived from the public base URL; null when neither is known.</summary>
    public string? RedirectUrlFor(string? publicBaseUrl) =>
        RedirectUrl ?? (string.IsNullOrEmpty(publicBaseUrl) ? null : $"{publicBaseUrl.TrimEnd('/')}{TrendViewPaths.Callback}");
}

/// <summary>The app's paths: every one under <see cref="Base"/>, where its cookies are scoped.</summary>
public static class TrendViewPaths
{
    /// <summary>The app's base path (cookie path).</summary>
    public const string Base = "/app";

    /// <summary>EHR or standalone launch.</summary>
    public const string Launch = "/app/launch";

    /// <summary>The OAuth redirect.</summary>
    public const string Callback = "/app/callback";

    /// <summary>The page.</summary>
    public const string Trends = "/app/trends";

    /// <summary>The page's style sheet (a file, so that the CSP can forbid inline styles).</summary>
    public const string StyleSheet = "/app/trends.css";
}
