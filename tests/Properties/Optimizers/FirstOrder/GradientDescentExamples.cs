using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.FirstOrder;
using Verification.Optimizers.Guarantees;
using Verification.Optimizers.Objectives;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.FirstOrder;

/// <summary>
/// Gradient descent's declarations and its Definition 3 preconditioner: the curvature bound 2/η it declares is the exact
/// boundary of descent (at λ = 2/η the step maps θ to −θ and f does not decrease), Φ = ηI, and misuse is rejected with
/// the parameter named.
/// </summary>
public class GradientDescentExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>
    /// η = 1/8 (a power of two, so every value below is exact): both descent guarantees declare λ_max &lt; 2/η = 16. On
    /// f = ½·16·θ² the step −η·16θ = −2θ maps θ = 1 to −1 with f unchanged (8 = 8), so no bound above 16 is true; at
    /// λ = 15 f drops from 7.5 to 7.5·(1 − 15/8)² = 5.7421875.
    /// </summary>
    [Fact]
    public void DeclaredCurvatureBound_IsTheExactBoundaryOfDescent()
    {
        var gd = new GradientDescent(0.125);
        Assert.Equal(16, Assert.Single(gd.Guarantees.OfType<DescentOnConvexQuadratics>()).MaxCurvature);
        Assert.Equal(16, Assert.Single(gd.Guarantees.OfType<MonotoneDescentOnConvexQuadratics>()).MaxCurvature);

        var atBound = Quadratic.Diagonal(V(16), V(0));
        var next = V(1) + gd.Update(atBound, V(1));
        Assert.Equal(-1, next[0]);
        Assert.Equal(atBound.Value(V(1)), atBound.Value(next));

        var below = Quadratic.Diagonal(V(15), V(0));
        Assert.Equal(5.7421875, below.Value(V(1) + gd.Update(below, V(1))));
    }

    /// <summary>Φ = ηI (Definition 3) of the objective's dimension, and the steepest-descent step size is η.</summary>
    [Fact]
    public void Preconditioner_IsEtaTimesIdentity()
    {
        var gd = new GradientDescent(0.25);
        var phi = gd.Preconditioner(Quadratic.Diagonal(V(1, 2, 3), V(0, 0, 0)), V(0, 0, 0));
        Assert.Equal(Matrix<double>.Build.DenseIdentity(3) * 0.25, phi);
        Assert.Equal(0.25, Assert.Single(gd.Guarantees.OfType<SteepestDescent>()).StepSize);
    }

    /// <summary>A null objective is an ArgumentNullException naming it; a step beyond the range an ArgumentException naming θ and saying so.</summary>
    [Fact]
    public void Misuse_IsRejectedNamingTheParameter()
    {
        var gd = new GradientDescent(0.5);
        Assert.Equal("objective", Assert.Throws<ArgumentNullException>(() => gd.Update(null!, V(1))).ParamName);
        Assert.Equal("objective", Assert.Throws<ArgumentNullException>(() => gd.Preconditioner(null!, V(1))).ParamName);
        var steep = Quadratic.Diagonal(V(1e308), V(0));
        var e = Assert.Throws<ArgumentException>(() => new GradientDescent(4).Update(steep, V(1)));
        Assert.Equal("theta", e.ParamName);
        Assert.Contains("beyond the double range", e.Message);
    }
}
