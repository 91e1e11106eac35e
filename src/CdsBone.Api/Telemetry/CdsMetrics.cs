using System.Diagnostics.Metrics;

namespace CdsBone.Api.Telemetry;

/// <summary>
/// CdsBone's instruments, on the meter <see cref="MeterName"/>. Tags are service ids, modes, codes and rule ids: no
/// patient data. Exported by the operations issue (OpenTelemetry, Prometheus names with the <c>cdsbone_</c> prefix).
/// </summary>
public sealed class CdsMetrics
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "CdsBone";

    private readonly Counter<long> _hooks;
    private readonly Counter<long> _cards;
    private readonly Counter<long> _feedback;
    private readonly Counter<long> _prefetch;
    private readonly Counter<long> _authRejections;
    private readonly Histogram<double> _hookDuration;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public CdsMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _hooks = meter.CreateCounter<long>("cdsbone_hook_calls", "{call}", "Hook calls by service, mode and outcome (ok or the HTTP status).");
        _cards = meter.CreateCounter<long>("cdsbone_cards", "{card}", "Cards by service, mode (shadow cards are counted but not returned), recommendation and indicator.");
        _feedback = meter.CreateCounter<long>("cdsbone_feedback", "{outcome}", "Card outcomes by service, rule, outcome and override reason.");
        _hookDuration = meter.CreateHistogram<double>("cdsbone_hook_duration", "s", "Time to answer a hook call, by service and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _authRejections = meter.CreateCounter<long>("cdsbone_auth_rejections", "{request}", "Client tokens refused, by reason.");
        _prefetch = meter.CreateCounter<long>("cdsbone_prefetch", "{key}", "Prefetch keys by service, key and outcome (provided, nodata, fetched, missing, failed).");
    }

    /// <summary>
    /// The outcome label of a hook call: <c>ok</c> (200), <c>off</c> (200 from a service that is off) or the HTTP status.
    /// </summary>
    public static string OutcomeOf(int statusCode, bool serviceOff) => statusCode switch
    {
        StatusCodes.Status200OK => serviceOff ? "off" : "ok",
        _ => statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Creates the series of every outcome a dashboard or alert divides by, at zero, so that they exist from start and
    /// not only after their first event (a ratio over a missing series is no data, not zero).
    /// </summary>
    public void Baseline(MetricBaselineSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        foreach (var (service, mode) in series.Services)
        {
            foreach (var outcome in series.HookOutcomes)
            {
                _hooks.Add(0, new("service", service), new("mode", mode), new("outcome", outcome));
            }

            foreach (var (recommendation, indicator) in series.Cards)
            {
                _cards.Add(0, new("service", service), new("mode", mode), new("recommendation", recommendation), new("indicator", indicator));
            }

            foreach (var (key, outcome) in series.Prefetch)
            {
                _prefetch.Add(0, new("service", service), new("key", key), new("outcome", outcome));
            }
        }

        foreach (var reason in series.AuthRejections)
        {
            _authRejections.Add(0, new KeyValuePair<string, object?>("reason", reason));
        }
    }

    /// <summary>Counts a hook call.</summary>
    public void HookCall(string serviceId, string mode, string outcome) =>
        _hooks.Add(1, new("service", serviceId), new("mode", mode), new("outcome", outcome));

    /// <summary>Counts a card.</summary>
    public void Card(string serviceId, string mode, string recommendation, string indicator) =>
        _cards.Add(1, new("service", serviceId), new("mode", mode), new("recommendation", recommendation), new("indicator", indicator));

    /// <summary>Records how long a hook call took.</summary>
    public void HookDuration(string serviceId, string outcome, TimeSpan elapsed) =>
        _hookDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("service", serviceId), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>Counts a refused client token.</summary>
    public void AuthRejected(string reason) => _authRejections.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>Counts how a prefetch key was satisfied.</summary>
    public void Prefetch(string serviceId, string key, string outcome) =>
        _prefetch.Add(1, new("service", serviceId), new("key", key), new("outcome", outcome));

    /// <summary>Counts a feedback outcome once per rule the card carried.</summary>
    public void Feedback(string serviceId, string rule, string outcome, string overrideReason) =>
        _feedback.Add(1, new("service", serviceId), new("rule", rule), new("outcome", outcome), new("override_reason", overrideReason));
}
