using System.Diagnostics.CodeAnalysis;
using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Engine.Generators;
using Verification.Numerics;
using Verification.Numerics.Arithmetic;

namespace Verification.Tests.Properties.Engine.Search;

/// <summary>
/// Statements whose truth is known by hand, to test the engine itself (issue: "tests of the engine itself, on synthetic
/// statements"). Each is one generic relation, as the catalog's are.
/// </summary>
internal static class SyntheticStatements
{
    private static Domain<double> Scalars(Gen<double> generator, double[]? edges = null, double min = 0, double max = double.MaxValue) => new()
    {
        Generator = generator,
        Edges = () => edges ?? [],
        Perturb = (x, r) => EdgeDoubles.Perturb(x, r, min, max),
        Shrink = x => Simplicity.Candidates(x).Where(c => Math.Abs(c) >= min && Math.Abs(c) <= max),
        Describe = x => [NamedValue.Of("x", x)],
    };

    /// <summary>√(1 + x) ≤ 1 + x/k for x ≥ −1: true for k = 2 (Lemma M.1), false for k = 3 on 0 &lt; x &lt; 3.</summary>
    internal sealed class SqrtBound : Statement<double>
    {
        private readonly int _k;

        [SetsRequiredMembers]
        public SqrtBound(int k, double[]? edges = null)
        {
            _k = k;
            Name = $"sqrt-bound-{k}";
            Description = $"√(1+x) ≤ 1 + x/{k} for x ≥ −1";
            Tolerance = "none";
            Domain = Scalars(Gen.Frequency((3, EdgeDoubles.Positive(1e-9, 1e9)), (1, EdgeDoubles.Unit.Select(u => -u))), edges);
        }

        public override Relation<T> Evaluate<T>(double input)
        {
            var x = T.Input(input);
            Assume.That(x >= -1, "x ≥ −1");
            return Relation.LessOrEqual(T.Sqrt(1 + x), 1 + x / _k, 1 + T.Abs(x));
        }
    }

    /// <summary>
    /// A planted violation of relative size δ: x·(1 + δ) ≤ x for x ∈ [1, 1e6], false everywhere by exactly δ relative, with
    /// no edge cases, so only the random phase can find it.
    /// </summary>
    internal sealed class PlantedViolation : Statement<double>
    {
        private readonly double _delta;

        [SetsRequiredMembers]
        public PlantedViolation(double delta)
        {
            _delta = delta;
            Name = "planted";
            Description = $"x·(1 + {delta:R}) ≤ x";
            Tolerance = "none";
            Domain = Scalars(EdgeDoubles.LogUniform(1, 1e6), min: 1, max: 1e6);
        }

        public override Relation<T> Evaluate<T>(double input)
        {
            var x = T.Input(input);
            return Relation.LessOrEqual(x * (1 + T.Of(_delta)), x, x);
        }
    }

    /// <summary>
    /// x·(3/2) ≤ x for almost every x ∈ [1, 1e6]: false everywhere, on an open set, and padded with k products by the exact
    /// 1 so that its exact evaluation costs what the budget makes it: the point evaluation charges each product as one
    /// rational operation, the box evaluation (the scope) as eight, so a budget between the two certifies the violation at
    /// the point but runs out on every box.
    /// </summary>
    internal sealed class PaddedOpenViolation : Statement<double>
    {
        private readonly int _k;

        [SetsRequiredMembers]
        public PaddedOpenViolation(int k)
        {
            _k = k;
            Name = $"padded-open-violation-{k}";
            Description = "x·(3/2) ≤ x for almost every x";
            Tolerance = "none";
            AlmostEverywhere = true;
            Domain = Scalars(EdgeDoubles.LogUniform(1, 1e6), min: 1, max: 1e6);
        }

        public override Relation<T> Evaluate<T>(double input)
        {
            var y = T.Input(input);
            for (int i = 0; i < _k; i++)
                y = y * T.Of(1.0);
            return Relation.LessOrEqual(y * T.Of(1.5), y, y);
        }
    }

    /// <summary>
    /// A true identity whose exact evaluation outgrows any budget: y = x_n for x_(k+1) = x_k² + 1/10 from x_0 = x ∈ [0.1, 0.4]
    /// (x_k stays below 1/2), and (y + 2^60) − 2^60 = y. Double precision loses y's low bits to 2^60 and reports a
    /// violation at almost every input; exactly, the identity holds, but x_n's numerator and denominator double in size at
    /// each step, 2^n·(53 + 4) bits or so: for n = 30, some 7 gigabytes.
    /// </summary>
    internal sealed class GrowingRationals : Statement<double>
    {
        private readonly int _steps;

        [SetsRequiredMembers]
        public GrowingRationals(int steps)
        {
            _steps = steps;
            Name = $"growing-rationals-{steps}";
            Description = $"(x_{steps} + 2^60) − 2^60 = x_{steps} for x_(k+1) = x_k² + 1/10";
            Tolerance = "none";
            Domain = Scalars(EdgeDoubles.LogUniform(0.1, 0.4), min: 0.1, max: 0.4);
        }

        public override Relation<T> Evaluate<T>(double input)
        {
            var y = T.Input(input);
            for (int k = 0; k < _steps; k++)
                y = y * y + T.Ratio(1, 10);
            var big = T.Of(Math.ScaleB(1.0, 60));
            return Relation.Equal(y + big - big, y, y);
        }
    }

    /// <summary>
    /// A true identity with heavy cancellation: (x + y) − x = y for x ∈ [1e10, 1e20], y ∈ [1e-10, 1]. In doubles the left
    /// side loses almost every digit of y, so double precision reports violations everywhere; exact arithmetic none.
    /// </summary>
    internal sealed class Cancellation : Statement<(double X, double Y)>
    {
        [SetsRequiredMembers]
        public Cancellation()
        {
            Name = "cancellation";
            Description = "(x + y) − x = y";
            Tolerance = "none";
            Domain = new Domain<(double X, double Y)>
            {
                Generator = from x in EdgeDoubles.LogUniform(1e10, 1e20) from y in EdgeDoubles.LogUniform(1e-10, 1) select (x, y),
                Describe = p => [NamedValue.Of("x", p.X), NamedValue.Of("y", p.Y)],
            };
        }

        public override Relation<T> Evaluate<T>((double X, double Y) input)
        {
            var (x, y) = (T.Input(input.X), T.Input(input.Y));
            return Relation.Equal(x + y - x, y, y);
        }
    }

    /// <summary>
    /// An implementation under test with a planted defect, checked against the exact math it claims: Mean(a, b) should be
    /// (a + b)/2 within 1 ulp, but it returns a + (b − a)/2.0001.
    /// </summary>
    internal sealed class DefectiveMean : Statement<(double A, double B)>
    {
        [SetsRequiredMembers]
        public DefectiveMean()
        {
            Name = "mean-conformance";
            Description = "|Mean(a, b) − (a + b)/2| ≤ 2^-52·|(a + b)/2|";
            Tolerance = "the implementation's stated bound, 1 ulp";
            Kind = StatementKind.Conformance;
            Domain = new Domain<(double A, double B)>
            {
                Generator = from a in EdgeDoubles.Positive(1, 100) from b in EdgeDoubles.Positive(1, 100) select (a, b),
                Describe = p => [NamedValue.Of("a", p.A), NamedValue.Of("b", p.B)],
            };
        }

        internal static double Mean(double a, double b) => a + (b - a) / 2.0001;

        public override Relation<T> Evaluate<T>((double A, double B) input)
        {
            var exact = (T.Input(input.A) + T.Input(input.B)) / 2;
            var implementation = T.Of(Mean(input.A, input.B));
            return Relation.LessOrEqual(T.Abs(implementation - exact), T.Of(Math.ScaleB(1, -52)) * T.Abs(exact), T.Abs(exact));
        }
    }

    /// <summary>
    /// A property the "algorithm" promises of its output, replayed from a correct implementation of it: halving the
    /// interval [a, b] once is claimed to land within 1/4 of b − a from the midpoint… of the left half. The code does
    /// what the algorithm says (returns the midpoint), so the violation is the claim's, not an implementation defect.
    /// </summary>
    internal sealed class ReplayedMidpointClaim : Statement<(double A, double B)>
    {
        [SetsRequiredMembers]
        public ReplayedMidpointClaim()
        {
            Name = "midpoint-replay";
            Description = "|Midpoint(a, b) − (3a + b)/4| ≤ (b − a)/8";
            Tolerance = "none";
            Kind = StatementKind.Replay;
            Domain = new Domain<(double A, double B)>
            {
                Generator = from a in EdgeDoubles.Positive(1, 100) from d in EdgeDoubles.Positive(1, 100) select (a, a + d),
                Describe = p => [NamedValue.Of("a", p.A), NamedValue.Of("b", p.B)],
            };
        }

        public override Relation<T> Evaluate<T>((double A, double B) input)
        {
            var (a, b) = (T.Input(input.A), T.Input(input.B));
            var output = T.Of((input.A + input.B) / 2);
            return Relation.LessOrEqual(T.Abs(output - (3 * a + b) / 4), (b - a) / 8, b - a);
        }
    }

    /// <summary>x² &gt; 0 for every x (false at x = 0 only), or for almost every x.</summary>
    internal sealed class PositiveSquare : Statement<double>
    {
        [SetsRequiredMembers]
        public PositiveSquare(bool almostEverywhere)
        {
            Name = almostEverywhere ? "square-positive-ae" : "square-positive";
            Description = "x² > 0";
            Tolerance = "none";
            AlmostEverywhere = almostEverywhere;
            Domain = Scalars(EdgeDoubles.Signed(1e-3, 1e3), edges: [1.0, 0.0, -2.0]);
        }

        public override Relation<T> Evaluate<T>(double input)
        {
            var x = T.Input(input);
            return Relation.Less(T.Of(0), x * x);
        }
    }

    /// <summary>√2·√2 &lt; 2 is false (an equality of irrationals): exact enclosures can decide neither way.</summary>
    internal sealed class IrrationalTie : Statement<double>
    {
        [SetsRequiredMembers]
        public IrrationalTie()
        {
            Name = "irrational-tie";
            Description = "√(2x)·√(2x) < 2x for x ∈ [1, 2]";
            Tolerance = "none";
            Domain = Scalars(Gen.Elements(1.0, 1.5, 1.25, 1.75, 1.375));
        }

        public override Relation<T> Evaluate<T>(double input)
        {
            var r = T.Sqrt(2 * T.Input(input));
            return Relation.Less(r * r, 2 * T.Input(input), 2 * T.Input(input), allowance: 1e-12);
        }
    }

    /// <summary>A statement whose code under test throws ArgumentException for x &gt; 10 although the hypotheses admit it.</summary>
    internal sealed class ThrowingCode : Statement<double>
    {
        [SetsRequiredMembers]
        public ThrowingCode()
        {
            Name = "throws";
            Description = "x ≤ 2x for x > 0";
            Tolerance = "none";
            Domain = Scalars(EdgeDoubles.Positive(1, 100), edges: [1.0, 50.0]);
        }

        private static double CodeUnderTest(double x) => x <= 10 ? 2 * x : throw new ArgumentException($"x = {x} is too large", nameof(x));

        public override Relation<T> Evaluate<T>(double input)
        {
            Assume.That(input > 0, "x > 0");
            return Relation.LessOrEqual(T.Input(input), T.Of(CodeUnderTest(input)));
        }
    }

    /// <summary>
    /// x ≤ c·x for x ∈ [1, 100], whose double evaluation cannot hold its value above x = 10 (the code under test throws the
    /// <see cref="DoubleRangeException"/> a double beyond ±double.MaxValue is rejected with), while the exact evaluation
    /// decides it: true for c = 2, false for c = 1/2 at every x.
    /// </summary>
    internal sealed class BeyondDoubleRange : Statement<double>
    {
        private readonly double _c;

        [SetsRequiredMembers]
        public BeyondDoubleRange(double c)
        {
            _c = c;
            Name = $"beyond-range-{c}";
            Description = $"x ≤ {c}·x for x ∈ [1, 100]";
            Tolerance = "none";
            Domain = Scalars(EdgeDoubles.Positive(1, 100), edges: [1.0, 50.0]);
        }

        public override Relation<T> Evaluate<T>(double input)
        {
            var x = T.Input(input);
            if (typeof(T) == typeof(Float64) && input > 10)
                throw new DoubleRangeException($"c·x is beyond ±double.MaxValue in this test's doubles at x = {input}", "x");
            return Relation.LessOrEqual(x, T.Of(_c) * x, x);
        }
    }

    /// <summary>0 ≤ 0 trivially at every input (the reason is computed from the input).</summary>
    internal sealed class AlwaysTrivial : Statement<double>
    {
        [SetsRequiredMembers]
        public AlwaysTrivial()
        {
            Name = "trivial";
            Description = "0 ≤ 0";
            Tolerance = "none";
            Domain = Scalars(EdgeDoubles.Positive(1, 2));
        }

        public override Relation<T> Evaluate<T>(double input) => input > 0
            ? Relation.Trivially<T>("both sides are 0 by construction")
            : Relation.LessOrEqual(T.Of(1), T.Of(0));
    }

    /// <summary>A statement whose hypotheses hold at a single input: too few distinct inputs for a verdict.</summary>
    internal sealed class NarrowHypothesis : Statement<double>
    {
        [SetsRequiredMembers]
        public NarrowHypothesis()
        {
            Name = "narrow";
            Description = "x ≤ x + 1 for x = 1";
            Tolerance = "none";
            Domain = Scalars(EdgeDoubles.Positive(1, 2), edges: [1.0]);
        }

        public override Relation<T> Evaluate<T>(double input)
        {
            Assume.That(input == 1, "x = 1");
            return Relation.LessOrEqual(T.Input(input), T.Input(input) + 1);
        }
    }

    internal static Claim AsClaim(string id, params IFormalization[] formalizations) => new(
        id, new ClaimSource("test", "synthetic", null, "-"), "synthetic", "synthetic", formalizations);
}
