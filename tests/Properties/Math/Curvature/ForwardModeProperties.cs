using Fractions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// Forward mode over <see cref="IReal{T}"/> (<see cref="HyperDualReal{T}"/>, <see cref="HessianJet{T}"/>) differentiates
/// exactly: on a rational function at rational points its derivatives, evaluated in rational intervals, are the exact
/// derivatives computed independently by hand (point intervals, compared as Fractions); on a transcendental function in
/// doubles they match the closed forms within a few ulps.
/// </summary>
public class ForwardModeProperties
{
    /// <summary>
    /// Relative accuracy of the double derivatives of g = exp(xy) + log(1 + x²): each derivative rounds about ten operations of
    /// terms no larger than |g''|'s terms, so 1e-13 (≈ 450 ulp) leaves room without hiding a wrong derivative (off by O(1)).
    /// </summary>
    private const double DoubleRelative = 1e-13;

    private static Gen<(int, int)> Rationals { get; } = Gen.Choose(-40, 40).SelectMany(p => Gen.Choose(1, 9).Select(q => (p, q)));

    /// <summary>g(x, y) = x²y³ − 3x/y + 2: rational, so its derivatives at rational points are exact rationals.</summary>
    private static U Rational<U>(U x, U y) where U : IReal<U> => x * x * y * y * y - 3 * x / y + 2;

    private static (Fraction[] Gradient, Fraction[,] Hessian) RationalDerivatives(Fraction x, Fraction y)
    {
        var three = new Fraction(3);
        Fraction[] g = [2 * x * y * y * y - three / y, 3 * x * x * y * y + three * x / (y * y)];
        var h = new Fraction[,]
        {
            { 2 * y * y * y, 6 * x * y * y + three / (y * y) },
            { 6 * x * y * y + three / (y * y), 6 * x * x * y - 6 * x / (y * y * y) },
        };
        return (g, h);
    }

    [Property(Replay = "(20261123,1442695040888963407)", MaxTest = 200)]
    public Property Jet_DerivativesOfARationalFunctionAreExact() =>
        Prop.ForAll(Rationals.ToArbitrary(), Rationals.Where(r => r.Item1 != 0).ToArbitrary(), (a, b) =>
        {
            var x = new Fraction(a.Item1, a.Item2);
            var y = new Fraction(b.Item1, b.Item2);
            var (g, h) = RationalDerivatives(x, y);
            var (_, gradient, hessian) = HessianJet<RationalInterval>.Evaluate(v => Rational(v[0], v[1]), [RationalInterval.Exact(x), RationalInterval.Exact(y)]);
            bool ok = true;
            for (int i = 0; i < 2; i++)
            {
                ok &= IsPoint(gradient[i], g[i]);
                for (int j = 0; j < 2; j++)
                    ok &= IsPoint(hessian[i, j], h[i, j]);
            }
            return ok.Label($"x = {x}, y = {y}: jet gradient [{gradient[0]}, {gradient[1]}], Hessian [[{hessian[0, 0]}, {hessian[0, 1]}], [{hessian[1, 0]}, {hessian[1, 1]}]]");
        });

    [Property(Replay = "(20261123,1442695040888963407)", MaxTest = 200)]
    public Property HyperDual_DerivativesOfARationalFunctionAreExact() =>
        Prop.ForAll(Rationals.ToArbitrary(), Rationals.Where(r => r.Item1 != 0).ToArbitrary(), (a, b) =>
        {
            var x = new Fraction(a.Item1, a.Item2);
            var y = new Fraction(b.Item1, b.Item2);
            var (g, h) = RationalDerivatives(x, y);
            var e = ForwardModeFormulas.Expand(v => [Rational(v[0], v[1])], [RationalInterval.Exact(x), RationalInterval.Exact(y)]);
            bool ok = IsPoint(e.Jacobian[0, 0], g[0]) && IsPoint(e.Jacobian[0, 1], g[1]);
            for (int i = 0; i < 2; i++)
                for (int j = 0; j < 2; j++)
                    ok &= IsPoint(e.Hessians[0][i, j], h[i, j]);
            return ok.Label($"x = {x}, y = {y}");
        });

    /// <summary>g = exp(xy) + log(1 + x²) in doubles: gradient and Hessian against the closed forms, jets and hyper-duals alike.</summary>
    [Property(Replay = "(20261123,1442695040888963407)", MaxTest = 300)]
    public Property Transcendental_DerivativesMatchClosedForms() =>
        Prop.ForAll(Gen.Choose(-3000, 3000).Select(i => i / 1000.0).ToArbitrary(), Gen.Choose(-3000, 3000).Select(i => i / 1000.0).ToArbitrary(), (x, y) =>
        {
            double e = Math.Exp(x * y), q = 1 + x * x;
            double[] g = [y * e + 2 * x / q, x * e];
            double[,] h = { { y * y * e + 2 * (1 - x * x) / (q * q), e + x * y * e }, { e + x * y * e, x * x * e } };
            static U G<U>(U[] v) where U : IReal<U> => U.Exp(v[0] * v[1]) + U.Log(1 + v[0] * v[0]);
            var (_, jg, jh) = HessianJet<Float64>.Evaluate(G, [new Float64(x), new Float64(y)]);
            var hd = ForwardModeFormulas.Expand(v => [G(v)], [new Float64(x), new Float64(y)]);
            double scale = 1 + e * (1 + Math.Abs(x * y) + y * y + x * x);
            bool ok = true;
            string worst = "";
            for (int i = 0; i < 2; i++)
            {
                ok &= Close(jg[i].Value, g[i], scale) && Close(hd.Jacobian[0, i].Value, g[i], scale);
                for (int j = 0; j < 2; j++)
                {
                    bool entry = Close(jh[i, j].Value, h[i, j], scale) && Close(hd.Hessians[0][i, j].Value, h[i, j], scale);
                    if (!entry)
                        worst = $"H[{i},{j}]: closed {h[i, j]:R}, jet {jh[i, j].Value:R}, hyper-dual {hd.Hessians[0][i, j].Value:R}";
                    ok &= entry;
                }
            }
            return ok.Label($"x = {x:R}, y = {y:R}: {worst}");
        });

    /// <summary>|x|'s derivative does not exist at 0: forward mode says so instead of guessing a one-sided value.</summary>
    [Fact]
    public void Abs_AtZeroWithADerivative_IsUndecided()
    {
        Assert.Contains("|x| is not differentiable at x = 0", Assert.Throws<UndecidedException>(() => HessianJet<Float64>.Evaluate(v => HessianJet<Float64>.Abs(v[0]), [new Float64(0)])).Message);
        Assert.Contains("|x| is not differentiable at x = 0", Assert.Throws<UndecidedException>(() => ForwardModeFormulas.Expand(v => [HyperDualReal<Float64>.Abs(v[0])], [new Float64(0)])).Message);
    }

    private static bool IsPoint(RationalInterval r, Fraction expected) => r.Lower == expected && r.Upper == expected;

    private static bool Close(double actual, double expected, double scale) => Math.Abs(actual - expected) <= DoubleRelative * scale;
}
