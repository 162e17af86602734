using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.Stochastic;

/// <summary>The step −(γ/L)·g of thesis Propositions 4.1 and 4.2, for every L &gt; 0 and γ ≥ 0.</summary>
internal static class SmoothnessStep
{
    /// <summary>
    /// −(γ/L)·g: the plain form where γ/L is a normal double (bit for bit the former results: two roundings, within 1 ulp
    /// where the result is normal), otherwise each entry as −γ·g_i·(1/L′)·2^-e with L = L′·2^e, L′ ∈ [1, 2), through
    /// <see cref="ScaledSum.Product(int, ReadOnlySpan{double})"/> (three roundings and one final scaling: within 2 ulp
    /// where the result is normal). γ/L overflowed to ∞ for L below γ/double.MaxValue, so a zero entry of g gave ∞·0 = NaN
    /// and a small one ∞ (L = 1e-320, g = 1e-20: exact −1e300).
    /// </summary>
    /// <exception cref="ArgumentException">An entry of the step beyond the double range (exact value above double.MaxValue), naming <paramref name="name"/>.</exception>
    public static Vector<double> Of(double gamma, double smoothness, Vector<double> gradient, string name)
    {
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
}
