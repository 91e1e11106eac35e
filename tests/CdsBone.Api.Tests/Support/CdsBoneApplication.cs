using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CdsBone.Api.Tests.Support;

/// <summary>
/// The service in memory, the clock pinned to the fixtures' date (2025-06-01), in Development unless told otherwise.
/// One per test (TodoApi's TodoApplication): configuration is per test and nothing is shared.
/// </summary>
internal sealed class CdsBoneApplication(
    Dictionary<string, string?>? settings = null, string environment = "Development", Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset FixtureDate = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(FixtureDate);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        // One warm-up call, not the production default's repeats: tests start many applications (a test sets its own).
        builder.UseSetting("CdsBone:Hook:WarmUp", "00:00:00");
        foreach (var (key, value) in settings ?? [])
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(collection =>
        {
            collection.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            services?.Invoke(collection);
        });
    }
}
