using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace CdsBone.Api.TrendView;

/// <summary>
/// The app's two cookies, encrypted and signed with ASP.NET Core Data Protection (one purpose each, so one cannot be
/// replayed as the other), HttpOnly, SameSite=Lax (the callback is a top-level redirect from the authorization server),
/// Secure on https, and scoped to <c>/app</c>: the token stays on the server side of the wire, readable only by a
/// replica that shares the key ring. Expiry is checked against the injected clock, not only the browser's.
/// </summary>
internal sealed class TrendCookies(IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>The launch cookie (state and PKCE verifier), until the callback.</summary>
    public const string LaunchCookie = "cdsbone-launch";

    /// <summary>The session cookie (patient and token), for the token's lifetime.</summary>
    public const string SessionCookie = "cdsbone-trends";

    private readonly IDataProtector _launch = protection.CreateProtector("CdsBone.TrendView.Launch.v1");
    private readonly IDataProtector _session = protection.CreateProtector("CdsBone.TrendView.Session.v1");

    public void WriteLaunch(HttpContext context, LaunchState launch) =>
        Write(context, LaunchCookie, _launch.Protect(JsonSerializer.Serialize(launch, TrendViewJsonContext.Default.LaunchState)), launch.ExpiresAt - clock.GetUtcNow());

    public void WriteSession(HttpContext context, TrendSession session) =>
        Write(context, SessionCookie, _session.Protect(JsonSerializer.Serialize(session, TrendViewJsonContext.Default.TrendSession)), session.ExpiresAt - clock.GetUtcNow());

    /// <summary>The launch in progress; null when there is none, it cannot be opened, or it has expired.</summary>
    public LaunchState? ReadLaunch(HttpContext context)
    {
        var launch = Read(context, LaunchCookie, _launch, TrendViewJsonContext.Default.LaunchState);
        return launch is not null && launch.ExpiresAt > clock.GetUtcNow() ? launch : null;
    }

    /// <summary>The session, expired or not (an expired one leads to a relaunch at the same server); null when there is none.</summary>
    public TrendSession? ReadSession(HttpContext context) => Read(context, SessionCookie, _session, TrendViewJsonContext.Default.TrendSession);

    public static void Delete(HttpContext context, string name) =>
        context.Response.Cookies.Delete(name, Options(context, maxAge: null));

    // Max-Age rather than Expires: the browser counts the lifetime on its own clock, whatever the server's says.
    private static void Write(HttpContext context, string name, string value, TimeSpan maxAge) =>
        context.Response.Cookies.Append(name, value, Options(context, maxAge));

    private static T? Read<T>(HttpContext context, string name, IDataProtector protector, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        if (!context.Request.Cookies.TryGetValue(name, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(protector.Unprotect(value), type);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or JsonException or FormatException)
        {
            // Tampered, from another key ring, or from an older format: as good as no cookie.
            return null;
        }
    }

    private static CookieOptions Options(HttpContext context, TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        Path = TrendViewPaths.Base,
        MaxAge = maxAge,
        IsEssential = true,
    };
}
