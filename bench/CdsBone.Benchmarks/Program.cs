using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/CdsBone.Benchmarks -- --filter '*'   (add --job short for a quick run)
BenchmarkSwitcher.FromAssembly(typeof(CdsBone.Benchmarks.HookPipelineBenchmarks).Assembly).Run(args);
