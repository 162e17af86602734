using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Engine.Generators;
using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Elmo;

namespace Verification.Benchmarks;

/// <summary>
/// The engine's overhead per evaluated input (issue "One public engine", item 7): elmo-amos eq. (14)'s first inequality
/// m(x*) ≤ M(x*) on the same inputs, (1) as a hand-written double loop over the formula (the baseline), (2) through the
/// statement's generic relation in <see cref="Float64"/> (the cost of writing it once), and (3) through the whole search
/// (dedupe by description, judgement, climbing, the random phase's generation). Report the ratios, not the times.
/// </summary>
[MemoryDiagnoser]
public class EngineOverheadBenchmarks
{
    /// <summary>Inputs per operation.</summary>
    public const int Inputs = 2000;

    private (double Lambda, double Grad, double Lipschitz)[] _inputs = [];
    private readonly LowerBelowUpper _statement = new();

    /// <summary>Draws the inputs once, with the engine's own generator.</summary>
    [GlobalSetup]
    public void Setup() =>
        _inputs = LowerBelowUpper.Generator.Sample(Inputs, new Rnd(20261123UL, 0x9E3779B97F4A7C15UL | 1), 50).ToArray();

    /// <summary>The formula in a plain loop: x*, M(x*), m(x*), compare.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Inputs)]
    public int HandWrittenLoop()
    {
        int violations = 0;
        foreach (var (l, a, lip) in _inputs)
        {
            double x = ElmoFormulas.Step(new Float64(l), new Float64(a), new Float64(lip)).Value;
            double ax = Math.Abs(x);
            double upper = -a * x + l * x * x / 2 + lip * ax * ax * ax / 6;
            double lower = -a * x + l * x * x / 2 - lip * ax * ax * ax / 6;
            if (lower > upper)
                violations++;
        }
        return violations;
    }

    /// <summary>The statement's generic relation in doubles, judged as the engine does.</summary>
    [Benchmark(OperationsPerInvoke = Inputs)]
    public int GenericRelation()
    {
        int violations = 0;
        foreach (var input in _inputs)
        {
            var r = _statement.Evaluate<Float64>(input);
            if (r.Lhs.Value - r.Rhs.Value > r.Allowance * r.Scale.Value)
                violations++;
        }
        return violations;
    }

    /// <summary>The whole search with a budget of <see cref="Inputs"/> (edge cases, generation, climbing, dedupe).</summary>
    [Benchmark(OperationsPerInvoke = Inputs)]
    public int WholeSearch() => _statement.Run(new RunSettings(Inputs, 1)).Tally.Cases;

    /// <summary>m(x*) ≤ M(x*) over (λ, |g|, L).</summary>
    internal sealed class LowerBelowUpper : Statement<(double Lambda, double Grad, double Lipschitz)>
    {
        internal static readonly Gen<(double, double, double)> Generator =
            from l in EdgeDoubles.Signed(1e-6, 1e6)
            from a in EdgeDoubles.NonNegative(1e-6, 1e6)
            from lip in EdgeDoubles.Positive(1e-6, 1e6)
            select (l, a, lip);

        [SetsRequiredMembers]
        public LowerBelowUpper()
        {
            Name = "m-le-M";
            Description = "m(x*) ≤ M(x*)";
            Tolerance = "none";
            Domain = new Domain<(double Lambda, double Grad, double Lipschitz)>
            {
                Generator = Generator,
                Perturb = (e, r) => (EdgeDoubles.Perturb(e.Lambda, r), EdgeDoubles.Perturb(e.Grad, r), Math.Max(1e-6, EdgeDoubles.Perturb(e.Lipschitz, r, 1e-6))),
                Describe = e => [NamedValue.Of("lambda", e.Lambda), NamedValue.Of("grad", e.Grad), NamedValue.Of("lipschitz", e.Lipschitz)],
            };
        }

        public override Relation<T> Evaluate<T>((double Lambda, double Grad, double Lipschitz) input)
        {
            var (l, a, lip) = (T.Input(input.Lambda), T.Input(input.Grad), T.Input(input.Lipschitz));
            var x = ElmoFormulas.Step(l, a, lip);
            return Relation.LessOrEqual(ElmoFormulas.Lower(-a, l, lip, x), ElmoFormulas.Upper(-a, l, lip, x), ElmoFormulas.TermScale(-a, l, lip, x));
        }
    }
}
