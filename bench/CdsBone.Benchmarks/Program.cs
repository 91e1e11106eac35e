using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using CdsBone.Benchmarks;

// dotnet run -c Release --project bench/CdsBone.Benchmarks -- --filter '*'   (add --job short for a quick run)
// dotnet run -c Release --project bench/CdsBone.Benchmarks -- --loop typical 20
//   runs the end-to-end pipeline in a loop for 20 s, for a profiler to attach (perf, dotnet-trace; docs/performance.md).
if (args is ["--loop", var request, var seconds])
{
    var pipeline = new HookPipelineBenchmarks { Request = request };
    pipeline.Setup();
    // One line per 5 s: the first seconds are the JIT's (tiered compilation and PGO settle after ~10 s here).
    var until = Stopwatch.GetTimestamp() + (long)(double.Parse(seconds, CultureInfo.InvariantCulture) * Stopwatch.Frequency);
    var window = Stopwatch.GetTimestamp();
    var calls = 0L;
    while (Stopwatch.GetTimestamp() < until)
    {
        pipeline.EndToEnd();
        calls++;
        if (Stopwatch.GetElapsedTime(window) >= TimeSpan.FromSeconds(5))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{calls} calls, {Stopwatch.GetElapsedTime(window).TotalMicroseconds / calls:F1} µs per call"));
            (calls, window) = (0, Stopwatch.GetTimestamp());
        }
    }

    pipeline.Cleanup();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(HookPipelineBenchmarks).Assembly).Run(args);
