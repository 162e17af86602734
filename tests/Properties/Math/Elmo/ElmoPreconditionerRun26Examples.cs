using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Elmo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Elmo;

/// <summary>
/// Φ^ELMO = V·diag(φ)·Vᵀ (elmo-amos Lemma 3.2) where every φ_i is exactly double.MaxValue: the exact diagonal entry
/// Σ_k V_ik²·φ_k is then MaxValue as well (rows of an orthogonal V have unit norm), so the reassembly in doubles lands
/// within a few ulps of the overflow threshold and, for some rotations, past it. Compute must then either return a
/// matrix of finite entries whose diagonal is within the documented (n + 2)·2^-53·max φ of MaxValue, or reject with the
/// documented ArgumentException naming the overflowing entry; it must never return ∞. The rotations are
/// H = R(θ)·diag(−2, −1)·R(θ)ᵀ for small θ, with L_i tuned per eigenspace so that φ_i = (S + |λ_i|)/(L_i|g_i|) rounds to
/// MaxValue; at least one of them must reach the rejection, or the test would not check it.
/// </summary>
public class ElmoPreconditionerRun26Examples
{
    [Fact]
    public void Compute_WhereEveryFactorIsMaxValue_ReturnsFiniteEntriesOrRejectsTheEntry()
    {
        var gradient = Vector<double>.Build.Dense([1.0, 0.5]);
        int rejected = 0, returned = 0;
        for (int t = 1; t <= 48; t++)
        {
            double theta = t * Math.PI / 800;
            double c = Math.Cos(theta), s = Math.Sin(theta);
            var rotation = Matrix<double>.Build.DenseOfArray(new double[,] { { c, -s }, { s, c } });
            var h = rotation * Matrix<double>.Build.DiagonalOfDiagonalArray([-2.0, -1.0]) * rotation.Transpose();
            h = (h + h.Transpose()) / 2;
            var eigen = SymmetricEigen.Decompose(h, gradient);
            var lipschitz = Vector<double>.Build.Dense(2);
            for (int i = 0; i < 2; i++)
                lipschitz[i] = LipschitzGivingMaxValue(eigen.Values[i], Math.Abs(eigen.GradientProjections[i]));
            if (lipschitz.Any(l => l == 0))
                continue;
            Matrix<double> phi;
            try
            {
                phi = ElmoPreconditioner.Compute(h, gradient, lipschitz);
            }
            catch (ArgumentException e)
            {
                Assert.Equal(typeof(ArgumentException), e.GetType());
                Assert.Equal("hessian", e.ParamName);
                Assert.Contains("Φ^ELMO is not representable: entry [", e.Message, StringComparison.Ordinal);
                Assert.Contains("Compute's range needs every entry ≤ double.MaxValue", e.Message, StringComparison.Ordinal);
                rejected++;
                continue;
            }
            returned++;
            // Tolerance: the documented reassembly error (n + 2)·2^-53·max φ_i with n = 2.
            double tolerance = 4 * Math.Pow(2, -53) * double.MaxValue;
            for (int i = 0; i < 2; i++)
            {
                for (int j = 0; j < 2; j++)
                    Assert.True(double.IsFinite(phi[i, j]), $"θ = {theta:R}: Φ[{i},{j}] = {phi[i, j]:R}");
                Assert.True(double.MaxValue - phi[i, i] <= tolerance, $"θ = {theta:R}: Φ[{i},{i}] = {phi[i, i]:R}, exact ≈ MaxValue");
            }
        }
        Assert.True(rejected > 0, $"no rotation reached the entry rejection ({returned} returned)");
    }

    /// <summary>An L for which Factor(λ, |g|, L) is exactly MaxValue (λ &lt; 0, φ ≈ 2|λ|/(L|g|)), or 0 if none is near.</summary>
    private static double LipschitzGivingMaxValue(double lambda, double gradMagnitude)
    {
        double guess = 2 * Math.Abs(lambda) / gradMagnitude / double.MaxValue;
        for (int k = -8; k <= 8; k++)
        {
            double lipschitz = guess * (1 + k * Math.Pow(2, -52));
            if (ElmoPreconditioner.Factor(lambda, gradMagnitude, lipschitz) == double.MaxValue)
                return lipschitz;
        }
        return 0;
    }
}
