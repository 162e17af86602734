using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers.NaturalGradient;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Optimizers.NaturalGradient;

/// <summary>
/// Φ = γ(B + λI)⁻¹ of NGD and EFGD (elmo-amos Definition 3, balles-thesis eqs. D.31, D.32) for diagonal B over the whole
/// double range: B ≥ 0, λ, γ &gt; 0 from subnormal to MaxValue, against the exact γ/(b_i + λ) in rationals (the remarks of
/// <see cref="DampedPreconditionedDescent.Preconditioner"/>): each diagonal entry within (γ₃ + 2^-1000)·|Φ_ii| + 2^-1074,
/// ±∞ only where the exact entry is beyond double.MaxValue by more than that bound allows, every off-diagonal entry 0.
/// </summary>
[Properties(MaxTest = 400)]
public class DampedPreconditionerRangeProperties
{
    private static readonly Fraction Smallest = ExactDouble.Pow2(-1074), Max = ExactDouble.ToFraction(double.MaxValue);

    /// <summary>
    /// γ₃ + 2^-1000, u = 2^-53: b_i + λ (its scaled form's subnormal 2^-k·b_i adds at most 2^-1075 beside a normal 2^-k·λ,
    /// the 2^-1000), the inverse's division and the product with γ; the scaling back is exact but into the subnormals (the 2^-1074).
    /// </summary>
    private static readonly Fraction Relative = ExactAgreement.Gamma(3) + ExactDouble.Pow2(-1000);

    private static Vector<double> Theta => Vector<double>.Build.Dense(1);

    /// <summary>Positive doubles: the whole range, or small multiples of powers of two anywhere (so b_i + λ often exact).</summary>
    private static Gen<double> Positive { get; } = Gen.Frequency(
        (3, FullRangeDoubles.Positive),
        (1, from m in Gen.Choose(1, 15) from k in Gen.Choose(-1074, 1019) select m * Math.ScaleB(1.0, k)));

    /// <summary>[2^1023, MaxValue]: 1/b is subnormal there while b + λ stays finite for small λ (a review found Φ 2 ulp off).</summary>
    private static Gen<double> TopBinade { get; } = FullRangeDoubles.MantissaBits.Select(m => BitConverter.Int64BitsToDouble(0x7FE0000000000000L | m));

    [Property]
    public Property Preconditioner_OfADiagonalCurvature_IsTheExactInverseWithinItsBound() => Prop.ForAll(
        (from n in Gen.Choose(1, 3)
         from b in Gen.ArrayOf(Gen.Frequency((4, Positive), (1, Gen.Constant(0.0)), (1, TopBinade)), n)
         from lambda in Positive
         from gamma in Positive
         from empirical in Gen.Elements(false, true)
         select (b, lambda, gamma, empirical)).ToArbitrary(),
        c =>
        {
            var (b, lambda, gamma, empirical) = c;
            int n = b.Length;
            string at = $"b = [{string.Join(", ", b.Select(x => x.ToString("R")))}], λ = {lambda:R}, γ = {gamma:R}";
            DampedPreconditionedDescent optimizer = empirical ? new EmpiricalFisherGradientDescent(gamma, lambda) : new NaturalGradientDescent(gamma, lambda);
            Matrix<double> phi;
            try
            {
                phi = optimizer.Preconditioner(new GivenCurvature(b, new double[n], 0, empirical ? b : null), Theta);
            }
            catch (ArgumentException e)
            {
                return false.Label($"{at}: rejected: {e.Message}");
            }
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    if (i != j)
                    {
                        if (phi[i, j] != 0)
                            return false.Label($"{at}: Φ[{i},{j}] = {phi[i, j]:R}, exact 0");
                        continue;
                    }
                    var exact = ExactDouble.ToFraction(gamma) / (ExactDouble.ToFraction(b[i]) + ExactDouble.ToFraction(lambda));
                    var bound = Relative * exact + Smallest;
                    double entry = phi[i, i];
                    if (double.IsPositiveInfinity(entry) && exact + bound > Max)
                        continue;
                    if (!double.IsFinite(entry) || Fraction.Abs(ExactDouble.ToFraction(entry) - exact) > bound)
                        return false.Label($"{at}: Φ[{i},{i}] = {entry:R}, exact ≈ {ExactDouble.ToDouble(exact):R}, bound {ExactDouble.ToDouble(bound):R}");
                }
            return true.Label(at);
        });
}
