using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Lodo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// Issue 15 item 1 for src/Math/Lodo: every guard of the LODO quantities (the preconditioner G(θ) of eq. (2), the
/// quadratic learning dynamics of eqs. (5)–(6), the noise series Σ_A of eq. (10), the noisy bowl of §5) rejects bad input
/// with exactly an ArgumentException naming the parameter and stating the range; at a boundary the smallest accepted
/// input is checked too, against a value derived by hand.
/// </summary>
public class LodoRejectionExamples
{
    private static Matrix<double> M(double[,] a) => Matrix<double>.Build.DenseOfArray(a);

    private static Vector<double> V(params double[] v) => Vector<double>.Build.Dense(v);

    private static readonly Matrix<double> Identity2 = Matrix<double>.Build.DenseIdentity(2);

    [Fact]
    public void QuadraticLearningDynamicsStep_RejectsNonFiniteOrMismatchedInput()
    {
        var b = V(1, 0);
        var s = V(0, 0);
        ArgumentAssert.Rejects(() => QuadraticLearningDynamics.Step(M(new[,] { { double.NaN, 0 }, { 0, 1 } }), b, s, Identity2, 0.1), "a", "a must be finite");
        ArgumentAssert.Rejects(() => QuadraticLearningDynamics.Step(Identity2, b, s, M(new[,] { { 1, 0 }, { 0, double.PositiveInfinity } }), 0.1), "h", "h must be finite");
        ArgumentAssert.Rejects(() => QuadraticLearningDynamics.Step(Identity2, V(1, double.NaN), s, Identity2, 0.1), "b", "b[1] must be finite");
        ArgumentAssert.Rejects(() => QuadraticLearningDynamics.Step(Identity2, b, V(double.NaN, 0), Identity2, 0.1), "s", "s[0] must be finite");
        ArgumentAssert.Rejects(() => QuadraticLearningDynamics.Step(Matrix<double>.Build.DenseIdentity(3), b, s, Identity2, 0.1), "a", "must be n×n with n = 2");
        ArgumentAssert.Rejects(() => QuadraticLearningDynamics.Step(Identity2, b, s, M(new double[,] { { 1, 2 }, { 0, 1 } }), 0.1), "h", "h must be symmetric");
        ArgumentAssert.Rejects(() => QuadraticLearningDynamics.Step(Identity2, V(1, 0, 0), s, Identity2, 0.1), "b", "b has length 3, expected 2");
        ArgumentAssert.Rejects(() => QuadraticLearningDynamics.Step(Identity2, b, V(0), Identity2, 0.1), "s", "s has length 1, expected 2");
        ArgumentAssert.Rejects(() => QuadraticLearningDynamics.Step(Identity2, b, s, Identity2, double.NaN), "alpha", "alpha must be finite");
        // A = H = I, b = e₁, s = 0, α = ½: b' = Ab − s = e₁, A' = A − α·H b' bᵀ H H = I − ½e₁e₁ᵀ = diag(½, 1).
        var (a1, b1) = QuadraticLearningDynamics.Step(Identity2, b, s, Identity2, 0.5);
        Assert.Equal(new[] { 1.0, 0 }, b1.ToArray());
        Assert.Equal(new[,] { { 0.5, 0 }, { 0, 1 } }, a1.ToArray());
    }

    /// <summary>Hypergradient's first matrix is named g: a non-finite G is rejected under that name (it was reported as "a").</summary>
    [Fact]
    public void QuadraticLearningDynamicsHypergradient_RejectsANonFiniteGUnderItsOwnName()
    {
        ArgumentAssert.Rejects(() => QuadraticLearningDynamics.Hypergradient(M(new[,] { { 1, 0 }, { 0, double.NaN } }), Identity2, V(1, 0), V(0, 0)), "g", "g must be finite");
        ArgumentAssert.Rejects(() => QuadraticLearningDynamics.Hypergradient(Matrix<double>.Build.Dense(2, 3), Identity2, V(1, 0), V(0, 0)), "g", "must be n×n with n = 2");
    }

    [Fact]
    public void QuadraticLearningDynamicsStep_RejectsAResultBeyondTheRange()
    {
        // b' = A b = 2·MaxValue·e₁ overflows: the message says which result and the range.
        var a = M(new double[,] { { 2, 0 }, { 0, 1 } });
        ArgumentAssert.Rejects(() => QuadraticLearningDynamics.Step(a, V(double.MaxValue, 0), V(0, 0), Identity2, 0), "a", "b_{t+1} exceeds the double range");
    }

    [Fact]
    public void LearningDynamicsFormulas_DenseGAndAlgorithm1_RejectWrongShapes()
    {
        ArgumentAssert.Rejects(() => LearningDynamicsFormulas.DenseG(2, new Float64[3]), "theta", "theta must have n² = 4 entries (n ≥ 1), got 3");
        ArgumentAssert.Rejects(() => LearningDynamicsFormulas.DenseG(0, new Float64[0]), "theta", "(n ≥ 1)");
        // n = 1, the smallest accepted: G = [θ₀].
        Assert.Equal(7.0, LearningDynamicsFormulas.DenseG(1, [new Float64(7)])[0, 0].Value);
        var h = RealMatrix<Float64>.Identity(2);
        ArgumentAssert.Rejects(() => LearningDynamicsFormulas.Algorithm1(h, RealMatrix<Float64>.Identity(3), RealVector.Constant<Float64>([1.0, 0]), [], new Float64(0.1)),
            "g0", "H, G₀ must be 2×2 and x₀, s_t of length 2");
    }

    /// <summary>Subtract is internal: Algorithm1 checks the lengths first, so its guard is reached only directly.</summary>
    [Fact]
    public void LearningDynamicsFormulasSubtract_RejectsVectorsOfDifferentLengths()
    {
        ArgumentAssert.Rejects(() => LearningDynamicsFormulas.Subtract<Float64>([new Float64(1)], [new Float64(1), new Float64(2)]), "v", "lengths differ: 1 and 2");
        Assert.Equal(-1.0, LearningDynamicsFormulas.Subtract<Float64>([new Float64(1)], [new Float64(2)])[0].Value);
    }

    [Fact]
    public void HessianFlowFormulasOfUAndD_RejectMismatchedShapes_NamingTheArgument()
    {
        static RealMatrix<Float64> Diag(params double[] v) => RealMatrix<Float64>.Create(v.Length, v.Length, (i, j) => new Float64(i == j ? v[i] : 0));
        var u = RealMatrix<Float64>.Identity(2);
        var a = Diag(0.5, 0.25);
        var c = RealMatrix<Float64>.Identity(2);
        Float64[] d = [new(0.5), new(0.5)];
        Float64[] shortD = [new(0.5)];
        // Before the checks a short D indexed past its end (IndexOutOfRangeException) and a wrong-sized matrix failed in a
        // product naming RealMatrix's operand "b", none of these methods' parameters.
        ArgumentAssert.Rejects(() => HessianFlowFormulas.RescaledError(a, u, shortD), "d", "D must have one entry per column of U (2), got 1");
        ArgumentAssert.Rejects(() => HessianFlowFormulas.RescaledError(Diag(1, 1, 1), u, d), "a", "a must be 2×2");
        ArgumentAssert.Rejects(() => HessianFlowFormulas.RescaledError(a, RealMatrix<Float64>.Create(2, 3, (_, _) => new Float64(0)), d), "u", "u must be 2×2");
        ArgumentAssert.Rejects(() => HessianFlowFormulas.RateByDefinition(a, u, shortD, c), "d", "got 1");
        ArgumentAssert.Rejects(() => HessianFlowFormulas.RateByDefinition(a, u, d, RealMatrix<Float64>.Identity(3)), "c", "c must be 2×2");
        ArgumentAssert.Rejects(() => HessianFlowFormulas.RateEq12(a, u, shortD, c), "d", "got 1");
        ArgumentAssert.Rejects(() => HessianFlowFormulas.RateEq13(Diag(1, 1, 1), u, d, c), "a", "a must be 2×2");
        ArgumentAssert.Rejects(() => HessianFlowFormulas.Velocity(a, RealMatrix<Float64>.Identity(3), c), "h", "h must be 2×2");
        // Accepted at matching shapes: U = I, B = A = diag(½, ¼), D = (½, ½): ‖BD⁻¹‖²_F = 1² + (½)² = 5/4 exactly.
        Assert.Equal(1.25, HessianFlowFormulas.RescaledError(a, u, d).Value);
    }

    [Fact]
    public void HessianFlowFormulasStein_RejectsMismatchedShapes_AndNoiseSumASingularSystem()
    {
        ArgumentAssert.Rejects(() => HessianFlowFormulas.Stein(RealMatrix<Float64>.Identity(2), RealMatrix<Float64>.Identity(3)), "c", "A and C must be n×n of one n, got 2×2 and 3×3");
        // A = I: every product of two eigenvalues is 1, so Σ = AΣAᵀ + C has no solution.
        var e = Assert.Throws<InvalidOperationException>(() => HessianFlowFormulas.NoiseSum(RealMatrix<Float64>.Identity(2), RealMatrix<Float64>.Identity(2)));
        Assert.Contains("ρ(A) ≥ 1", e.Message, StringComparison.Ordinal);
        // A = ½I: Σ = Σ_k 4^-k C = (4/3)C.
        var half = RealMatrix<Float64>.Create(1, 1, (_, _) => new Float64(0.5));
        Assert.Equal(4.0 / 3, HessianFlowFormulas.NoiseSum(half, RealMatrix<Float64>.Identity(1))[0, 0].Value, 1e-15); // one solve: a few ulps
    }

    [Fact]
    public void HessianLearningFlowPartialNoiseSum_RejectsNonFiniteInputNegativeTermsAndOverflow()
    {
        ArgumentAssert.Rejects(() => HessianLearningFlow.PartialNoiseSum(M(new[,] { { double.NaN } }), M(new double[,] { { 1 } }), 1), "a", "A and C must be finite");
        ArgumentAssert.Rejects(() => HessianLearningFlow.PartialNoiseSum(Identity2, Matrix<double>.Build.DenseIdentity(3), 1), "c", "A and C must be n×n of the same n, got 2×2 and 3×3");
        ArgumentAssert.Rejects(() => HessianLearningFlow.PartialNoiseSum(Identity2, Identity2, -1), "terms", "terms must be ≥ 0, got -1");
        // terms = 0 is accepted: the empty sum.
        Assert.Equal(0.0, HessianLearningFlow.PartialNoiseSum(Identity2, Identity2, 0).Enumerate().Max(Math.Abs));
        // A = I, C = MaxValue·I: the second term doubles the diagonal beyond the range.
        var big = Matrix<double>.Build.DenseIdentity(1) * double.MaxValue;
        ArgumentAssert.Rejects(() => HessianLearningFlow.PartialNoiseSum(Matrix<double>.Build.DenseIdentity(1), big, 2), "a", "exceeds double.MaxValue after 2 terms");
        Assert.Equal(double.MaxValue, HessianLearningFlow.PartialNoiseSum(Matrix<double>.Build.DenseIdentity(1), big, 1)[0, 0]);
    }

    [Fact]
    public void HessianLearningFlowSpectralRadius_RejectsABadMatrixOrARadiusBeyondTheRange()
    {
        ArgumentAssert.Rejects(() => HessianLearningFlow.SpectralRadius(Matrix<double>.Build.Dense(2, 3)), "a", "a must be a non-empty, square, finite matrix");
        ArgumentAssert.Rejects(() => HessianLearningFlow.SpectralRadius(M(new[,] { { double.PositiveInfinity } })), "a", "a must be a non-empty, square, finite matrix");
        double m = double.MaxValue;
        // [[M, M], [M, M]] has eigenvalues 0 and 2M.
        ArgumentAssert.Rejects(() => HessianLearningFlow.SpectralRadius(M(new[,] { { m, m }, { m, m } })), "a", "ρ(A) exceeds double.MaxValue");
        Assert.Equal(m, HessianLearningFlow.SpectralRadius(M(new[,] { { m, 0 }, { 0, 0 } })));
    }

    [Fact]
    public void NoisyQuadraticBowl_RejectsItsConstructorArgumentsOutsideTheirRanges()
    {
        ArgumentAssert.Rejects(() => new NoisyQuadraticBowl(1, 1, 0), "dimension", "dimension must be ≥ 2, got 1");
        ArgumentAssert.Rejects(() => new NoisyQuadraticBowl(2, 0, 0), "noiseVariance", "noiseVariance must be > 0");
        ArgumentAssert.Rejects(() => new NoisyQuadraticBowl(2, 1, 0, smallest: 0), "smallest", "smallest must be > 0");
        ArgumentAssert.Rejects(() => new NoisyQuadraticBowl(2, 1, 0, smallest: 1, largest: double.NaN), "largest", "largest must be finite");
        ArgumentAssert.Rejects(() => new NoisyQuadraticBowl(2, 1, 0, smallest: 1, largest: 0.5), "largest", "largest must be ≥ smallest (1), got 0.5");
        // largest = smallest is accepted: H = UdIUᵀ = dI, so the loss at b = e₁ is d/2.
        var flat = new NoisyQuadraticBowl(2, 1, 0, smallest: 2, largest: 2);
        Assert.Equal(1.0, flat.Loss(V(1, 0)), 1e-14); // UUᵀ = I only up to the computed rotation's orthogonality, a few tens of ulps at most
    }

    [Fact]
    public void NoisyQuadraticBowlLoss_RejectsABadDisplacementOrALossBeyondTheRange()
    {
        var bowl = new NoisyQuadraticBowl(2, 1, 0, smallest: 1, largest: 1);
        ArgumentAssert.Rejects(() => bowl.Loss(V(double.NaN, 0)), "displacement", "displacement[0] must be finite");
        ArgumentAssert.Rejects(() => bowl.Loss(V(1, 0, 0)), "displacement", "displacement has length 3, expected 2");
        // H ≈ I: ½|b|² with |b|² = 2·MaxValue² is far beyond the range.
        ArgumentAssert.Rejects(() => bowl.Loss(V(double.MaxValue, double.MaxValue)), "displacement", "the loss ½bᵀHb exceeds double.MaxValue");
    }

    [Fact]
    public void NoisyQuadraticBowlHalfTraceEnclosure_RejectsBadArguments()
    {
        ArgumentAssert.Rejects(() => NoisyQuadraticBowl.HalfTraceEnclosure(1, 1, 2), "dimension", "dimension must be ≥ 2, got 1");
        ArgumentAssert.Rejects(() => NoisyQuadraticBowl.HalfTraceEnclosure(2, -1, 2), "smallest", "smallest must be > 0");
        ArgumentAssert.Rejects(() => NoisyQuadraticBowl.HalfTraceEnclosure(2, 1, 0), "largest", "largest must be > 0");
        ArgumentAssert.Rejects(() => NoisyQuadraticBowl.HalfTraceEnclosure(2, 1, 2, 7), "bits", "bits must be in 8..4096, got 7");
        ArgumentAssert.Rejects(() => NoisyQuadraticBowl.HalfTraceEnclosure(2, 1, 2, 4097), "bits", "bits must be in 8..4096, got 4097");
        ArgumentAssert.Rejects(() => NoisyQuadraticBowl.HalfTraceEnclosure(2, 2, 1), "largest", "largest must be ≥ smallest, got 1 < 2");
        // bits = 8, n = 2, d₁ = 1, d_n = 2: ½(1 + 2) = 3/2 is enclosed.
        var e = NoisyQuadraticBowl.HalfTraceEnclosure(2, 1, 2, 8);
        Assert.True(e.Lower <= new Fractions.Fraction(3, 2) && new Fractions.Fraction(3, 2) <= e.Upper, $"[{e.Lower}, {e.Upper}]");
    }

    [Fact]
    public void BlockPermutationPreconditioner_RejectsItsShapeArguments()
    {
        ArgumentAssert.Rejects(() => new BlockPermutationPreconditioner(0, 2, 1, [[0, 1]], 1), "dimension", "dimension must be ≥ 1, got 0");
        ArgumentAssert.Rejects(() => new BlockPermutationPreconditioner(2, 2, 0, [[0, 1]], 1), "blockSize", "blockSize must be ≥ 1, got 0");
        ArgumentAssert.Rejects(() => new BlockPermutationPreconditioner(3, 2, 1, [[0, 1]], 1), "width", "width must be ≥ dimension (3) and a multiple of blockSize (1), got 2");
        ArgumentAssert.Rejects(() => new BlockPermutationPreconditioner(2, 3, 2, [[0, 1, 2]], 1), "width", "a multiple of blockSize (2), got 3");
        ArgumentAssert.Rejects(() => new BlockPermutationPreconditioner(2, 2, 1, [], 1), "permutations", "permutations must hold at least one layer (N ≥ 1)");
        ArgumentAssert.Rejects(() => new BlockPermutationPreconditioner(2, 2, 1, [[1, 0]], double.NaN), "alpha0", "alpha0 must be finite");
        // The smallest accepted shape: n = ñ = k = N = 1.
        var g = new BlockPermutationPreconditioner(1, 1, 1, [[0]], 1);
        Assert.Equal(1, g.ParameterCount);
        ArgumentAssert.Rejects(() => g.Permutation(0), "layer", "layer must be in 1..1, got 0");
        ArgumentAssert.Rejects(() => g.Permutation(2), "layer", "layer must be in 1..1, got 2");
        Assert.Equal([0], g.Permutation(1));
    }

    [Fact]
    public void BlockPermutationPreconditionerRandomAndPaperWidth_RejectNonPositiveSizes()
    {
        ArgumentAssert.Rejects(() => BlockPermutationPreconditioner.Random(0, 1, 1, 1, 0), "dimension", "dimension must be ≥ 1, got 0");
        ArgumentAssert.Rejects(() => BlockPermutationPreconditioner.Random(1, 0, 1, 1, 0), "blockSize", "blockSize must be ≥ 1, got 0");
        ArgumentAssert.Rejects(() => BlockPermutationPreconditioner.Random(1, 1, 0, 1, 0), "depth", "depth must be ≥ 1, got 0");
        Assert.Equal(1, BlockPermutationPreconditioner.Random(1, 1, 1, 1, 0).Depth);
        ArgumentAssert.Rejects(() => BlockPermutationPreconditioner.PaperWidth(0, 1), "dimension", "dimension and blockSize must be ≥ 1, got 0 and 1");
        ArgumentAssert.Rejects(() => BlockPermutationPreconditioner.PaperWidth(1, 0), "dimension", "dimension and blockSize must be ≥ 1, got 1 and 0");
        // ñ = max(2n/k·k, ⌈n/k⌉k): n = k = 1 gives 2.
        Assert.Equal(2, BlockPermutationPreconditioner.PaperWidth(1, 1));
    }

    [Fact]
    public void BlockPermutationPreconditioner_RejectsABadThetaOrVector()
    {
        var g = BlockPermutationPreconditioner.Random(2, 1, 1, 1, 0);
        var theta = V(new double[g.ParameterCount]);
        ArgumentAssert.Rejects(() => g.Apply(V(new double[g.ParameterCount - 1]), V(1, 0)), "theta", $"theta has length {g.ParameterCount - 1}, expected {g.ParameterCount}");
        ArgumentAssert.Rejects(() => g.Dense(V([double.NaN, .. new double[g.ParameterCount - 1]])), "theta", "theta[0] must be finite");
        ArgumentAssert.Rejects(() => g.Apply(theta, V(1)), "v", "v has length 1, expected 2");
        ArgumentAssert.Rejects(() => g.Factor(theta, V(1, double.NaN)), "v", "v[1] must be finite");
        ArgumentAssert.Rejects(() => g.BilinearGradient(theta, V(1), V(1, 0)), "a", "a has length 1, expected 2");
        ArgumentAssert.Rejects(() => g.BilinearGradient(theta, V(1, 0), V(double.NaN, 0)), "u", "u[0] must be finite");
    }

    [Fact]
    public void DensePreconditioner_RejectsBadSizesAndVectors()
    {
        ArgumentAssert.Rejects(() => new DensePreconditioner(0, 1), "dimension", "dimension must be ≥ 1, got 0");
        ArgumentAssert.Rejects(() => new DensePreconditioner(1, double.PositiveInfinity), "alpha0", "alpha0 must be finite");
        ArgumentAssert.Rejects(() => DensePreconditioner.Vectorize(Matrix<double>.Build.Dense(1, 2)), "g", "g must be square, got 1×2");
        var p = new DensePreconditioner(2, 1);
        var theta = V(1, 0, 0, 1);
        ArgumentAssert.Rejects(() => p.Apply(theta, V(double.NaN, 0)), "v", "v[0] must be finite");
        ArgumentAssert.Rejects(() => p.Apply(theta, V(1)), "v", "v has length 1, expected 2");
        ArgumentAssert.Rejects(() => p.Dense(V(1, 0, 0)), "theta", "theta has length 3, expected 4");
        ArgumentAssert.Rejects(() => p.BilinearGradient(V(1, 0, 0, double.NaN), V(1, 0), V(1, 0)), "theta", "theta[3] must be finite");
        ArgumentAssert.Rejects(() => p.BilinearGradient(V(1, 0, 0), V(1, 0), V(1, 0)), "theta", "theta has length 3, expected 4");
        ArgumentAssert.Rejects(() => p.BilinearGradient(theta, V(double.NaN, 0), V(1, 0)), "a", "a[0] must be finite");
        ArgumentAssert.Rejects(() => p.BilinearGradient(theta, V(1), V(1, 0)), "a", "a has length 1, expected 2");
        ArgumentAssert.Rejects(() => p.BilinearGradient(theta, V(1, 0), V(0, double.NaN)), "u", "u[1] must be finite");
        ArgumentAssert.Rejects(() => p.BilinearGradient(theta, V(1, 0), V(1, 0, 0)), "u", "u has length 3, expected 2");
        // θ = vec(I): G v = v; the gradient of aᵀGu in θ is vec(a uᵀ).
        Assert.Equal(new[] { 3.0, 4 }, p.Apply(theta, V(3, 4)).ToArray());
        Assert.Equal(new[] { 0.0, 2, 0, 0 }, p.BilinearGradient(theta, V(1, 0), V(0, 2)).ToArray());
    }

    [Fact]
    public void RealMatrixAlgebraCayley_RejectsASkewMatrixWithSingularIPlusS()
    {
        // S = −I (not skew): I + S = 0 is singular.
        var minusIdentity = RealMatrix<Float64>.Create(2, 2, (i, j) => new Float64(i == j ? -1 : 0));
        ArgumentAssert.Rejects(() => RealMatrixAlgebra.Cayley(minusIdentity), "skew", "I + S is singular: S is not skew-symmetric");
        ArgumentAssert.Rejects(() => RealMatrixAlgebra.Cayley(RealMatrix<Float64>.Create(1, 2, (_, _) => new Float64(0))), "skew", "skew must be square, got 1×2");
        // S = 0: (I + 0)⁻¹(I − 0) = I.
        var q = RealMatrixAlgebra.Cayley(RealMatrix<Float64>.Create(2, 2, (_, _) => new Float64(0)));
        Assert.Equal(1.0, q[0, 0].Value);
        Assert.Equal(0.0, q[0, 1].Value);
    }

    /// <summary>
    /// IsSchurStable(null) is an ArgumentNullException naming a, raised before a.Rows is read for the identity it passes on
    /// (without the guard that read is a NullReferenceException naming nothing).
    /// </summary>
    [Fact]
    public void IsSchurStable_RejectsANullMatrixByName()
    {
        var e = Assert.Throws<ArgumentNullException>(() => HessianFlowFormulas.IsSchurStable<Float64>(null!));
        Assert.Equal("a", e.ParamName);
    }
}
