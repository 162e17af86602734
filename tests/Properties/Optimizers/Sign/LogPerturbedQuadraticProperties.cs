using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Sign;

namespace Verification.Tests.Properties.Optimizers.Sign;

/// <summary>
/// The analytic gradient and Hessian of <see cref="LogPerturbedQuadratic"/> (used by balles/prop-6.3): Taylor-remainder slopes
/// (r₁ = |f(x+hv) − f(x) − h∇fᵀv| ~ h², r₂ ~ h³) and central finite differences.
/// </summary>
public class LogPerturbedQuadraticProperties
{
    /// <summary>Steps 0.1 … 0.1·2⁻⁴ (halving, as <see cref="TaylorSlope"/>'s derivation assumes), for x, v of size O(1)–O(10).</summary>
    private static readonly double[] Steps = [1e-1, 5e-2, 2.5e-2, 1.25e-2, 6.25e-3];

    /// <summary>Remainders below 1e-13 are rounding of f = O(1) (≈ 1000ε): the expansion is exact there.</summary>
    private const double RoundingFloor = 1e-13;

    private static Gen<(LogPerturbedQuadratic F, double[] X, double[] V)> Cases { get; } =
        from d in Gen.Choose(1, 4)
        from a in Gen.Choose(-3, 3).ArrayOf(d * d)
        from c in Gen.Choose(-3, 4).ArrayOf(d)
        from x in Gen.Choose(-30, 30).ArrayOf(d)
        from v in Gen.Choose(-10, 10).ArrayOf(d)
        where v.Any(t => t != 0)
        select (Build(d, a, c), x.Select(t => t / 10.0).ToArray(), v.Select(t => (double)t).ToArray());

    private static LogPerturbedQuadratic Build(int d, int[] a, int[] c)
    {
        var h = Matrix<double>.Build.Dense(d, d, (i, j) => a[Math.Min(i, j) * d + Math.Max(i, j)]);
        return new LogPerturbedQuadratic(h, Vector<double>.Build.DenseOfArray(c.Select(t => (double)t).ToArray()));
    }

    [Property(MaxTest = 60)]
    public Property Gradient_And_Hessian_PassTaylorSlopes() => Prop.ForAll(Cases.ToArbitrary(), c =>
    {
        var x = Vector<double>.Build.DenseOfArray(c.X);
        var v = Vector<double>.Build.DenseOfArray(c.V).Normalize(2);
        double f0 = c.F.Value(x), gv = c.F.Gradient(x).DotProduct(v), vhv = (c.F.Hessian(x) * v).DotProduct(v);
        var r1 = Steps.Select(h => Math.Abs(c.F.Value(x + h * v) - f0 - h * gv)).ToArray();
        var r2 = Steps.Select(h => Math.Abs(c.F.Value(x + h * v) - f0 - h * gv - h * h / 2 * vhv)).ToArray();
        // The shared slope check: the steepest consecutive slope must reach 2 (resp. 3) − TaylorSlope.Slack, or the
        // remainders lie below the rounding floor 1e-13 (|f| = O(1) here, so ≈ 1000ε).
        return TaylorSlope.ReachesOrder(2, Steps, r1, RoundingFloor).Label("r1: " + TaylorSlope.Describe(Steps, r1))
            .And(TaylorSlope.ReachesOrder(3, Steps, r2, RoundingFloor).Label("r2: " + TaylorSlope.Describe(Steps, r2)));
    });

    [Property(MaxTest = 60)]
    public Property Gradient_MatchesCentralDifferences() => Prop.ForAll(Cases.ToArbitrary(), c =>
    {
        var x = Vector<double>.Build.DenseOfArray(c.X);
        var g = c.F.Gradient(x);
        const double h = 1e-5;
        bool ok = true;
        for (int i = 0; i < x.Count; i++)
        {
            var e = Vector<double>.Build.Dense(x.Count);
            e[i] = h;
            double fd = (c.F.Value(x + e) - c.F.Value(x - e)) / (2 * h);
            // Central differences: O(h²)·|f'''| ≈ 1e-10 truncation plus ε·|f|/h ≈ 1e-10 rounding; 1e-7 relative to max(1, |g|).
            ok &= Math.Abs(fd - g[i]) <= 1e-7 * Math.Max(1, Math.Abs(g[i]));
        }
        return ok.Label($"x = {string.Join(",", c.X)}");
    });

    [Property(MaxTest = 100)]
    public bool PsiSecond_StaysInItsRange(double t) =>
        !double.IsFinite(t) || LogPerturbedQuadratic.PsiSecond(t) is var p && p >= -0.125 - 1e-16 && p <= 1;
}
