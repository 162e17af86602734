using Fractions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// Forward mode over doubles where a part underflowed before it met a large factor (issue 15, item 1, gap 5), in the three
/// forward-mode types. g(θ) = φ(c + θ·s₁·s₂) at θ = 0 for φ = log and φ = 1/x, c over the whole positive range and s₁·s₂
/// around the bottom of it: the ε₁ part s₁s₂ rounds onto the subnormal grid or to 0 and then meets φ'(c) = 1/c or −1/c²,
/// up to 2^2148. Before the underflow bounds, log(2^-1074 + θ·2^-1076) gave g' = 0 and g'' = 0 (exact ¼ and −1/16) with every
/// part finite. Each part is now either rejected (a <see cref="DoubleRangeException"/>, and only where s₁s₂ is below the
/// normal range) or within 16u·|exact| + 2^-1069 of the exact rational derivative, g' = φ'(c)·s and g'' = φ''(c)·s² with
/// s = s₁s₂ exactly, or else both the part and the exact derivative are in the subnormal range (below 2^-1022, with the
/// tolerance's slack), where only absolute accuracy is promised (<see cref="UnderflowError"/>). The tolerance: s's rounding (u, or the carried underflow error, which the check keeps within
/// 2^-1070 + u·|part| once multiplied by φ'), φ' and φ'' within 1.5u and 2.5u (1/c, 1/c², 2/c³), at most three more
/// roundings of products and the part's final rounding (2^-1075 where subnormal): below 8u·|exact| + 2^-1070 + 2^-1074,
/// doubled.
/// </summary>
public class UnderflowBoundProperties
{
    private const double U = 1.0 / (1L << 53);

    /// <summary>
    /// c = m·2^e with m in [1, 2) and e over −1074…1000 for log (subnormal c included) and −530…1000 for 1/x (so that
    /// s/c² and 2s²/c³ stay below double.MaxValue), s₁ = m₁·2^k₁, s₂ = m₂·2^k₂ with k₁, k₂ in −620…−380.
    /// </summary>
    private static Gen<(double C, double S1, double S2, bool Log)> Cases { get; } =
        from log in Gen.Elements(true, false)
        from mc in Gen.Choose(0, 1 << 20)
        from ec in Gen.Choose(log ? -1074 : -530, 1000)
        from m1 in Gen.Choose(0, 1 << 20)
        from k1 in Gen.Choose(-620, -380)
        from m2 in Gen.Choose(0, 1 << 20)
        from k2 in Gen.Choose(-620, -380)
        select (Math.ScaleB(1 + mc / (double)(1 << 20), ec), Math.ScaleB(1 + m1 / (double)(1 << 20), k1), Math.ScaleB(1 + m2 / (double)(1 << 20), k2), log);

    private static Fraction Q(double x) => ExactDouble.ToFraction(x);

    /// <summary>The exact g'(0) and g''(0): s/c and −s²/c² for log, −s/c² and 2s²/c³ for 1/x, with s = s₁s₂.</summary>
    private static (Fraction First, Fraction Second) Exact(double c, double s1, double s2, bool log)
    {
        var s = Q(s1) * Q(s2);
        var cc = Q(c);
        return log ? (s / cc, -(s * s) / (cc * cc)) : (-s / (cc * cc), 2 * s * s / (cc * cc * cc));
    }

    private static bool Within(double computed, Fraction exact)
    {
        if (!double.IsFinite(computed))
            return false;
        var error = (Q(computed) - exact).Abs();
        var tolerance = 16 * Q(U) * exact.Abs() + ExactDouble.Pow2(-1069);
        var normal = ExactDouble.Pow2(-1022);
        return error <= tolerance || Math.Abs(computed) < 2.2250738585072014E-308 && exact.Abs() < normal + tolerance;
    }

    /// <summary>Either rejected, and then only where s₁s₂ underflowed, or within the tolerance; never a rejection where nothing underflowed.</summary>
    private static Property Check((double C, double S1, double S2, bool Log) x, Func<(double First, double Second)> compute)
    {
        var (c, s1, s2, log) = x;
        bool underflowed = Math.Abs(s1 * s2) < 2.2250738585072014E-308;
        (double First, double Second) r;
        try
        {
            r = compute();
        }
        catch (DoubleRangeException e)
        {
            return underflowed.Label($"c = {c:R}, s₁ = {s1:R}, s₂ = {s2:R}, {(log ? "log" : "1/x")}: rejected with s₁s₂ normal ({e.Message})");
        }
        var (first, second) = Exact(c, s1, s2, log);
        return (Within(r.First, first) && Within(r.Second, second)).Label(
            $"c = {c:R}, s₁ = {s1:R}, s₂ = {s2:R}, {(log ? "log" : "1/x")}: g' = {r.First:R}, g'' = {r.Second:R}, exact {(double)first:R}, {(double)second:R}");
    }

    /// <summary>g(θ) = φ(c + θ·s₁·s₂) with φ = log (<paramref name="logarithm"/>) or 1/x, constants made by <paramref name="of"/>.</summary>
    private static T G<T>(T theta, Func<double, T> of, (double C, double S1, double S2, bool Log) x, Func<T, T> logarithm)
        where T : System.Numerics.IAdditionOperators<T, T, T>, System.Numerics.IMultiplyOperators<T, T, T>, System.Numerics.IDivisionOperators<T, T, T>
    {
        var argument = of(x.C) + theta * of(x.S1) * of(x.S2);
        return x.Log ? logarithm(argument) : of(1) / argument;
    }

    [Property(Replay = "(20261203,1442695040888963407)", MaxTest = 400)]
    public Property HyperDual_IsRejectedOrWithinItsTolerance() =>
        Prop.ForAll(Cases.ToArbitrary(), x => Check(x, () =>
        {
            var g = G(new HyperDual(0, 1, 1, 0), HyperDual.Constant, x, HyperDual.Log);
            return (g.E1, g.E12);
        }));

    [Property(Replay = "(20261203,1442695040888963407)", MaxTest = 400)]
    public Property HyperDualReal_IsRejectedOrWithinItsTolerance() =>
        Prop.ForAll(Cases.ToArbitrary(), x => Check(x, () =>
        {
            var g = G(HyperDualReal<Float64>.Variable(new Float64(0), true, true), HyperDualReal<Float64>.Of, x, HyperDualReal<Float64>.Log);
            return (g.E1.Value, g.E12.Value);
        }));

    [Property(Replay = "(20261203,1442695040888963407)", MaxTest = 400)]
    public Property HessianJet_IsRejectedOrWithinItsTolerance() =>
        Prop.ForAll(Cases.ToArbitrary(), x => Check(x, () =>
        {
            var (_, gradient, hessian) = HessianJet<Float64>.Evaluate(v => G(v[0], HessianJet<Float64>.Of, x, HessianJet<Float64>.Log), [new Float64(0)]);
            return (gradient[0].Value, hessian[0, 0].Value);
        }));
}

/// <summary>
/// Hand-derived cases of gap 5 (issue 15, item 1): an underflowed part meeting a large factor is rejected, in every route
/// and for the value as well as the parts; a harmless underflow is not (its bound is the exact value it lost, not a whole
/// subnormal step); and the in-range neighbours are computed.
/// </summary>
public class UnderflowBoundExamples
{
    private static readonly double Tiny = double.Epsilon; // 2^-1074

    private static HyperDual C(double v) => HyperDual.Constant(v);

    private static double P2(int k) => Math.ScaleB(1.0, k);

    /// <summary>log(2^-1074 + θ·2^-538·2^-538) at θ = 0: g' = ¼, g'' = −1/16; the ε₁ part 2^-1076 rounds to 0 (was g' = g'' = 0).</summary>
    [Fact]
    public void TheGapFiveExample_IsRejected_InEveryRoute()
    {
        AutoDiffRejectionExamples.RejectsOutOfRange(
            () => _ = HyperDual.Log(C(Tiny) + new HyperDual(0, 1, 1, 0) * C(P2(-538)) * C(P2(-538))), "x", "the ε₁ part came out 0, but an earlier underflow");
        AutoDiffRejectionExamples.RejectsOutOfRange(
            () => ForwardDerivatives.Hessian(t => HyperDual.Log(C(Tiny) + t[0] * C(P2(-538)) * C(P2(-538))), Vector<double>.Build.Dense(1)), "x", "earlier underflow");
        AutoDiffRejectionExamples.RejectsOutOfRange(
            () => ForwardModeFormulas.Hessian(t => HyperDualReal<Float64>.Log(HyperDualReal<Float64>.Of(Tiny) + t[0] * HyperDualReal<Float64>.Of(P2(-538)) * HyperDualReal<Float64>.Of(P2(-538))),
                [new Float64(0)]), "x", "earlier underflow");
        AutoDiffRejectionExamples.RejectsOutOfRange(
            () => HessianJet<Float64>.Evaluate(t => HessianJet<Float64>.Log(HessianJet<Float64>.Of(Tiny) + t[0] * HessianJet<Float64>.Of(P2(-538)) * HessianJet<Float64>.Of(P2(-538))),
                [new Float64(0)]), "x", "the gradient entry 0 came out 0, but an earlier underflow");
        // Rational intervals give the exact ¼ and −1/16.
        var exact = ForwardModeFormulas.Expand(
            t => [HyperDualReal<RationalInterval>.Log(HyperDualReal<RationalInterval>.Of(Tiny) + t[0] * HyperDualReal<RationalInterval>.Of(P2(-538)) * HyperDualReal<RationalInterval>.Of(P2(-538)))],
            [RationalInterval.Of(0)]);
        Assert.True(exact.Jacobian[0, 0].Contains(RationalInterval.Exact(new Fraction(1, 4))), $"{exact.Jacobian[0, 0]}");
        Assert.True(exact.Hessians[0][0, 0].Contains(RationalInterval.Exact(new Fraction(-1, 16))), $"{exact.Hessians[0][0, 0]}");
    }

    /// <summary>The neighbour log(2^-1000 + θ·2^-500·2^-500): nothing underflows, g' = 1 and g'' = −1 exactly.</summary>
    [Fact]
    public void TheInRangeNeighbour_IsComputed()
    {
        var g = HyperDual.Log(C(P2(-1000)) + new HyperDual(0, 1, 1, 0) * C(P2(-500)) * C(P2(-500)));
        Assert.Equal(1.0, g.E1);
        Assert.Equal(-1.0, g.E12);
        var (_, gradient, hessian) = HessianJet<Float64>.Evaluate(
            t => HessianJet<Float64>.Log(HessianJet<Float64>.Of(P2(-1000)) + t[0] * HessianJet<Float64>.Of(P2(-500)) * HessianJet<Float64>.Of(P2(-500))), [new Float64(0)]);
        Assert.Equal(1.0, gradient[0].Value);
        Assert.Equal(-1.0, hessian[0, 0].Value);
    }

    /// <summary>
    /// e^{θ − 800}·2^k at θ = 0: e^-800 ≈ 2^-1154.2 rounds to 0 in the value and every part. For k = 20 the exact result,
    /// about 2^-1134, still rounds to 0, and the result (0, 0, 0, 0) is right: not rejected (its bound is e^-800·2^20 ≈
    /// 2^-59 units, not the 2^20 a whole subnormal step would give). For k = 1000 the exact value and parts are
    /// e^-800·2^1000 ≈ 3.9e-47, a normal double, and came out 0 (the value too): now rejected.
    /// </summary>
    [Fact]
    public void AnUnderflowedExponential_IsKeptWhereHarmless_AndRejectedWhereScaledIntoTheRange()
    {
        var small = HyperDual.Exp(new HyperDual(0, 1, 1, 0) - C(800)) * C(P2(20));
        Assert.Equal(new HyperDual(0, 0, 0, 0), small);
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HyperDual.Exp(new HyperDual(0, 1, 1, 0) - C(800)) * C(P2(1000)), "b",
            "the value came out 0, but an earlier underflow");
        var jet = HessianJet<Float64>.Evaluate(t => HessianJet<Float64>.Exp(t[0] - HessianJet<Float64>.Of(800)) * HessianJet<Float64>.Of(P2(20)), [new Float64(0)]);
        Assert.Equal(0.0, jet.Hessian[0, 0].Value);
        AutoDiffRejectionExamples.RejectsOutOfRange(
            () => HessianJet<Float64>.Evaluate(t => HessianJet<Float64>.Exp(t[0] - HessianJet<Float64>.Of(800)) * HessianJet<Float64>.Of(P2(1000)), [new Float64(0)]),
            "b", "the value came out 0, but an earlier underflow");
    }

    /// <summary>
    /// A quotient by a subnormal constant: (2^-1074 + θ·2^-1076)/2^-1074 has g' = ¼; the ε₁ part 2^-1076 rounded to 0 and
    /// met 1/b = 2^1074. Rejected in both forward modes (the hyper-dual's scaled quotient and the jet's division by a constant).
    /// </summary>
    [Fact]
    public void AQuotientByASubnormal_OfAnUnderflowedPart_IsRejected()
    {
        AutoDiffRejectionExamples.RejectsOutOfRange(
            () => _ = (C(Tiny) + new HyperDual(0, 1, 1, 0) * C(P2(-538)) * C(P2(-538))) / C(Tiny), "b", "the ε₁ part came out 0, but an earlier underflow");
        AutoDiffRejectionExamples.RejectsOutOfRange(
            () => HessianJet<Float64>.Evaluate(t => (HessianJet<Float64>.Of(Tiny) + t[0] * HessianJet<Float64>.Of(P2(-538)) * HessianJet<Float64>.Of(P2(-538))) / HessianJet<Float64>.Of(Tiny),
                [new Float64(0)]), "b", "the gradient entry 0 came out 0, but an earlier underflow");
    }

    /// <summary>
    /// log of a value that is 0 only by underflow (a constant e^-800, with a derivative part beside it through θ·0): the
    /// exact argument is positive, log of it about −800, not −∞. Rejected; log of an exact 0 constant stays −∞.
    /// </summary>
    [Fact]
    public void LogOfAnUnderflowedZero_IsRejected_AndOfAnExactZero_IsMinusInfinity()
    {
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HyperDual.Log(HyperDual.Exp(C(-800))), "x", "by underflow");
        Assert.Equal(double.NegativeInfinity, HyperDual.Log(C(0)).Value);
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HessianJet<Float64>.Log(HessianJet<Float64>.Exp(HessianJet<Float64>.Of(-800))), "x", "by underflow");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HyperDualReal<Float64>.Sqrt(HyperDualReal<Float64>.Exp(HyperDualReal<Float64>.Of(-800))), "x", "by underflow");
    }

    /// <summary>
    /// Two catalog inputs (balles/eq-7.9 at seed 7) with a subnormal datum x, a tanh MLP and a Bernoulli likelihood: the
    /// bounds' slack (correlated errors added up through tanh a = 2e^{2a}/(1 + e^{2a}) − 1) reached 105 and 57 846 units on
    /// intermediate Hessian entries that stay in the subnormal range (0 and −2.2e-319), and without the subnormal-range
    /// exception both were rejected; their exact route then ran for minutes. Now computed, every entry finite.
    /// </summary>
    [Theory]
    [InlineData(1e-323, -2.149179514874322, 0, 0.0124, 0.525)]
    [InlineData(2e-323, 5e-324, 0.5426785215124579, 0.7353618685507816, 0.6309999999999998)]
    public void SubnormalCatalogInputs_ThroughTheTanhModel_AreComputed(double x, double w, double b, double v, double c)
    {
        var shape = new Verification.Numerics.Curvature.CurvatureShape(
            Verification.Numerics.Curvature.ModelFamily.TanhMlp, Verification.Numerics.Curvature.LikelihoodFamily.BernoulliProbability, 1);
        var problem = new Verification.Numerics.Curvature.CurvatureProblem<Float64>(shape, Float64.Input(-1), [[Float64.Input(x)]],
            [Verification.Numerics.Curvature.CurvatureFormulas.Label<Float64>(shape, 0)], [Float64.Input(w), Float64.Input(b), Float64.Input(v), Float64.Input(c)]);
        var hessian = problem.RiskHessian();
        var (ggn, residual) = problem.Split(Verification.Numerics.Curvature.SplitKind.Identity);
        for (int r = 0; r < 4; r++)
            for (int k = 0; k < 4; k++)
                Assert.True(double.IsFinite(hessian[r, k].Value) && double.IsFinite(ggn[r, k].Value) && double.IsFinite(residual[r, k].Value));
    }

    /// <summary>
    /// A bound that overflowed to +∞ passed the check on every part of magnitude 4 or more (the allowance u·|part| in units
    /// is then +∞ too): log(2^-1074 + θ·17·2^-40·2^-1036) gave g' = 4 and g'' = −16, exact 4.25 and −18.0625, in every
    /// route. A +∞ bound on a finite part is now a rejection.
    /// </summary>
    [Fact]
    public void AnOverflowedBound_OnAFinitePart_IsRejected()
    {
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HyperDual.Log(C(Tiny) + new HyperDual(0, 1, 1, 0) * C(17 * P2(-40)) * C(P2(-1036))),
            "x", "the ε₁ part came out 4, but an earlier underflow may have put an error of up to +∞");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => HessianJet<Float64>.Evaluate(
            t => HessianJet<Float64>.Log(HessianJet<Float64>.Of(Tiny) + t[0] * HessianJet<Float64>.Of(17 * P2(-40)) * HessianJet<Float64>.Of(P2(-1036))), [new Float64(0)]),
            "x", "the gradient entry 0 came out 4");
    }

    /// <summary>
    /// Bounds below 2^-1074 units rounded to 0 and the part then counted as exact: θ·2^-1074·2^-1074·¼/2^-1074/2^-1074 gave
    /// g' = 0 (exact ¼), and e^{θ − 1525}·2^1023·2^1023·2^200 gave every part 0 (exact ≈ 6.5e13), since e^-1525 started no
    /// bound. A bound that is not 0 is now kept at least 2^-1074 units.
    /// </summary>
    [Fact]
    public void ABoundBelowTheDoubleRange_IsNotLost()
    {
        var theta = new HyperDual(0, 1, 1, 0);
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = theta * C(Tiny) * C(Tiny) * C(0.25) / C(Tiny) / C(Tiny), "b", "earlier underflow");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HyperDual.Exp(theta - C(1525)) * C(P2(1023)) * C(P2(1023)) * C(P2(200)), "b", "earlier underflow");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => HessianJet<Float64>.Evaluate(
            t => t[0] * HessianJet<Float64>.Of(Tiny) * HessianJet<Float64>.Of(Tiny) * HessianJet<Float64>.Of(0.25) / HessianJet<Float64>.Of(Tiny) / HessianJet<Float64>.Of(Tiny),
            [new Float64(0)]), "b", "earlier underflow");
    }

    /// <summary>
    /// log and √ at a value of 0 whose derivative parts are 0 only by underflow (θ·2^-538·2^-538 at θ = 0: the exact parts are
    /// 2^-1076, and log and √ have no derivative there) returned (−∞, 0, 0, 0) and (0, 0, 0, 0); and |x| of a constant that
    /// underflowed to 0 dropped its bound in the jet, so log|e^-800| was −∞ (exact −800). Both are now rejected.
    /// </summary>
    [Fact]
    public void AZeroWhosePartsOrValueUnderflowed_IsNotTakenAsExact_ByLogSqrtAndAbs()
    {
        var theta = new HyperDual(0, 1, 1, 0);
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HyperDual.Log(theta * C(P2(-538)) * C(P2(-538))), "x", "came out 0 or below by underflow");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HyperDualReal<Float64>.Sqrt(
            HyperDualReal<Float64>.Variable(new Float64(0), true, true) * HyperDualReal<Float64>.Of(P2(-538)) * HyperDualReal<Float64>.Of(P2(-538))), "x", "by underflow");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => HessianJet<Float64>.Evaluate(
            t => HessianJet<Float64>.Sqrt(t[0] * HessianJet<Float64>.Of(P2(-538)) * HessianJet<Float64>.Of(P2(-538))), [new Float64(0)]), "x", "by underflow");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HessianJet<Float64>.Log(HessianJet<Float64>.Abs(HessianJet<Float64>.Exp(HessianJet<Float64>.Of(-800)))),
            "x", "by underflow");
    }

    /// <summary>
    /// A value that came out 0 by underflow beside a derivative part failed the domain checks as an ArgumentException, which
    /// the engine counts as a failure of the code under test: log(2^-600·2^-600 + θ·2^-1074) (exact g' = 2^126) and
    /// 1/(e^-800 + θ·2^-1074). Now a DoubleRangeException, which it settles exactly.
    /// </summary>
    [Fact]
    public void AnUnderflowedArgument_IsADoubleRangeException_NotADomainError()
    {
        var theta = new HyperDual(0, 1, 1, 0);
        var log = Assert.ThrowsAny<ArgumentException>(() => HyperDual.Log(C(P2(-600)) * C(P2(-600)) + theta * C(Tiny)));
        Assert.IsType<DoubleRangeException>(log);
        var quotient = Assert.ThrowsAny<ArgumentException>(() => C(1) / (HyperDual.Exp(C(-800)) + theta * C(Tiny)));
        Assert.IsType<DoubleRangeException>(quotient);
        Assert.Contains("divisor whose value came out 0 by underflow", quotient.Message);
        var jet = Assert.ThrowsAny<ArgumentException>(() => HessianJet<Float64>.Evaluate(
            t => HessianJet<Float64>.Log(HessianJet<Float64>.Of(P2(-600)) * HessianJet<Float64>.Of(P2(-600)) + t[0] * HessianJet<Float64>.Of(Tiny)), [new Float64(0)]));
        Assert.IsType<DoubleRangeException>(jet);
    }

    /// <summary>
    /// Values alone: a constant e^-800 carries a bound on its value only (its parts are exact zeros), and times 2^1000 its
    /// value came out 0 where the exact one is 3.9e-47; a quotient that lands on the subnormal grid inexactly
    /// (2^-1070/3 = 10⅔·2^-1074 rounds to 11·2^-1074) or rounds to 0 (2^-1074/3) and is then scaled by 2^200 is off by up to
    /// a third of 2^-874, against an exact 2^-870/3 or 2^-874/3: rejected. Where the quotient is exact on the grid
    /// (2^-1070/2 = 2^-1071) it starts no bound, and the product, 2^-871, is given.
    /// </summary>
    [Fact]
    public void UnderflowedValues_AreBoundedToo_AndExactQuotientsAreNot()
    {
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HyperDual.Exp(C(-800)) * C(P2(1000)), "b", "the value came out 0, but an earlier underflow");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = C(P2(-1070)) / C(3) * C(P2(200)), "b", "the value came out");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = C(Tiny) / C(3) * C(P2(200)), "b", "the value came out 0, but an earlier underflow");
        Assert.Equal(P2(-871), (C(P2(-1070)) / C(2) * C(P2(200))).Value);
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HessianJet<Float64>.Of(P2(-1070)) / HessianJet<Float64>.Of(3) * HessianJet<Float64>.Of(P2(200)),
            "b", "the value came out");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HessianJet<Float64>.Exp(HessianJet<Float64>.Of(-800)) * HessianJet<Float64>.Of(P2(1000)),
            "b", "the value came out 0, but an earlier underflow");
        Assert.Equal(P2(-871), (HessianJet<Float64>.Of(P2(-1070)) / HessianJet<Float64>.Of(2) * HessianJet<Float64>.Of(P2(200))).Value.Value);
    }

    /// <summary>
    /// The carried bounds do not change equality: a hyper-dual that carries one equals the same parts without it (the
    /// bounds are bookkeeping). e^{θ − 800} is (0, 0, 0, 0) with bounds; so is the constant 0 without.
    /// </summary>
    [Fact]
    public void Equality_IgnoresTheBounds()
    {
        var carried = HyperDual.Exp(new HyperDual(0, 1, 1, 0) - C(800));
        Assert.False(carried.Underflow.IsZero);
        Assert.Equal(new HyperDual(0, 0, 0, 0), carried);
        Assert.Equal(new HyperDual(0, 0, 0, 0).GetHashCode(), carried.GetHashCode());
    }
}
