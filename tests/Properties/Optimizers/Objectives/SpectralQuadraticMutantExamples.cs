using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Objectives;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>
/// SpectralQuadratic.FromEigenvalues at the top of the double range: A = Q·diag(M, M, M)·Qᵀ = M·I exactly (M = MaxValue),
/// so each stored entry is M or 0 up to rounding; where a rounding goes beyond M the documented range (eigenvalues within
/// n·2^-53 of MaxValue are outside it) requires a rejection naming eigenvalues, otherwise every entry is finite.
/// </summary>
public class SpectralQuadraticMutantExamples
{
    [Fact]
    public void EigenvaluesAtMaxValue_GiveFiniteEntriesOrTheRangeRejection()
    {
        int rejected = 0;
        for (int seed = 0; seed < 64; seed++)
        {
            try
            {
                var f = SpectralQuadratic.FromEigenvalues([double.MaxValue, double.MaxValue, double.MaxValue], [0.0, 0, 0], seed);
                Assert.All(f.Hessian(Vector<double>.Build.Dense(3)).Enumerate(), x => Assert.True(double.IsFinite(x)));
            }
            catch (ArgumentException e)
            {
                Assert.Equal(typeof(ArgumentException), e.GetType());
                Assert.Equal("eigenvalues", e.ParamName);
                Assert.Contains("beyond ±double.MaxValue", e.Message, StringComparison.Ordinal);
                rejected++;
            }
        }
        // The rounding of an exactly-M sum goes over M for some of the 64 rotations; without one the rejection is untested.
        Assert.True(rejected > 0);
    }
}
