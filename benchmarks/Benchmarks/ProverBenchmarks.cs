using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Engine.Generators;
using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Elmo;

namespace Verification.Benchmarks;

/// <summary>
/// The prover's speed (issue "Theorem checking", item 7): one statement run with and without its proof (the baseline is
/// the search alone, at a small budget), so the ratio is the cost of the proof; boxes per second = the proof's box count
/// (printed by <see cref="Setup"/>, deterministic) over the difference of the two times. Statements: elmo-amos eq. (14)'s
/// m(x*) ≤ M(x*) on its four scaling charts (tight to third order at |g| = 0: naive intervals, the mean-value form and the
/// Taylor expansion at the face all run), and √(1 + x) ≤ 1 + x/2 on [−1, 10] (tight at 0, monotone faces).
/// </summary>
[MemoryDiagnoser]
public class ProverBenchmarks
{
    private const int Budget = 40;

    private readonly LowerBelowUpper _eigenspace = new();
    private readonly SqrtTangent _sqrt = new();

    /// <summary>Prints each proof's box count (the numerator of boxes per second).</summary>
    [GlobalSetup]
    public void Setup()
    {
        foreach (var f in new IFormalization[] { _eigenspace, _sqrt })
        {
            var r = f.Run(new RunSettings(Budget, 1));
            Console.WriteLine($"// {f.Name}: {r.Verdict}, {r.Proof?.Boxes} boxes");
        }
    }

    /// <summary>Search only (baseline).</summary>
    [Benchmark(Baseline = true)]
    public Verdict EigenspaceSearchOnly() => _eigenspace.Run(new RunSettings(Budget, 1) { Prove = false }).Verdict;

    /// <summary>Search and proof.</summary>
    [Benchmark]
    public Verdict EigenspaceWithProof() => _eigenspace.Run(new RunSettings(Budget, 1)).Verdict;

    /// <summary>Search only.</summary>
    [Benchmark]
    public Verdict SqrtSearchOnly() => _sqrt.Run(new RunSettings(Budget, 1) { Prove = false }).Verdict;

    /// <summary>Search and proof.</summary>
    [Benchmark]
    public Verdict SqrtWithProof() => _sqrt.Run(new RunSettings(Budget, 1)).Verdict;

    /// <summary>m(x*) ≤ M(x*) over λ ∈ ℝ, |g| ≥ 0, L &gt; 0 through its scaling charts.</summary>
    internal sealed class LowerBelowUpper : Statement<(double Lambda, double Grad, double Lipschitz)>
    {
        [SetsRequiredMembers]
        public LowerBelowUpper()
        {
            Name = "m-le-M";
            Description = "m(x*) ≤ M(x*)";
            Tolerance = "none";
            Domain = new Domain<(double Lambda, double Grad, double Lipschitz)>
            {
                Generator = EngineOverheadBenchmarks.LowerBelowUpper.Generator,
                Describe = e => [NamedValue.Of("lambda", e.Lambda), NamedValue.Of("grad", e.Grad), NamedValue.Of("lipschitz", e.Lipschitz)],
            };
            ProofDomain<(double, double, double)> Chart(ProofCoordinate l, ProofCoordinate a) => new()
            {
                Box = [l, a, new ProofCoordinate("L", 1, 1)],
                At = v => (v[0], v[1], v[2]),
                Reduction = "scalings",
                Scaling = [[-2, 1], [-1, 1], [-3, 1]],
                CoversStatedDomain = true,
            };
            Proofs =
            [
                Chart(new ProofCoordinate("λ", -1, -1), new ProofCoordinate("|g|", 0, 1) { TightAt = [0] }),
                Chart(new ProofCoordinate("λ", 1, 1), new ProofCoordinate("|g|", 0, 1) { TightAt = [0] }),
                Chart(new ProofCoordinate("λ", -1, 1) { TightAt = [0] }, new ProofCoordinate("|g|", 1, 1)),
                Chart(new ProofCoordinate("λ", 0, 0), new ProofCoordinate("|g|", 0, 0)),
            ];
        }

        public override Relation<T> Evaluate<T>((double Lambda, double Grad, double Lipschitz) input)
        {
            var (l, a, lip) = (T.Input(input.Lambda), T.Input(input.Grad), T.Input(input.Lipschitz));
            Assume.NonNegative(a, "|g| ≥ 0");
            Assume.Positive(lip, "L > 0");
            var x = ElmoEigenspaceFormulas.Step(l, a, lip);
            return Relation.LessOrEqual(ElmoFormulas.Lower(-a, l, lip, x), ElmoFormulas.Upper(-a, l, lip, x));
        }
    }

    /// <summary>√(1 + x) ≤ 1 + x/2 on [−1, 10].</summary>
    internal sealed class SqrtTangent : Statement<double>
    {
        [SetsRequiredMembers]
        public SqrtTangent()
        {
            Name = "sqrt-tangent";
            Description = "√(1 + x) ≤ 1 + x/2";
            Tolerance = "none";
            Domain = new Domain<double>
            {
                Generator = EdgeDoubles.Unit.Select(u => -1 + 11 * u),
                Describe = x => [NamedValue.Of("x", x)],
            };
            Proofs = [new ProofDomain<double> { Box = [new ProofCoordinate("x", -1, 10) { TightAt = [0] }], At = v => v[0], CoversStatedDomain = true }];
        }

        public override Relation<T> Evaluate<T>(double input)
        {
            var x = T.Input(input);
            return Relation.LessOrEqual(T.Sqrt(1 + x), 1 + x / 2, 1 + T.Abs(x));
        }
    }
}
