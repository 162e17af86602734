using BenchmarkDotNet.Running;

namespace Verification.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project benchmarks/Benchmarks -- --filter '*InfToOneNorm*'</c>. The benchmarks are
/// never part of <c>dotnet test</c>; they only have to build with the solution.
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks chosen by <paramref name="args"/> (BenchmarkDotNet's switcher: --filter, --list, --job).</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
