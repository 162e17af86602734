using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.NaturalGradient;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.NaturalGradient;

/// <summary>
/// The cosine of Fig. 7.3 (App. D.3.3): what <see cref="DirectionCosine.At"/> and <see cref="DirectionCosine.Cosine"/>
/// reject, by name and with a message that says why (never a NaN cosine or a NullReferenceException).
/// </summary>
public class DirectionCosineExamples
{
    private static readonly Vector<double> Theta = Vector<double>.Build.Dense(2);

    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Fact]
    public void At_WithANullObjective_NamesIt() =>
        Assert.Equal("objective", Assert.Throws<ArgumentNullException>(() => DirectionCosine.At(null!, Theta)).ParamName);

    /// <summary>θ with a NaN or ∞ is rejected even where the objective would answer at it (this one ignores θ).</summary>
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void At_WithANonFiniteTheta_NamesTheta(double x) =>
        Assert.Equal("theta", Assert.Throws<ArgumentException>(() => DirectionCosine.At(new GivenCurvature([1, 2], [1, 1]), V(0, x))).ParamName);

    /// <summary>∇R(θ) = 0: both directions are 0 and have no angle; rejected naming θ, not as a zero u.</summary>
    [Fact]
    public void At_WithAZeroGradient_NamesTheta()
    {
        var e = Assert.Throws<ArgumentException>(() => DirectionCosine.At(new GivenCurvature([1, 2], [0, -0.0]), Theta));
        Assert.Equal("theta", e.ParamName);
        Assert.Contains("the gradient is 0 at θ", e.Message);
    }

    /// <summary>
    /// F = diag(2^-1074, 1), g = (1, 1): F⁻¹g = (2^1074, 1) is beyond the double range (the solve gives ∞), so F is
    /// numerically singular; the same for F̃ with F = I. Rejected naming θ and saying which matrix, not as a non-finite u or v.
    /// </summary>
    [Fact]
    public void At_WithANumericallySingularFisherOrEmpiricalFisher_SaysWhich()
    {
        double[] singular = [Math.ScaleB(1, -1074), 1], identity = [1, 1], g = [1, 1];
        var fisher = Assert.Throws<ArgumentException>(() => DirectionCosine.At(new GivenCurvature(singular, g, empiricalDiagonal: identity), Theta));
        Assert.Equal("theta", fisher.ParamName);
        Assert.StartsWith("F is singular at θ", fisher.Message);
        var empirical = Assert.Throws<ArgumentException>(() => DirectionCosine.At(new GivenCurvature(identity, g, empiricalDiagonal: singular), Theta));
        Assert.Equal("theta", empirical.ParamName);
        Assert.StartsWith("F̃ is singular at θ", empirical.Message);
    }

    /// <summary>
    /// F = diag(0, 1) (exactly singular) or diag(−1, 1) (indefinite), g = (1, 1): the Cholesky factorization has a pivot ≤ 0.
    /// Rejected naming θ and saying which matrix (MathNet's own rejection named neither), for F and for F̃ alike.
    /// </summary>
    [Fact]
    public void At_WithAFisherOrEmpiricalFisherThatIsNotPositiveDefinite_SaysWhich()
    {
        foreach (double pivot in new[] { 0.0, -0.0, -1.0 })
        {
            double[] bad = [pivot, 1], identity = [1, 1], g = [1, 1];
            ArgumentAssert.Rejects(() => DirectionCosine.At(new GivenCurvature(bad, g, empiricalDiagonal: identity), Theta),
                "theta", "F is not positive definite at θ");
            ArgumentAssert.Rejects(() => DirectionCosine.At(new GivenCurvature(identity, g, empiricalDiagonal: bad), Theta),
                "theta", "F̃ is not positive definite at θ");
        }
    }

    /// <summary>F = diag(1, 4), F̃ = I, g = (1, 1): u = (1, 1/4), v = (1, 1), cos = (5/4)/(√(17/16)·√2) = 5/√34.</summary>
    [Fact]
    public void At_WithDiagonalMatrices_IsTheCosineOfTheSolvedDirections()
    {
        double cosine = DirectionCosine.At(new GivenCurvature([1, 4], [1, 1], empiricalDiagonal: [1, 1]), Theta);
        double exact = 5 / Math.Sqrt(34); // within 1 ulp = u = 2^-53 of 5/√34 (two roundings)
        // The solves are exact (divisions by 1, 2 and 4); the remarks' bound (d + 3)·u·cos + 3u ≈ 7.3u, plus the 1u above:
        // 8.3u ≈ 9.2e-16, below the 1e-15 used.
        Assert.InRange(cosine, exact - 1e-15, exact + 1e-15);
    }

    /// <summary>
    /// The same cosine 5/√34 at g = (s, s), s = 2^k from subnormal to 2^996: the solves divide by 1, 2 and 4 (exact for
    /// a power of two, even subnormal ones above 2^-1072; s cancels in the cosine), so the bound above holds.
    /// At's zero-gradient test must not square g (a naive Σg_i² is 0 below s ≈ 2^-538, and At would reject a nonzero
    /// gradient as "the gradient is 0"; k = −664 and −1030 fail on that mutant); MathNet's L2Norm passes.
    /// </summary>
    [Theory]
    [InlineData(-664)]
    [InlineData(-1030)]
    [InlineData(996)]
    public void At_WithATinyOrHugeGradient_IsTheCosineOfTheSolvedDirections(int k)
    {
        double s = Math.ScaleB(1.0, k);
        double cosine = DirectionCosine.At(new GivenCurvature([1, 4], [s, s], empiricalDiagonal: [1, 1]), Theta);
        double exact = 5 / Math.Sqrt(34);
        Assert.InRange(cosine, exact - 1e-15, exact + 1e-15);
    }

    /// <summary>A NaN or ∞ entry in u or v is rejected naming that vector (the cosine would be NaN).</summary>
    [Fact]
    public void Cosine_WithANonFiniteEntry_NamesTheVector()
    {
        Assert.Equal("u", Assert.Throws<ArgumentException>(() => DirectionCosine.Cosine(V(double.NaN, 1), V(1, 1))).ParamName);
        Assert.Equal("u", Assert.Throws<ArgumentException>(() => DirectionCosine.Cosine(V(1, double.PositiveInfinity), V(1, 1))).ParamName);
        Assert.Equal("v", Assert.Throws<ArgumentException>(() => DirectionCosine.Cosine(V(1, 1), V(double.NegativeInfinity, 1))).ParamName);
        Assert.Equal("v", Assert.Throws<ArgumentException>(() => DirectionCosine.Cosine(V(1, 1), V(1, double.NaN))).ParamName);
    }

    /// <summary>u and v of different lengths have no inner product: rejected naming v with both lengths.</summary>
    [Fact]
    public void Cosine_OfDifferentLengths_NamesV()
    {
        var e = Assert.Throws<ArgumentException>(() => DirectionCosine.Cosine(V(1, 1), V(1, 1, 1)));
        Assert.Equal("v", e.ParamName);
        Assert.Contains("length 3, expected 2", e.Message);
    }

    /// <summary>A zero v (u non-zero) has no direction: rejected naming v, and the message says why.</summary>
    [Fact]
    public void Cosine_OfAZeroV_NamesV()
    {
        var e = Assert.Throws<ArgumentException>(() => DirectionCosine.Cosine(V(1, -2), V(0, -0.0)));
        Assert.Equal("v", e.ParamName);
        Assert.Contains("the cosine of a zero vector is undefined", e.Message);
    }

    /// <summary>A gradient with one non-finite entry beside a finite one is rejected naming θ, saying which entry is not finite.</summary>
    [Theory]
    [InlineData(double.NaN, 1.0)]
    [InlineData(1.0, double.PositiveInfinity)]
    public void At_WithOneNonFiniteGradientEntry_NamesTheta(double g1, double g2) =>
        ArgumentAssert.Rejects(() => DirectionCosine.At(new GivenCurvature([1, 2], [g1, g2]), Theta), "theta", "the gradient at θ has a non-finite entry");
}
