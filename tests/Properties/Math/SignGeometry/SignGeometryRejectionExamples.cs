using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.SignGeometry;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// Issue 15 item 1 for src/Math/SignGeometry: the guards of the sign-descent geometry of thesis ch. 6 (the steepest step of
/// eqs. (6.9)–(6.10) and (C.2), ‖H‖∞,1 of eq. (6.18), the rotated Hessians of §6.4, the bounds of Props. 6.4–6.5) reject
/// bad input with exactly an ArgumentException naming the parameter and stating the range; at a boundary the smallest
/// accepted input is checked against a value derived by hand.
/// </summary>
public class SignGeometryRejectionExamples
{
    private static Matrix<double> M(double[,] a) => Matrix<double>.Build.DenseOfArray(a);

    private static Float64 F(double x) => new(x);

    [Fact]
    public void Step_RejectsAnEmptyGradientOrASignOfZeroOtherThanZeroOrOne()
    {
        ArgumentAssert.Rejects(() => SignGeometryFormulas.Step(SteepestNorm.Max, Array.Empty<Float64>(), F(1)), "g", "g must not be empty");
        ArgumentAssert.Rejects(() => SignGeometryFormulas.Step(SteepestNorm.Max, [F(1)], F(1), 2), "signOfZero", "signOfZero must be 0 or 1, got 2");
        ArgumentAssert.Rejects(() => SignGeometryFormulas.Step(SteepestNorm.Max, [F(1)], F(1), -1), "signOfZero", "signOfZero must be 0 or 1, got -1");
        // signOfZero = 1 reads sign(0) as +1: g = (0, 2), L = 1 gives −‖g‖₁·(1, 1) = (−2, −2) (eq. 6.10).
        var step = SignGeometryFormulas.Step(SteepestNorm.Max, [F(0), F(2)], F(1), 1);
        Assert.Equal(new[] { -2.0, -2.0 }, step.Select(x => x.Value).ToArray());
    }

    [Fact]
    public void SquareMatrixFormulas_RejectANonSquareOrTooLargeMatrix()
    {
        ArgumentAssert.Rejects(() => SignGeometryFormulas.Trace(RealMatrix<Float64>.Create(1, 2, (_, _) => F(1))), "h", "h must be square, got 1×2");
        ArgumentAssert.Rejects(() => SignGeometryFormulas.InfToOne(RealMatrix<Float64>.Identity(17)), "h", "h must have dimension ≤ 16, got 17");
        // The parameter of IsPositiveSemidefinite is a (it was reported as h).
        ArgumentAssert.Rejects(() => SignGeometryFormulas.IsPositiveSemidefinite(RealMatrix<Float64>.Identity(7)), "a", "a must have dimension ≤ 6, got 7");
        Assert.True(SignGeometryFormulas.IsPositiveSemidefinite(RealMatrix<Float64>.Identity(6)));
        ArgumentAssert.Rejects(() => SignGeometryFormulas.DiagonalPlus([F(1)], RealMatrix<Float64>.Identity(2), 1), "l", "l must have length 2, got 1");
        ArgumentAssert.Rejects(() => SignGeometryFormulas.Add([F(1)], [F(1), F(2)]), "b", "vectors of one length needed, got 1 and 2");
        ArgumentAssert.Rejects(() => SignGeometryFormulas.Subtract([F(1), F(2)], [F(1)]), "b", "vectors of one length needed, got 2 and 1");
    }

    [Fact]
    public void EigenpairsRankOne_RejectsAZeroVector()
    {
        ArgumentAssert.Rejects(() => SignGeometryFormulas.EigenpairsRankOne(F(1), [F(0), F(0)]), "u", "u must be nonzero");
        // u = (0, 1): c·uuᵀ has the eigenvalue c·|u|² = 3 on u, and 0 on (1, 0).
        var pairs = SignGeometryFormulas.EigenpairsRankOne(F(3), [F(0), F(1)]);
        Assert.Equal(3.0, pairs[0].Lambda.Value);
        Assert.Equal(0.0, pairs[1].Lambda.Value);
    }

    [Fact]
    public void RotatedHessian_RejectsLambdaMaxBelowOneOrNonFiniteAngles()
    {
        double belowOne = Math.BitDecrement(1.0);
        ArgumentAssert.Rejects(() => RotatedHessian.TwoDimensional(belowOne, 0), "lambdaMax", "lambdaMax must be finite and ≥ 1, got 0.9999999999999999");
        ArgumentAssert.Rejects(() => RotatedHessian.TwoDimensional(double.PositiveInfinity, 0), "lambdaMax", "lambdaMax must be finite and ≥ 1");
        ArgumentAssert.Rejects(() => RotatedHessian.TwoDimensional(2, double.NaN), "omega", "omega must be finite");
        // λ_max = 1, the smallest accepted: Q·I·Qᵀ = I for every angle.
        Assert.Equal(new[,] { { 1.0, 0 }, { 0, 1 } }, RotatedHessian.TwoDimensional(1, 0).ToArray());
        ArgumentAssert.Rejects(() => RotatedHessian.SeededSkew(0, 1), "dimension", "dimension must be ≥ 1, got 0");
        Assert.Equal(0.0, RotatedHessian.SeededSkew(1, 1)[0, 0]);
        var skew = M(new double[,] { { 0, 1 }, { -1, 0 } });
        ArgumentAssert.Rejects(() => RotatedHessian.Rotate(belowOne, skew, 0), "lambdaMax", "lambdaMax must be finite and ≥ 1");
        ArgumentAssert.Rejects(() => RotatedHessian.Rotate(2, skew, double.NaN), "phi", "phi must be finite");
        ArgumentAssert.Rejects(() => RotatedHessian.Rotate(2, M(new double[,] { { 0, 1 }, { 1, 0 } }), 0.5), "skew", "skew must be a non-empty square skew-symmetric matrix");
        // At φ = 0 the rotation exp(0) is the identity: the result is diag(1, λ_max).
        Assert.Equal(new[,] { { 1.0, 0 }, { 0, 2 } }, RotatedHessian.Rotate(2, skew, 0).ToArray());
        Assert.Equal("skew", Assert.Throws<ArgumentNullException>(() => RotatedHessian.Rotate(2, null!, 0)).ParamName);
    }

    [Fact]
    public void InfToOneNormAtVertex_RejectsABadVectorOrAResultBeyondTheRange()
    {
        var h = M(new double[,] { { 1, 0 }, { 0, 1 } });
        ArgumentAssert.Rejects(() => InfToOneNorm.AtVertex(M(new double[,] { { 1, 2 }, { 0, 1 } }), Vector<double>.Build.Dense([1.0, 1.0])), "h", "h must be symmetric");
        ArgumentAssert.Rejects(() => InfToOneNorm.AtVertex(h, Vector<double>.Build.Dense([1.0, double.NaN])), "x", "x[1] must be finite");
        ArgumentAssert.Rejects(() => InfToOneNorm.AtVertex(h, Vector<double>.Build.Dense([1.0])), "x", "x has length 1, expected 2");
        // ‖I·(M, M)‖₁ = 2M.
        ArgumentAssert.Rejects(() => InfToOneNorm.AtVertex(h, Vector<double>.Build.Dense([double.MaxValue, double.MaxValue])), "x", "‖Hx‖₁ exceeds double.MaxValue");
        Assert.Equal(double.MaxValue, InfToOneNorm.AtVertex(h, Vector<double>.Build.Dense([double.MaxValue, 0])));
    }

    [Fact]
    public void InfToOneNormExact_RejectsAnEmptyNonSquareOrTooLargeMatrix()
    {
        ArgumentAssert.Rejects(() => InfToOneNormExact.Compute(new Fraction[0, 0]), "h", "h must be a non-empty square matrix, got 0×0");
        ArgumentAssert.Rejects(() => InfToOneNormExact.Compute(new Fraction[1, 2]), "h", "h must be a non-empty square matrix, got 1×2");
        ArgumentAssert.Rejects(() => InfToOneNormExact.Compute(new Fraction[17, 17]), "h", "h must have dimension ≤ 16 for exact enumeration, got 17");
        // 1×1: ‖[3]‖∞,1 = 3.
        Assert.Equal(new Fraction(3), InfToOneNormExact.Compute(new[,] { { new Fraction(3) } }).Value);
    }

    [Fact]
    public void SignGeometryBounds_RejectAZeroDiagonalOrTooLargeH()
    {
        ArgumentAssert.Rejects(() => SignGeometryBounds.Prop64Bound(M(new double[,] { { 0, 1 }, { 1, 0 } })), "h", "h has a zero diagonal");
        ArgumentAssert.Rejects(() => SeparableSmoothness.Bracket(Matrix<double>.Build.DenseIdentity(SeparableSmoothness.MaxDimension + 1)), "h",
            $"h must have dimension ≤ {SeparableSmoothness.MaxDimension}, got {SeparableSmoothness.MaxDimension + 1}");
    }

    [Fact]
    public void SignGeometryBounds_RejectANonSymmetricHOrANonFiniteOmega()
    {
        var skewed = M(new double[,] { { 1, 2 }, { 0, 1 } });
        ArgumentAssert.Rejects(() => SignGeometryBounds.RhoDiag(skewed), "h", "h must be symmetric");
        ArgumentAssert.Rejects(() => SignGeometryBounds.EntrywiseL1(skewed), "h", "h must be symmetric");
        ArgumentAssert.Rejects(() => SignGeometryBounds.Prop65Bound(skewed), "h", "h must be symmetric");
        ArgumentAssert.Rejects(() => SignGeometryBounds.Eq621LowerBound(skewed), "h", "h must be symmetric");
        ArgumentAssert.Rejects(() => SignGeometryBounds.SpectralNorm(skewed), "h", "h must be symmetric");
        ArgumentAssert.Rejects(() => SignGeometryBounds.Density(Vector<double>.Build.Dense([double.NaN, 1.0])), "omega", "omega[0] must be finite");
        // Σ|H_ij| of [[1, −2], [−2, 1]] is 6; ‖H‖₂ = 3 (eigenvalues 3 and −1).
        var h = M(new double[,] { { 1, -2 }, { -2, 1 } });
        Assert.Equal(6.0, SignGeometryBounds.EntrywiseL1(h));
        Assert.Equal(3.0, SignGeometryBounds.SpectralNorm(h), 1e-15); // eigensolver: a few ulps
    }

    [Fact]
    public void SeparableSmoothnessFormulas_RejectAWitnessOfAnotherDimension()
    {
        var h = RealMatrix<Float64>.Identity(2);
        ArgumentAssert.Rejects(() => SeparableSmoothnessFormulas.UpperBound(h, new SeparableWitness([1.0], new double[1, 1])), "witness", "the witness has dimension 1, H 2");
        ArgumentAssert.Rejects(() => SeparableSmoothnessFormulas.LowerBound(h, new SeparableWitness([1.0, 1.0], new double[1, 1])), "witness", "the witness and H must both be 2×2");
        ArgumentAssert.Rejects(() => SeparableSmoothnessFormulas.LowerBound(h, new SeparableWitness([1.0, 1.0], new double[2, 2])), "witness", "the dual factor V must have a nonzero row");
    }
}
