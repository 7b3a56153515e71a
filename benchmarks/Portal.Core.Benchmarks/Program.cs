using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Portal.Core.Benchmarks.TemplateAnalysisBenchmarks).Assembly).Run(args);
