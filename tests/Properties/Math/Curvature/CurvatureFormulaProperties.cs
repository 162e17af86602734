using Fractions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The closed forms of <see cref="CurvatureFormulas"/> that the chapter-7 statements rely on agree with forward mode on the
/// generic model and log-density (so a typo in a closed form cannot make an identity look true or false), and the
/// expectation rules integrate the curvature integrands exactly: they reproduce the distributions' moments in rationals.
/// </summary>
public class CurvatureFormulaProperties
{
    /// <summary>
    /// Relative agreement, in doubles, of a closed-form derivative with forward mode, in units of the size of the terms: both
    /// round a few dozen operations (tanh through exp, softmax through exp and a sum), so 1e-12 (≈ 4500 ulp) is ample, while a
    /// wrong formula differs by O(1).
    /// </summary>
    private const double DerivativeRelative = 1e-12;

    internal sealed record Case(CurvatureShape Shape, double Kappa, double[] X, double[] Theta, double Label);

    private static Gen<double> Coordinate { get; } = Gen.Choose(-2000, 2000).Select(i => i / 1000.0);

    internal static Gen<Case> Cases { get; } =
        from likelihood in Gen.Elements(Enum.GetValues<LikelihoodFamily>())
        from model in Gen.Elements(Enum.GetValues<ModelFamily>())
        where model != ModelFamily.CurvedLinear || likelihood is LikelihoodFamily.GaussianIdentity or LikelihoodFamily.BernoulliLogit or LikelihoodFamily.PoissonLog or LikelihoodFamily.BernoulliProbability
        from inputs in Gen.Choose(1, 2)
        from hidden in Gen.Choose(1, 2)
        let shape = new CurvatureShape(model, likelihood, inputs, hidden, 3)
        from x in Coordinate.ArrayOf(inputs)
        from theta in Coordinate.ArrayOf(shape.Parameters)
        from kappa in Gen.Elements(0.5, -1.0, 2.0)
        from label in Gen.Choose(0, 2)
        select new Case(shape, kappa, x, theta, label);

    [Property(Replay = "(20261123,1442695040888963407)", MaxTest = 200)]
    public Property ModelDerivatives_MatchForwardModeOnTheModel() => Prop.ForAll(Cases.ToArbitrary(), c =>
    {
        var x = c.X.Select(v => new Float64(v)).ToArray();
        var theta = c.Theta.Select(v => new Float64(v)).ToArray();
        var closed = CurvatureFormulas.ModelDerivatives(c.Shape, new Float64(c.Kappa), x, theta);
        var xc = x.Select(HyperDualReal<Float64>.Constant).ToArray();
        var forward = ForwardModeFormulas.Expand(t => CurvatureFormulas.Output(c.Shape, HyperDualReal<Float64>.Constant(new Float64(c.Kappa)), xc, t), theta);
        double scale = 1 + c.Theta.Sum(Math.Abs) * (1 + c.X.Sum(Math.Abs)) * (1 + Math.Abs(c.Kappa));
        var worst = Worst(closed.Jacobian, forward.Jacobian);
        foreach (var (h1, h2) in closed.Hessians.Zip(forward.Hessians))
            worst = Math.Max(worst, Worst(h1, h2));
        return (worst <= DerivativeRelative * scale).Label($"{c.Shape.ModelName}: worst |closed − forward| = {worst:R}, scale {scale:R}");
    });

    /// <summary>
    /// The generic closed forms in exact arithmetic (T = <see cref="RationalInterval"/>, the arithmetic of the rigorous
    /// checks). For Float64, ModelDerivatives takes f, J and ∇²f from the model's own class, so the property above never runs
    /// the generic code the exact side runs; here it is compared with forward mode on the model in rational intervals. Both
    /// enclose the true derivative, so each pair of intervals must intersect, and for the linear and curved-linear models
    /// (polynomial in θ, so no enclosure is involved) both must be the exact point. Until stop 46 nothing did: mutation run 47
    /// found x − κθ for the curved-linear J = x + κθ, and wrong column indices of the linear and tanh-MLP J, surviving the
    /// whole suite. The exact-point check catches any change of a linear or curved-linear entry, however small (x − κθ moves
    /// J_j by 2κθ_j); a wrong tanh-MLP index puts another parameter's derivative in the entry, which differs from the right
    /// one by far more than the enclosures' widths for the coordinates drawn (i/1000 for |i| ≤ 2000).
    /// </summary>
    [Property(Replay = "(20261205,1442695040888963407)", MaxTest = 200)]
    public Property ModelDerivatives_InRationalIntervals_MatchForwardModeOnTheModel() => Prop.ForAll(Cases.ToArbitrary(), c =>
    {
        var x = c.X.Select(RationalInterval.Exact).ToArray();
        var theta = c.Theta.Select(RationalInterval.Exact).ToArray();
        var kappa = RationalInterval.Exact(c.Kappa);
        var closed = CurvatureFormulas.ModelDerivatives(c.Shape, kappa, x, theta);
        var xc = x.Select(HyperDualReal<RationalInterval>.Constant).ToArray();
        var forward = ForwardModeFormulas.Expand(t => CurvatureFormulas.Output(c.Shape, HyperDualReal<RationalInterval>.Constant(kappa), xc, t), theta);
        bool exact = c.Shape.Model != ModelFamily.TanhMlp;
        if (closed.Hessians.Length != forward.Hessians.Length)
            return false.Label($"{c.Shape.ModelName}: {closed.Hessians.Length} closed-form Hessians against {forward.Hessians.Length} from forward mode");
        var pairs = new List<(string Name, RealMatrix<RationalInterval> Closed, RealMatrix<RationalInterval> Forward)> { ("J", closed.Jacobian, forward.Jacobian) };
        pairs.AddRange(closed.Hessians.Zip(forward.Hessians).Select((h, m) => ($"∇²f^({m})", h.First, h.Second)));
        foreach (var (name, a, b) in pairs)
        {
            if (a.Rows != b.Rows || a.Columns != b.Columns)
                return false.Label($"{c.Shape.ModelName}: {name} is {a.Rows}×{a.Columns} in closed form, {b.Rows}×{b.Columns} by forward mode");
            for (int i = 0; i < a.Rows; i++)
                for (int j = 0; j < a.Columns; j++)
                {
                    var (u, v) = (a[i, j], b[i, j]);
                    if (u.Upper < v.Lower || v.Upper < u.Lower)
                        return false.Label($"{c.Shape.ModelName}: {name}[{i},{j}] closed {u} and forward {v} are disjoint");
                    if (exact && !(u.Width.IsZero && v.Width.IsZero && u.Lower == v.Lower))
                        return false.Label($"{c.Shape.ModelName}: {name}[{i},{j}] closed {u}, forward {v}, both should be one exact point");
                }
        }
        return true.Label(c.Shape.ModelName);
    });

    [Property(Replay = "(20261123,1442695040888963407)", MaxTest = 300)]
    public Property LogDensityDerivatives_MatchForwardModeOnTheLogDensity() => Prop.ForAll(Cases.ToArbitrary(), c =>
    {
        var f = CurvatureFormulas.Output(c.Shape, new Float64(c.Kappa), c.X.Select(v => new Float64(v)).ToArray(), c.Theta.Select(v => new Float64(v)).ToArray());
        if (c.Shape.Likelihood == LikelihoodFamily.BernoulliProbability)
            f[0] = new Float64(0.05 + 0.9 * (Math.Tanh(f[0].Value) + 1) / 2);
        if (c.Shape.Likelihood == LikelihoodFamily.GaussianMeanVariance)
            f[1] = new Float64(0.25 + Math.Abs(f[1].Value));
        var y = CurvatureFormulas.Label<Float64>(c.Shape, c.Shape.Likelihood is LikelihoodFamily.GaussianIdentity or LikelihoodFamily.GaussianMeanVariance ? c.Label - 0.5 : c.Shape.Likelihood is LikelihoodFamily.BernoulliLogit or LikelihoodFamily.BernoulliProbability ? c.Label % 2 : c.Label);
        var (g, h) = CurvatureFormulas.LogDensityDerivatives(c.Shape, y, f);
        var yc = y.Select(HyperDualReal<Float64>.Constant).ToArray();
        var forward = ForwardModeFormulas.Expand(v => [CurvatureFormulas.LogDensity(c.Shape, yc, v)], f);
        // The size of the compared values plus e^|f_c| (the exponentials softmax, σ and the Poisson rate are formed from).
        double scale = 1 + f.Sum(v => Math.Exp(Math.Abs(v.Value)))
            + Enumerable.Range(0, forward.Hessians[0].Rows).Sum(i => Enumerable.Range(0, forward.Hessians[0].Columns).Sum(j => Math.Abs(forward.Hessians[0][i, j].Value)));
        double worst = Worst(RealMatrix<Float64>.Create(1, g.Length, (_, j) => g[j]), forward.Jacobian);
        worst = Math.Max(worst, Worst(h, forward.Hessians[0]));
        return (worst <= DerivativeRelative * scale).Label($"{c.Shape.LikelihoodName} at f = [{string.Join(", ", f)}]: worst {worst:R}");
    });

    private static double Worst(RealMatrix<Float64> a, RealMatrix<Float64> b)
    {
        double worst = 0;
        for (int i = 0; i < a.Rows; i++)
            for (int j = 0; j < a.Columns; j++)
                worst = Math.Max(worst, Math.Abs(a[i, j].Value - b[i, j].Value));
        return worst;
    }

    /// <summary>
    /// Σ_k w_k (y_k − m)^p for the rule of <paramref name="family"/> at f, in exact rationals (the rule's √ enclosed): must contain
    /// the distribution's central moment μ_p for every p up to the degree the rule claims.
    /// </summary>
    private static RationalInterval CentralMoment(LikelihoodFamily family, RationalInterval[] f, RationalInterval mean, int p)
    {
        var shape = new CurvatureShape(ModelFamily.Linear, family, 1, 1, 3);
        var total = RationalInterval.Zero;
        foreach (var (label, weight) in CurvatureFormulas.Expectation(shape, f))
        {
            var u = label[0] - mean;
            var power = RationalInterval.Exact(Fraction.One);
            for (int k = 0; k < p; k++)
                power *= u;
            total += weight * power;
        }
        return total;
    }

    [Fact]
    public void GaussianRules_ReproduceTheMomentsTheirIntegrandsNeed()
    {
        using var bits = EnclosureSettings.Use(256);
        var mu = RationalInterval.Exact(new Fraction(3, 7));
        var v = RationalInterval.Exact(new Fraction(5, 4));
        // N(f, 1), two nodes: moments 1, 0, 1, 0 (degree ≤ 3).
        Fraction[] unit = [1, 0, 1, 0];
        for (int p = 0; p < unit.Length; p++)
            Assert.True(CentralMoment(LikelihoodFamily.GaussianIdentity, [mu], mu, p).Contains(RationalInterval.Exact(unit[p])), $"N(f, 1) moment {p}");
        // N(μ, v), three nodes: 1, 0, v, 0, 3v², 0 (degree ≤ 5).
        Fraction[] gauss = [1, 0, new Fraction(5, 4), 0, 3 * new Fraction(25, 16), 0];
        for (int p = 0; p < gauss.Length; p++)
            Assert.True(CentralMoment(LikelihoodFamily.GaussianMeanVariance, [mu, v], mu, p).Contains(RationalInterval.Exact(gauss[p])), $"N(μ, v) moment {p}");
    }

    [Fact]
    public void PoissonRule_ReproducesMeanVarianceAndThirdCentralMoment()
    {
        using var bits = EnclosureSettings.Use(256);
        foreach (var f in new[] { -2.0, 0.0, 0.75, 3.0 })
        {
            var eta = RationalInterval.Exact(f);
            var lambda = RationalInterval.Exp(eta);
            // Poisson(λ): E[1] = 1, E[y − λ] = 0, E[(y − λ)²] = λ, E[(y − λ)³] = λ.
            RationalInterval[] expected = [RationalInterval.Exact(Fraction.One), RationalInterval.Zero, lambda, lambda];
            for (int p = 0; p < expected.Length; p++)
            {
                var m = CentralMoment(LikelihoodFamily.PoissonLog, [eta], lambda, p);
                var diff = m - expected[p];
                Assert.True(diff.Lower <= Fraction.Zero && diff.Upper >= Fraction.Zero && diff.Width < ExactDouble.Pow2(-100), $"f = {f}, moment {p}: {m} vs {expected[p]}");
            }
        }
    }
}
