using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Exact;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The prediction functions of balles-thesis §7.1 (<see cref="LinearModel"/>, <see cref="CurvedLinearModel"/>,
/// <see cref="TanhMlp"/>) over the whole double range (issue 15, item 1), against exact rationals built from the inputs and
/// rigorous exp enclosures (96 bits) for tanh and sech²: never NaN, ±∞ only where the exact value is beyond
/// ±double.MaxValue, and within the bound each doc comment states. Sums are bounded by k·u·Σ|terms| + 2^-1074 (they may
/// cancel), products in ulps of the exact value (<see cref="ExactAgreement"/>).
/// </summary>
[Properties(MaxTest = 150)] // exact exp enclosures: a few ms to 30 ms a case
public class ModelRangeProperties
{
    private static readonly Fraction Unit = ExactDouble.Pow2(-53);

    private static readonly Fraction Tiny = ExactDouble.Pow2(-1074);

    /// <summary>Enclosure precision: 2^-96 relative, far below the 2^-53 of the results compared.</summary>
    private const int Bits = 96;

    private static Vector<double> V(double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    private static RationalInterval I(Fraction x) => RationalInterval.Exact(x);

    /// <summary>
    /// A sum's check: never NaN; finite and within <paramref name="bound"/> of every point of the exact enclosure, or ±∞ only
    /// where the exact value plus or minus the bound reaches the overflow threshold (MaxValue + ½ulp).
    /// </summary>
    private static Property SumWithin(double computed, RationalInterval exact, Fraction bound, string label)
    {
        var t = ExactAgreement.OverflowThreshold;
        if (double.IsNaN(computed))
            return false.Label($"{label}: NaN, exact {exact}");
        if (computed == double.PositiveInfinity)
            return (exact.Upper + bound >= t).Label($"{label}: +∞, exact {exact} is finite");
        if (computed == double.NegativeInfinity)
            return (exact.Lower - bound <= -t).Label($"{label}: −∞, exact {exact} is finite");
        var c = F(computed);
        var error = FractionExtensions.Max(Fraction.Abs(c - exact.Lower), Fraction.Abs(c - exact.Upper));
        return (error <= bound).Label($"{label}: computed {computed:R}, exact {exact}, error {error.ToDouble():R} > bound {bound.ToDouble():R}");
    }

    private static Gen<double[]> Doubles(int n) => Gen.ArrayOf(FullRangeDoubles.Signed, n);

    /// <summary>LinearModel: f_m = Σ_j W[m,j]x̃_j within (D + 1)·u·Σ|W[m,j]x̃_j| + 2^-1074 (the remarks' bound).</summary>
    [Property]
    public Property LinearModel_Output_IsWithinItsBound() => Prop.ForAll(
        (from d in Gen.Choose(1, 3)
         from m in Gen.Choose(1, 2)
         from bias in Gen.Elements(true, false)
         from x in Doubles(d)
         from theta in Doubles(m * (d + (bias ? 1 : 0)))
         select (d, m, bias, x, theta)).ToArbitrary(),
        c =>
        {
            var model = new LinearModel(c.d, c.m, c.bias);
            var f = model.Output(V(c.x), V(c.theta));
            int w = model.Width;
            var features = model.Features(V(c.x));
            Property all = true.ToProperty();
            for (int k = 0; k < c.m; k++)
            {
                Fraction exact = Fraction.Zero, magnitude = Fraction.Zero;
                for (int j = 0; j < w; j++)
                {
                    var term = F(c.theta[k * w + j]) * F(features[j]);
                    exact += term;
                    magnitude += Fraction.Abs(term);
                }
                var bound = (c.d + 1) * Unit * magnitude + Tiny;
                all = all.And(SumWithin(f[k], I(exact), bound, $"f_{k} at x = [{string.Join(", ", c.x)}], θ = [{string.Join(", ", c.theta)}]"));
            }
            return all;
        });

    /// <summary>
    /// CurvedLinearModel: f = Σx_jθ_j + (κ/2)Σθ_j² within (2D + 3)·u·Σ|terms| + 2^-1074; J_j = x_j + κθ_j within
    /// 2u·(|x_j| + |κθ_j|) + 2^-1074 (two roundings in the ordinary range, one fused rounding outside).
    /// </summary>
    [Property]
    public Property CurvedLinearModel_OutputAndJacobian_AreWithinTheirBounds() => Prop.ForAll(
        (from d in Gen.Choose(1, 3)
         from kappa in FullRangeDoubles.Signed
         from x in Doubles(d)
         from theta in Doubles(d)
         select (d, kappa, x, theta)).ToArbitrary(),
        c =>
        {
            var model = new CurvedLinearModel(c.d, c.kappa);
            double f = model.Output(V(c.x), V(c.theta))[0];
            var jac = model.Jacobian(V(c.x), V(c.theta));
            string at = $"κ = {c.kappa:R}, x = [{string.Join(", ", c.x)}], θ = [{string.Join(", ", c.theta)}]";
            Fraction exact = Fraction.Zero, magnitude = Fraction.Zero;
            var k = F(c.kappa);
            Property all = true.ToProperty();
            for (int j = 0; j < c.d; j++)
            {
                var lin = F(c.x[j]) * F(c.theta[j]);
                var quad = k * F(c.theta[j]) * F(c.theta[j]) / 2;
                exact += lin + quad;
                magnitude += Fraction.Abs(lin) + Fraction.Abs(quad);
                var kt = k * F(c.theta[j]);
                var jBound = 2 * Unit * (Fraction.Abs(F(c.x[j])) + Fraction.Abs(kt)) + Tiny;
                all = all.And(SumWithin(jac[0, j], I(F(c.x[j]) + kt), jBound, $"J_{j} at {at}"));
            }
            return all.And(SumWithin(f, I(exact), (2 * c.d + 3) * Unit * magnitude + Tiny, $"f at {at}"));
        });

    /// <summary>
    /// A TanhMlp case with D = 1 and zero first-layer biases, so that a_k = W₁[k,0]·x is an exact product of the inputs
    /// (x = ±2^k or 0; W₁ drawn as a·2^-k from a spread over the whole range and over the band |a| ≤ 2300 where tanh and
    /// sech² are not yet their limits), every other parameter from the whole range.
    /// </summary>
    public sealed record TanhCase(int Hidden, int Outputs, double X, double[] Theta);

    private static readonly Gen<double> Activation = Gen.Frequency(
        (2, FullRangeDoubles.Signed),
        (3, Gen.Choose(0, 2300 * 1024).Select(n => n / 1024.0).SelectMany(a => Gen.Elements(a, -a))),
        (1, FullRangeDoubles.Moderate.SelectMany(a => Gen.Elements(a, -a))));

    private static Arbitrary<TanhCase> TanhCases { get; } =
        (from hidden in Gen.Choose(1, 2)
         from outputs in Gen.Choose(1, 2)
         from e in Gen.Choose(-1074, 1023)
         from sign in Gen.Elements(1.0, -1.0, 0.0)
         let x = sign * Math.ScaleB(1, e)
         from a in Gen.ArrayOf(Activation, hidden)
         from w2 in Doubles(outputs * (hidden + 1))
         select new TanhCase(hidden, outputs, x,
             [.. a.SelectMany(ak => new[] { FirstLayerWeight(ak, x, e), 0.0 }), .. w2])).ToArbitrary();

    /// <summary>a·2^-e, so that a = w·x at x = ±2^e; a itself where that is not a finite double (or x = 0).</summary>
    private static double FirstLayerWeight(double a, double x, int e)
    {
        double w = Math.ScaleB(a, -e);
        return x == 0 || !double.IsFinite(w) ? a : w;
    }

    /// <summary>
    /// TanhMlp: every entry of J and ∇²f against the exact products with enclosed h_k, s_k (∂f/∂W₂ = h within 2 ulp, the
    /// products of s within 12 ulp: s's 6u plus up to six roundings), and f_m = b_m + Σ_k W₂[m,k]h_k within
    /// 2(H + 2)·u·Σ|terms| + (H + 1)·2^-1074 (h's 2 ulp ≤ 4u each, H + 1 roundings of the sum).
    /// </summary>
    [Property]
    public Property TanhMlp_OutputJacobianAndHessians_AreWithinTheirBounds() => Prop.ForAll(TanhCases, c =>
    {
        var model = new TanhMlp(1, c.Hidden, c.Outputs);
        var x = V([c.X]);
        var theta = V(c.Theta);
        var f = model.Output(x, theta);
        var jac = model.Jacobian(x, theta);
        string at = $"x = {c.X:R}, θ = [{string.Join(", ", c.Theta.Select(v => v.ToString("R")))}]";
        var xt = new[] { F(c.X), Fraction.One };
        var h = new RationalInterval[c.Hidden];
        var s = new RationalInterval[c.Hidden];
        for (int k = 0; k < c.Hidden; k++)
        {
            var a = F(c.Theta[2 * k]) * F(c.X);
            h[k] = TanhEnclosures.Tanh(a);
            s[k] = TanhEnclosures.SechSquared(a);
        }
        int W2(int m, int k) => 2 * c.Hidden + m * (c.Hidden + 1) + k;
        Property all = true.ToProperty();
        for (int m = 0; m < c.Outputs; m++)
        {
            var hess = model.OutputHessian(x, theta, m);
            var exact = I(F(c.Theta[W2(m, c.Hidden)]));
            var magnitude = Fraction.Abs(F(c.Theta[W2(m, c.Hidden)]));
            for (int k = 0; k < c.Hidden; k++)
            {
                var w2 = I(F(c.Theta[W2(m, k)]));
                exact += w2 * h[k];
                magnitude += Fraction.Abs(w2.Lower) * FractionExtensions.Max(Fraction.Abs(h[k].Lower), Fraction.Abs(h[k].Upper));
                all = all.And(ExactAgreement.Within(jac[m, W2(m, k)], h[k], 2, $"∂f_{m}/∂W₂[{m},{k}] at {at}"));
                for (int j = 0; j < 2; j++)
                {
                    all = all.And(ExactAgreement.Within(jac[m, 2 * k + j], w2 * s[k] * I(xt[j]), 12, $"∂f_{m}/∂W₁[{k},{j}] at {at}"));
                    all = all.And(ExactAgreement.Within(hess[W2(m, k), 2 * k + j], s[k] * I(xt[j]), 12, $"∂²f_{m}/∂W₂∂W₁[{k},{j}] at {at}"));
                    for (int j2 = 0; j2 < 2; j2++)
                        all = all.And(ExactAgreement.Within(hess[2 * k + j, 2 * k + j2], I(new Fraction(-2)) * w2 * h[k] * s[k] * I(xt[j] * xt[j2]), 12,
                            $"∂²f_{m}/∂W₁[{k},{j}]∂W₁[{k},{j2}] at {at}"));
                }
            }
            var bound = 2 * (c.Hidden + 2) * Unit * magnitude + (c.Hidden + 1) * Tiny;
            all = all.And(SumWithin(f[m], exact, bound, $"f_{m} at {at}"));
        }
        return all;
    });
}
