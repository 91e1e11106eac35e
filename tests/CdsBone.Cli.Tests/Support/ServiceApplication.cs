using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CdsBone.Cli.Tests.Support;

/// <summary>CdsBone in memory, configured per test, on the same clock as the tool.</summary>
internal sealed class ServiceApplication(Dictionary<string, string?> settings, TimeProvider clock) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // One warm-up call, not the production default's repeats: tests start many applications (a test sets its own).
        builder.UseSetting("CdsBone:Hook:WarmUp", "00:00:00");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(clock)));
    }
}
