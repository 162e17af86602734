using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Elmo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Elmo;

/// <summary>
/// <see cref="ElmoPreconditioner.SingularDirections"/> lists exactly the i with g_i = 0 and λ_i ≤ 0, where Lemma 3.2's
/// inverse does not exist (S + |λ| with S = √(λ² + 2L|g|) is 0 at g = λ = 0, and at g = 0, λ &lt; 0 the model has no
/// unique minimizer along v_i); λ_i = 0 with g_i = 0 is one of them, and a nonzero g_i or a positive λ_i is not.
/// </summary>
public sealed class ElmoPreconditionerRun36Examples
{
    [Fact]
    public void SingularDirections_IncludeAZeroEigenvalueWithZeroGradient()
    {
        var eigen = new EigenSystem([0.0, -1.0, 2.0, 0.0, -3.0], Matrix<double>.Build.DenseIdentity(5), [0.0, 0.0, 0.0, 1.0, -2.0]);
        Assert.Equal([0, 1], ElmoPreconditioner.SingularDirections(eigen));
    }
}
