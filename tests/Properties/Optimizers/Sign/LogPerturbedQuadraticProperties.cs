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
    private static readonly double[] Steps = [1e-1, 5e-2, 2.5e-2, 1.25e-2, 6.25e-3];

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
        // Slack 0.2 on the order: the best consecutive slope must reach 2 (resp. 3) up to the next Taylor term's interference.
        return (Slope(r1) >= 1.8 || r1.Max() < 1e-13).Label($"r1 {string.Join(",", r1)}")
            .And((Slope(r2) >= 2.8 || r2.Max() < 1e-13).Label($"r2 {string.Join(",", r2)}"));
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

    private static double Slope(double[] r)
    {
        double best = double.NegativeInfinity;
        for (int k = 0; k + 1 < r.Length; k++)
            best = Math.Max(best, Math.Log(r[k] / r[k + 1]) / Math.Log(Steps[k] / Steps[k + 1]));
        return best;
    }
}
