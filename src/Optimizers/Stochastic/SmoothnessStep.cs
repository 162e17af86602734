using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.Stochastic;

/// <summary>The step −(γ/L)·g of thesis Propositions 4.1 and 4.2, for every L &gt; 0 and γ ≥ 0.</summary>
internal static class SmoothnessStep
{
    /// <summary>
    /// −(γ/L)·g: the plain form where γ/L is a normal double (bit for bit the former results: two roundings, within 1.5 ulp
    /// where the result is normal: ½ from the product's rounding, and the quotient's relative u/mant(γ/L) times the result,
    /// below 1 ulp of it; the former "1 ulp" failed, γ = 0.6727665284724358, L = 10.576003982245577, g = 1.9497020784646204
    /// is 1.43 ulp off), otherwise each entry as −γ·g_i·(1/L′)·2^-e with L = L′·2^e, L′ ∈ [1, 2), through
    /// <see cref="ScaledSum.Product(int, ReadOnlySpan{double})"/> (three roundings and one final scaling: within 2 ulp
    /// where the result is normal, ½ from the last rounding and below 1.5 from the other two by the same count). Where the
    /// result is subnormal both are within 2 units of 2^-1074. γ/L overflowed to ∞ for L below γ/double.MaxValue, so a
    /// zero entry of g gave ∞·0 = NaN and a small one ∞ (L = 1e-320, g = 1e-20: exact −1e300).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// An entry of g that is not finite, or an entry of the step computed beyond the double range (its exact value is then
    /// above double.MaxValue·(1 − 2^-51), within the 2 ulp above of the range or beyond it), naming <paramref name="name"/>.
    /// </exception>
    public static Vector<double> Of(double gamma, double smoothness, Vector<double> gradient, string name)
    {
        Require.Finite(gradient, name);
        double factor = gamma / smoothness;
        Vector<double> step;
        if (factor >= PowerOfTwoScaling.MinNormal && double.IsFinite(factor))
            step = -factor * gradient;
        else
        {
            int e = Math.ILogB(smoothness);
            double inverse = 1 / Math.ScaleB(smoothness, -e);
            step = gradient.Map(g => -ScaledSum.Product(-e, gamma, g, inverse));
        }
        for (int i = 0; i < step.Count; i++)
            if (!double.IsFinite(step[i]))
                throw new ArgumentException($"the step −(γ/L)·g has entry {i} = {Require.Show(step[i])}: beyond the double range (γ = {Require.Show(gamma)}, L = {Require.Show(smoothness)}).", name);
        return step;
    }

    /// <summary>
    /// −(γ/L)·g with γ = <paramref name="gammaMantissa"/>·2^<paramref name="gammaExponent"/> (a γ whose double would be
    /// subnormal or 0): each entry through <see cref="ScaledSum.Product(int, ReadOnlySpan{double})"/>, the scaled path of
    /// <see cref="Of(double, double, Vector{double}, string)"/> with its accuracy relative to that γ.
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="Of(double, double, Vector{double}, string)"/>.</exception>
    public static Vector<double> Of(double gammaMantissa, int gammaExponent, double smoothness, Vector<double> gradient, string name)
    {
        Require.Finite(gradient, name);
        int e = Math.ILogB(smoothness);
        double inverse = 1 / Math.ScaleB(smoothness, -e);
        var step = gradient.Map(g => -ScaledSum.Product(gammaExponent - e, gammaMantissa, g, inverse));
        for (int i = 0; i < step.Count; i++)
            if (!double.IsFinite(step[i]))
                throw new ArgumentException($"the step −(γ/L)·g has entry {i} = {Require.Show(step[i])}: beyond the double range (γ = {Require.Show(gammaMantissa)}·2^{gammaExponent}, L = {Require.Show(smoothness)}).", name);
        return step;
    }
}
