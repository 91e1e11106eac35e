using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace CdsBone.Api.Tests.Support;

/// <summary>Records the measurements of one application's meters (tests run in parallel: filter by the app's meter factory).</summary>
internal sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, long Value, Dictionary<string, object?> Tags)> _measurements = [];
    private readonly Lock _lock = new();

    public MetricRecorder(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            lock (_lock)
            {
                _measurements.Add((instrument.Name, value, copy));
            }
        });
        _listener.Start();
    }

    public IReadOnlyList<Dictionary<string, object?>> Tags(string instrument)
    {
        lock (_lock)
        {
            // Zero measurements are the baseline series created at start (MetricBaseline), not events.
            return _measurements.Where(m => m.Instrument == instrument && m.Value != 0).Select(m => m.Tags).ToList();
        }
    }

    public void Dispose() => _listener.Dispose();
}
