using Verification.Engine.Generators;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Verification.Claims.Catalog.Elmo.Inputs;

namespace Verification.Tests.Properties.Torch;

/// <summary>One evaluation point of the cubic models of eqs. (3)/(4): g = ∇fᵀv (any sign), λ, L ≥ 0, x.</summary>
public sealed record CubicInput(double G, double Lambda, double Lipschitz, double X)
{
    /// <summary>T = |g·x| + |λ|/2·x² + L/6·|x|³, the error scale of the Horner evaluation.</summary>
    public double TermScale =>
        System.Math.Abs(G * X) + System.Math.Abs(Lambda) / 2 * X * X + Lipschitz / 6 * System.Math.Abs(X * X * X);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"(g={G:R}, lambda={Lambda:R}, lipschitz={Lipschitz:R}, x={X:R})");
}

/// <summary>
/// A Hessian H = Q·diag(λ)·Qᵀ with well-separated, non-zero eigenvalues (distinct integers in ±[1, 12] times a scale, so
/// gaps are ≥ ‖H‖/12 and |λ_i| ≥ ‖H‖/12), a gradient whose eigen-coordinates have magnitudes in [0.1, 10] times a scale
/// (so no projection g_i is near 0, ‖∇f‖/|g_i| ≤ 100√n, and the orientation of eq. (1) is unambiguous), and L_i &gt; 0.
/// </summary>
public sealed record SpectralProblem(Matrix<double> Hessian, Vector<double> Gradient, Vector<double> Lipschitz)
{
    /// <summary>n.</summary>
    public int Dimension => Gradient.Count;

    /// <inheritdoc/>
    public override string ToString()
    {
        static string Row(IEnumerable<double> xs) => "[" + string.Join(", ", xs.Select(x => x.ToString("R", CultureInfo.InvariantCulture))) + "]";
        var rows = Enumerable.Range(0, Dimension).Select(i => Row(Hessian.Row(i)));
        return $"(H=[{string.Join(", ", rows)}], grad={Row(Gradient)}, L={Row(Lipschitz)})";
    }
}

/// <summary>Generators for the tensor agreement properties, over the domain types above and the Claims generators.</summary>
internal static class TorchGenerators
{
    /// <summary>Inputs per property case: each case is one batched tensor call.</summary>
    public const int BatchSize = 64;

    /// <summary>
    /// ±1 … ±12. Zero is left out on purpose: φ_i and x*_i have relative sensitivity |dλ|/S_i to their eigenvalue, and
    /// with λ_i = 0 and small L_i|g_i| that turns the ~nε‖H‖ eigenvalue differences between two solvers into large
    /// relative differences (a property of the problem, not of either implementation). With |λ_i| ≥ ‖H‖/12 and S_i ≥ |λ_i|
    /// it stays ≤ 12nε. λ = 0 is covered exactly by the diagonal examples.
    /// </summary>
    private static readonly int[] NonZeroEigenvalues = Enumerable.Range(-12, 25).Where(k => k != 0).ToArray();

    /// <summary>Batches over the reference's documented step domain (|g|, L up to 1e±150, λ of both signs, zeros).</summary>
    public static Arbitrary<EigenspaceInput[]> EigenspaceBatches { get; } =
        Gen.ArrayOf(EigenspaceInput.Generator, BatchSize).ToArbitrary();

    /// <summary>Batches of float32-representable eigenspaces, magnitudes in {0} ∪ [1e-6, 1e6] (L &gt; 0).</summary>
    public static Arbitrary<EigenspaceInput[]> SingleEigenspaceBatches { get; } =
        Gen.ArrayOf(
            from l in EdgeDoubles.Signed(1e-6, 1e6)
            from a in EdgeDoubles.NonNegative(1e-6, 1e6)
            from lip in EdgeDoubles.Positive(1e-6, 1e6)
            select new EigenspaceInput((float)l, (float)a, (float)lip),
            BatchSize).ToArbitrary();

    /// <summary>Cubic-model points with g, λ, x of both signs (and zeros) and L ≥ 0, magnitudes in [1e-30, 1e30].</summary>
    public static Arbitrary<CubicInput[]> CubicBatches { get; } =
        Gen.ArrayOf(Cubic(1e-30, 1e30, x => x), BatchSize).ToArbitrary();

    /// <summary>float32-representable cubic-model points, magnitudes in [1e-3, 1e3] (T stays far from float32 overflow).</summary>
    public static Arbitrary<CubicInput[]> SingleCubicBatches { get; } =
        Gen.ArrayOf(Cubic(1e-3, 1e3, x => (float)x), BatchSize).ToArbitrary();

    /// <summary>See <see cref="SpectralProblem"/>; n ∈ [1, 6].</summary>
    public static Arbitrary<SpectralProblem> SpectralProblems { get; } =
        (from n in Gen.Choose(1, 6)
         from problem in Spectral(n)
         select problem).ToArbitrary();

    private static Gen<CubicInput> Cubic(double min, double max, Func<double, double> round) =>
        from g in EdgeDoubles.Signed(min, max)
        from l in EdgeDoubles.Signed(min, max)
        from lip in EdgeDoubles.NonNegative(min, max)
        from x in EdgeDoubles.Signed(min, max)
        select new CubicInput(round(g), round(l), round(lip), round(x));

    private static Gen<SpectralProblem> Spectral(int n) =>
        from entries in Gen.ArrayOf(EdgeDoubles.Unit.Select(u => 2 * u - 1), n * n)
        from eigenvalues in Gen.Shuffle(NonZeroEigenvalues).Select(a => a.Take(n).ToArray())
        from valueScale in EdgeDoubles.LogUniform(1e-3, 1e3)
        from coordinates in Gen.ArrayOf(
            from magnitude in EdgeDoubles.LogUniform(0.1, 10)
            from sign in Gen.Elements(-1.0, 1.0)
            select sign * magnitude, n)
        from gradientScale in EdgeDoubles.LogUniform(1e-3, 1e3)
        from lipschitz in Gen.ArrayOf(EdgeDoubles.Positive(1e-3, 1e3), n)
        select Build(n, entries, eigenvalues, valueScale, coordinates, gradientScale, lipschitz);

    private static SpectralProblem Build(
        int n, double[] entries, int[] eigenvalues, double valueScale, double[] coordinates, double gradientScale, double[] lipschitz)
    {
        // Q from the QR factorization of a random matrix is orthogonal even when that matrix is singular.
        var q = Matrix<double>.Build.Dense(n, n, entries).QR().Q;
        var lambda = Matrix<double>.Build.DiagonalOfDiagonalArray(eigenvalues.Select(e => e * valueScale).ToArray());
        var h = q * lambda * q.Transpose();
        h = (h + h.Transpose()) / 2;
        var gradient = q * Vector<double>.Build.DenseOfArray(coordinates.Select(c => c * gradientScale).ToArray());
        return new SpectralProblem(h, gradient, Vector<double>.Build.DenseOfArray(lipschitz));
    }
}
