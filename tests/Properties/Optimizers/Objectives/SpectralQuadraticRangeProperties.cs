using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Exact;
using Verification.Numerics.Random;
using Verification.Optimizers.Objectives;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>
/// <see cref="SpectralQuadratic.FromEigenvalues"/> over the whole double range of λ (n = 1…4): with a seed, each A_ij
/// against the exact Σ_k q_ik·λ_k·q_jk of the very Q = RandomOrthogonal.Draw(n, seed) it uses, within the doc comment's
/// γ_{n+2}·Σ_k|q_ik λ_k q_jk| + (n + 2)·2^-1074 (one rounding of q_ik·λ_k, γ_n for the n-term sum, one for raw + rawᵀ;
/// halving exact but for a subnormal's 2^-1075, and each product's underflow below 2^-1075); rejected naming eigenvalues
/// only where some exact entry plus its bound reaches MaxValue + ½ulp. Without a seed A = diag(λ) bit for bit.
/// </summary>
[Properties(MaxTest = 300)]
public class SpectralQuadraticRangeProperties
{
    [Property]
    public Property FromEigenvalues_IsWithinItsBoundOfTheExactRotation() => Prop.ForAll(
        (from n in Gen.Choose(1, 4)
         from lambda in FullRangeDoubles.SignedOrOneScale(n)
         from seed in Gen.Frequency((5, Gen.Choose(0, 100000).Select(s => (int?)s)), (1, Gen.Constant((int?)null)))
         select (lambda, seed)).ToArbitrary(),
        c =>
        {
            int n = c.lambda.Length;
            string label = $"λ = [{string.Join(", ", c.lambda.Select(x => x.ToString("R")))}], seed = {c.seed?.ToString() ?? "none"}";
            if (c.seed is not int s)
            {
                var diagonal = SpectralQuadratic.FromEigenvalues(c.lambda, new double[n], null).A;
                bool exact = Enumerable.Range(0, n).All(i => Enumerable.Range(0, n).All(j =>
                    diagonal[i, j].Equals(i == j ? c.lambda[i] : 0.0)));
                return exact.Label($"{label}: A is not diag(λ) bit for bit");
            }
            var q = RandomOrthogonal.Draw(n, s);
            var exactA = new Fraction[n, n];
            var bound = new Fraction[n, n];
            bool mayOverflow = false;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    Fraction sum = Fraction.Zero, magnitude = Fraction.Zero;
                    for (int k = 0; k < n; k++)
                    {
                        var term = ExactDouble.ToFraction(q[i, k]) * ExactDouble.ToFraction(c.lambda[k]) * ExactDouble.ToFraction(q[j, k]);
                        sum += term;
                        magnitude += Fraction.Abs(term);
                    }
                    exactA[i, j] = sum;
                    bound[i, j] = ExactAgreement.Gamma(n + 2) * magnitude + (n + 2) * ExactDouble.Pow2(-1074);
                    if (Fraction.Abs(sum) + bound[i, j] >= ExactAgreement.OverflowThreshold)
                        mayOverflow = true;
                }
            SpectralQuadratic f;
            try
            {
                f = SpectralQuadratic.FromEigenvalues(c.lambda, new double[n], s);
            }
            catch (ArgumentException e)
            {
                return (mayOverflow && e.ParamName == "eigenvalues").Label($"{label}: rejected ({e.ParamName}: {e.Message})");
            }
            var a = f.A;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    if (!double.IsFinite(a[i, j]))
                        return false.Label($"{label}: A[{i}, {j}] = {a[i, j]:R}");
                    var error = Fraction.Abs(ExactDouble.ToFraction(a[i, j]) - exactA[i, j]);
                    if (error > bound[i, j])
                        return false.Label($"{label}: A[{i}, {j}] = {a[i, j]:R}, exact {ExactDouble.ToDouble(exactA[i, j]):R}, error {ExactDouble.ToDouble(error):R} > bound {ExactDouble.ToDouble(bound[i, j]):R}");
                    if (!a[i, j].Equals(a[j, i]))
                        return false.Label($"{label}: A not symmetric at ({i}, {j})");
                }
            return true.ToProperty();
        });
}
