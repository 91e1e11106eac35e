using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CdsBone.Api.Tests.Support;
using CdsBone.Fhir.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CdsBone.Api.Tests.Security;

/// <summary>
/// The structured fuzzer of issue 12: walks EVERY string, number and object position of every sample (samples/), every
/// visible fixture request (with fhirServer and fhirAuthorization added, so that token and expires_in are walked too),
/// a feedback body, and the FHIR server's responses for each fixture, and substitutes hostile values
/// (<see cref="JsonMutations"/>): lone surrogates, invalid UTF-8, control characters, ±1e308, 1e-308, -0, 2^63, 1e28,
/// huge strings, repeated and invalid keys, wrong JSON types. Every answer must be below 500 and come back (no hang),
/// and the service must still answer a valid request afterwards, within a bounded heap.
/// <para>
/// The walk is exhaustive and deterministic: every mutation of a position's kind at every position (~32,000 cases,
/// ~20 s). A second, seeded phase stacks 2–4 mutations at random positions of random sources
/// (<see cref="RandomCases"/> cases, seed <see cref="CiSeed"/> in CI); for a long random run set
/// <c>CDSBONE_FUZZ_SEED</c> (any integer, or <c>random</c>) and <c>CDSBONE_FUZZ_CASES</c>.
/// </para>
/// </summary>
[Collection(FuzzingRunsAlone.Name)]
public sealed class StructuredFuzzingTests(ITestOutputHelper output)
{
    public const int CiSeed = 20261130;
    private const int CiRandomCases = 2_000;
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(30);
    /// <summary>Most the managed heap may grow over one walk once pools are warm (a leak of 10 KB per case would be ~320 MB).</summary>
    private const long HeapGrowthBoundBytes = 256L * 1024 * 1024;

    /// <summary>Mutations that leave a document JsonNode can parse again (so that another can be stacked on it).</summary>
    private static readonly HashSet<string> Unstackable = ["invalid-utf8", "lone-high-surrogate", "lone-low-surrogate", "lone-surrogate-key", "duplicate-key", "huge"];

    private static readonly int Seed = Environment.GetEnvironmentVariable("CDSBONE_FUZZ_SEED") switch
    {
        "random" => Random.Shared.Next(),
        { } text when int.TryParse(text, CultureInfo.InvariantCulture, out var chosen) => chosen,
        _ => CiSeed,
    };

    private static readonly int RandomCases = int.TryParse(Environment.GetEnvironmentVariable("CDSBONE_FUZZ_CASES"), CultureInfo.InvariantCulture, out var n) ? n : CiRandomCases;

    [Fact]
    public async Task HookRequests_EveryPosition_NeverA5xx()
    {
        var sources = RequestSources();
        var cases = new List<(string Name, string Json, string Path, Action<FuzzFhirServer>? Prepare)>();
        foreach (var (name, json, path) in sources)
        {
            var served = FuzzFhirServer.Bodies(JsonNode.Parse(sources.First(s => name.StartsWith(s.Name, StringComparison.Ordinal)).Json)!.AsObject());
            cases.Add((name, json, path, server => server.Serve(served)));
        }

        await RunAsync("hook requests", cases);
    }

    [Fact]
    public async Task FhirServerResponses_EveryPosition_NeverA5xx()
    {
        await using var app = App(out var fhir);
        using var client = app.CreateClient();
        var heapAtStart = await HeapAfterFirstCallAsync(client, fhir);
        var failures = new List<string>();
        var cases = 0;
        var slotsWalked = 0;
        foreach (var id in TestFiles.PatientIds(TestFiles.VisibleFixtures))
        {
            var fixture = WithServer(TestFiles.Request(TestFiles.VisibleFixtures, id));
            var original = FuzzFhirServer.Bodies(fixture);
            var request = fixture.DeepClone().AsObject();
            request.Remove("prefetch");
            var body = Encoding.UTF8.GetBytes(request.ToJsonString());
            foreach (var (type, bytes) in original)
            {
                var document = Encoding.UTF8.GetString(bytes);
                foreach (var slot in JsonMutations.Slots(JsonNode.Parse(document)!))
                {
                    slotsWalked++;
                    foreach (var mutation in JsonMutations.For(slot.Kind))
                    {
                        var served = new Dictionary<string, byte[]>(original, StringComparer.Ordinal) { [type] = JsonMutations.Apply(document, slot, mutation) };
                        fhir.Serve(served);
                        cases++;
                        var status = await PostAsync(client, "/cds-services/anastrozole-order-sign", body);
                        if (status is null or >= 500)
                        {
                            failures.Add($"{id} {type}{slot.Pointer} {mutation.Name}: {status?.ToString(CultureInfo.InvariantCulture) ?? "no answer"}");
                        }
                    }
                }
            }
        }

        await Finish(client, fhir, heapAtStart, "FHIR server responses", slotsWalked, cases, failures);
    }

    [Fact]
    public async Task Feedback_EveryPosition_NeverA5xx()
    {
        var feedback = new JsonObject
        {
            ["feedback"] = new JsonArray(new JsonObject
            {
                ["card"] = "9b1f2c4e-3d5a-4b6c-8d7e-0f1a2b3c4d5e",
                ["outcome"] = "overridden",
                ["outcomeTimestamp"] = "2025-06-01T12:00:00Z",
                ["overrideReason"] = new JsonObject
                {
                    ["reason"] = new JsonObject { ["system"] = "https://cdsbone.example/override-reasons", ["code"] = "patient-declined", ["display"] = "Patient declined" },
                    ["userComment"] = "discussed with the patient",
                },
                ["acceptedSuggestions"] = new JsonArray(new JsonObject { ["id"] = "f6b1d2a0-0000-4000-8000-000000000001" }),
            }),
        }.ToJsonString();
        await RunAsync("feedback", [("feedback", feedback, "/cds-services/anastrozole-order-sign/feedback", null)]);
    }

    private async Task RunAsync(string what, List<(string Name, string Json, string Path, Action<FuzzFhirServer>? Prepare)> sources)
    {
        await using var app = App(out var fhir);
        using var client = app.CreateClient();
        _ = await HeapAfterFirstCallAsync(client, fhir);
        var failures = new List<string>();
        var (slotsWalked, cases) = await WalkAsync(client, fhir, sources, failures);

        // The first walk leaves the shared array pools holding buffers for the 300 KB bodies (~160-190 MB here, more
        // with more cores: bounded by the pools, not by the cases); a second walk shows what a walk leaves behind.
        var heapAfterFirstWalk = GC.GetTotalMemory(forceFullCollection: true);
        await WalkAsync(client, fhir, sources, failures);
        await Finish(client, fhir, heapAfterFirstWalk, what, slotsWalked, cases, failures);
    }

    private static async Task<(int Slots, int Cases)> WalkAsync(
        HttpClient client, FuzzFhirServer fhir, List<(string Name, string Json, string Path, Action<FuzzFhirServer>? Prepare)> sources, List<string> failures)
    {
        var cases = 0;
        var slotsWalked = 0;
        foreach (var (name, json, path, prepare) in sources)
        {
            prepare?.Invoke(fhir);
            foreach (var slot in JsonMutations.Slots(JsonNode.Parse(json)!))
            {
                slotsWalked++;
                foreach (var mutation in JsonMutations.For(slot.Kind))
                {
                    cases++;
                    var status = await PostAsync(client, path, JsonMutations.Apply(json, slot, mutation));
                    if (status is null or >= 500)
                    {
                        failures.Add($"{name}{slot.Pointer} {mutation.Name}: {status?.ToString(CultureInfo.InvariantCulture) ?? "no answer"}");
                    }
                }
            }
        }

        return (slotsWalked, cases);
    }

    /// <summary>
    /// The heap once the application has answered one valid call (its singletons, caches and JIT state loaded), so that
    /// the bound measures what the cases leave behind, not the application's start or another test's leftovers.
    /// </summary>
    private static async Task<long> HeapAfterFirstCallAsync(HttpClient client, FuzzFhirServer fhir)
    {
        var valid = WithServer(TestFiles.Request(TestFiles.VisibleFixtures, "V2-fertility-protocol-low-e2"));
        fhir.Serve(valid);
        Assert.Equal(200, await PostAsync(client, "/cds-services/anastrozole-order-sign", Encoding.UTF8.GetBytes(valid.ToJsonString())));
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private async Task Finish(HttpClient client, FuzzFhirServer fhir, long heapAtStart, string what, int slots, int cases, List<string> failures)
    {
        output.WriteLine($"{what}: {slots} positions, {cases} cases, seed {Seed}, {failures.Count} failures");
        var valid = WithServer(TestFiles.Request(TestFiles.VisibleFixtures, "V2-fertility-protocol-low-e2"));
        fhir.Serve(valid);
        var after = await PostAsync(client, "/cds-services/anastrozole-order-sign", Encoding.UTF8.GetBytes(valid.ToJsonString()));
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} cases answered 5xx or hung:\n" + string.Join("\n", failures.Take(40)));
        Assert.Equal(200, after);
        var growth = GC.GetTotalMemory(forceFullCollection: true) - heapAtStart;
        output.WriteLine($"{what}: the heap grew by {growth / (1024 * 1024)} MB over the run");
        Assert.True(growth < HeapGrowthBoundBytes, $"the heap grew by {growth} bytes over the run");
    }

    [Fact]
    public async Task StackedMutations_SeededRandom_NeverA5xx()
    {
        var sources = RequestSources();
        await using var app = App(out var fhir);
        using var client = app.CreateClient();
        var heapAtStart = await HeapAfterFirstCallAsync(client, fhir);
        var random = new Random(Seed);
        var failures = new List<string>();
        for (var i = 0; i < RandomCases; i++)
        {
            var (name, json, path) = sources[random.Next(sources.Count)];
            var applied = new List<string>();
            var document = json;
            var depth = random.Next(2, 5);
            byte[] body = [];
            for (var step = 0; step < depth; step++)
            {
                var last = step == depth - 1;

                // Key mutations leave a document that cannot be stacked on: only the last step may use them.
                var slots = JsonMutations.Slots(JsonNode.Parse(document)!).Where(s => last || s.Kind != SlotKind.Object).ToList();
                var slot = slots[random.Next(slots.Count)];
                var choices = JsonMutations.For(slot.Kind).Where(m => last || !Unstackable.Contains(m.Name)).ToList();
                var mutation = choices[random.Next(choices.Count)];
                applied.Add($"{slot.Pointer} {mutation.Name}");
                body = JsonMutations.Apply(document, slot, mutation);
                document = last ? document : Encoding.UTF8.GetString(body);
            }

            fhir.Serve(FuzzFhirServer.Bodies(JsonNode.Parse(sources.First(s => name.StartsWith(s.Name, StringComparison.Ordinal)).Json)!.AsObject()));
            var status = await PostAsync(client, path, body);
            if (status is null or >= 500)
            {
                failures.Add($"{name} [{string.Join("; ", applied)}]: {status?.ToString(CultureInfo.InvariantCulture) ?? "no answer"}");
            }
        }

        await Finish(client, fhir, heapAtStart, "stacked mutations", RandomCases, RandomCases, failures);
    }


    private static async Task<int?> PostAsync(HttpClient client, string path, byte[] body)
    {
        using var timeout = new CancellationTokenSource(CaseTimeout);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        try
        {
            using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content, timeout.Token);
            return (int)response.StatusCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private static List<(string Name, string Json, string Path)> RequestSources()
    {
        var sources = new List<(string, string, string)>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestFiles.RepositoryRoot, "samples"), "*.json").Order(StringComparer.Ordinal))
        {
            var request = WithServer(JsonNode.Parse(File.ReadAllText(file))!.AsObject());
            sources.Add(($"samples/{Path.GetFileName(file)}", request.ToJsonString(), $"/cds-services/anastrozole-{request["hook"]!.GetValue<string>()}"));
        }

        foreach (var id in TestFiles.PatientIds(TestFiles.VisibleFixtures))
        {
            var request = WithServer(TestFiles.Request(TestFiles.VisibleFixtures, id));
            var path = $"/cds-services/anastrozole-{request["hook"]!.GetValue<string>()}";
            sources.Add(($"fixtures/{id}", request.ToJsonString(), path));

            // Without prefetch: the service fetches, so fhirServer, access_token and expires_in are used, not only read.
            var fetching = request.DeepClone().AsObject();
            fetching.Remove("prefetch");
            sources.Add(($"fixtures/{id} (no prefetch)", fetching.ToJsonString(), path));
        }

        return sources;
    }

    /// <summary>The request with the fuzz FHIR server and a token for it (so fhirServer, access_token and expires_in are walked too).</summary>
    private static JsonObject WithServer(JsonObject request)
    {
        request["fhirServer"] = FuzzFhirServer.BaseUrl;
        request["fhirAuthorization"] = new JsonObject
        {
            ["access_token"] = FuzzFhirServer.Token,
            ["token_type"] = "Bearer",
            ["expires_in"] = 300,
            ["scope"] = "patient/*.read",
            ["subject"] = "cdsbone",
        };
        return request;
    }

    private static CdsBoneApplication App(out FuzzFhirServer fhir)
    {
        var server = new FuzzFhirServer();
        fhir = server;
        return new CdsBoneApplication(
            new()
            {
                ["CdsBone:RateLimit:PermitsPerSecond"] = "100000",
                ["CdsBone:RateLimit:Burst"] = "100000",
                ["CdsBone:Fhir:AllowedServers:0"] = FuzzFhirServer.BaseUrl,
                ["CdsBone:Fhir:Retry:MaxRetries"] = "0",
                ["Logging:LogLevel:Default"] = "Warning",
            },
            services: s => s.AddHttpClient<FhirFetcher>().ConfigurePrimaryHttpMessageHandler(() => server));
    }
}

/// <summary>The fuzzer runs alone (not beside other test classes), so that its heap measurement is its own.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzingRunsAlone
{
    public const string Name = "Structured fuzzing";
}
