using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CdsBone.Api.Cards;
using CdsBone.Api.CdsHooks;
using CdsBone.Api.Discovery;
using CdsBone.Api.Options;
using CdsBone.Api.Services;
using CdsBone.Fhir.Prefetch;
using CdsBone.Fhir.Serialization;
using CdsBone.Fhir.Units;
using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Options;

namespace CdsBone.Benchmarks;

/// <summary>
/// The hook's hot path, one stage at a time and end to end, for a typical request (a visible fixture: ~10 observations)
/// and a large one (500 observations, 50 medications). "Now" is the fixtures' date so that every rule runs.
/// </summary>
[MemoryDiagnoser]
public class HookPipelineBenchmarks
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly UcumQuantityConverter _converter = new();
    private readonly CdsService _service = new("anastrozole-order-sign", "order-sign", HookTrigger.OrderSign, new Dictionary<string, string>());
    private ClinicalFactsMapper _mapper = null!;
    private RuleEngine _engine = null!;
    private CardAssembler _cards = null!;
    private byte[] _body = [];
    private CdsServiceRequest _request = null!;
    private JsonDocument _document = null!;
    private HookInput _input = null!;
    private FactsMapping _mapping = null!;
    private EvaluationResult _result = null!;
    private CdsServiceResponse _response = null!;

    /// <summary>typical: V1 (order-sign, start-consider); large: 500 observations and 50 medications.</summary>
    [Params("typical", "large")]
    public string Request { get; set; } = "typical";

    [GlobalSetup]
    public void Setup()
    {
        _mapper = new ClinicalFactsMapper(new FhirResourceReader(), _converter, Fhir.Terminology.ValueSetIndex.Shipped());
        _engine = new RuleEngine(new RuleOptions());
        _cards = new CardAssembler(Microsoft.Extensions.Options.Options.Create(new CdsBoneOptions()));
        _body = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "requests", $"{Request}.json"));
        var (request, document, _) = CdsRequestParser.Parse(_body);
        (_request, _document) = (request!, document!);
        var (input, _, _) = HookInputReader.Read(_service, _request);
        _input = input!;
        _mapping = _mapper.Map(_input);
        _result = Evaluate();
        _response = new CdsServiceResponse(_cards.Assemble(_result, _mapping.Resources, "p"));
    }

    [GlobalCleanup]
    public void Cleanup() => _document.Dispose();

    [Benchmark]
    public void ParseRequest()
    {
        var (_, document, _) = CdsRequestParser.Parse(_body);
        document!.Dispose();
    }

    [Benchmark]
    public FactsMapping MapFhir() => _mapper.Map(_input);

    [Benchmark]
    public EvaluationResult EvaluateRules() => Evaluate();

    [Benchmark]
    public IReadOnlyList<Card> AssembleCards() => _cards.Assemble(_result, _mapping.Resources, "p");

    [Benchmark]
    public byte[] SerializeResponse() => JsonSerializer.SerializeToUtf8Bytes(_response, CdsJson.Options);

    /// <summary>Parse, map, evaluate, assemble and serialize: everything but HTTP and the prefetch fallback.</summary>
    [Benchmark(Baseline = true)]
    public byte[] EndToEnd()
    {
        var (request, document, _) = CdsRequestParser.Parse(_body);
        using (document)
        {
            var (input, patientId, _) = HookInputReader.Read(_service, request!);
            var mapping = _mapper.Map(input!);
            var result = _engine.Evaluate(new EvaluationRequest(_service.Trigger, mapping.Facts!, Now));
            var response = new CdsServiceResponse(_cards.Assemble(result, mapping.Resources, patientId!));
            return JsonSerializer.SerializeToUtf8Bytes(response, CdsJson.Options);
        }
    }

    private EvaluationResult Evaluate() => _engine.Evaluate(new EvaluationRequest(_service.Trigger, _mapping.Facts!, Now));
}
