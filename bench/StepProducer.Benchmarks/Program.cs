using BenchmarkDotNet.Running;
using StepProducer.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfigs).Assembly).Run(args, BenchmarkConfigs.Default);
