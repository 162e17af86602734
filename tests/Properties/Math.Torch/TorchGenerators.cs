using Verification.Engine.Generators;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Verification.Claims.Catalog.Elmo.Inputs;

namespace Verification.Tests.Properties.Numerics.Torch;

/// <summary>One evaluation point of the cubic models of eqs. (3)/(4): g = ∇fᵀv (any sign), λ, L ≥ 0, x.</summary>
public sealed record CubicInput(double G, double Lambda, double Lipschitz, double X)
{
    /// <summary>T = |g·x| + |λ|/2·x² + L/6·|x|³, the error scale of the Horner evaluation.</summary>
    public double TermScale =>
        Math.Abs(G * X) + Math.Abs(Lambda) / 2 * X * X + Lipschitz / 6 * Math.Abs(X * X * X);

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

    /// <summary>
    /// The same problem with every entry rounded to <paramref name="dtype"/> (float32 rounding keeps H exactly symmetric),
    /// so that the reference sees exactly the tensor's inputs.
    /// </summary>
    public SpectralProblem RoundedTo(TorchSharp.torch.ScalarType dtype) => dtype == TorchSharp.torch.ScalarType.Float64
        ? this
        : new SpectralProblem(Hessian.Map(x => (double)(float)x), Gradient.Map(x => (double)(float)x), Lipschitz.Map(x => (double)(float)x));

    /// <summary>H, ∇f and L as tensors of <paramref name="type"/> on <paramref name="device"/> (the CPU when null).</summary>
    public (TorchSharp.torch.Tensor Hessian, TorchSharp.torch.Tensor Gradient, TorchSharp.torch.Tensor Lipschitz) ToTensors(
        TorchSharp.torch.ScalarType type, TorchSharp.torch.Device? device = null) =>
        (TensorConvert.Matrix(Hessian, type, device), TensorConvert.Vector(Gradient, type, device), TensorConvert.Vector(Lipschitz, type, device));

    /// <inheritdoc/>
    public override string ToString()
    {
        static string Row(IEnumerable<double> xs) => "[" + string.Join(", ", xs.Select(x => x.ToString("R", CultureInfo.InvariantCulture))) + "]";
        var rows = Enumerable.Range(0, Dimension).Select(i => Row(Hessian.Row(i)));
        return $"(H=[{string.Join(", ", rows)}], grad={Row(Gradient)}, L={Row(Lipschitz)})";
    }
}

/// <summary>Generators for the tensor agreement cases and properties, over the domain types above and the Claims generators.</summary>
internal static class TorchGenerators
{
    /// <summary>The size FsCheck generates at; the edge-biased generators here do not depend on it.</summary>
    private const int SampleSize = 100;

    /// <summary>
    /// ±1 … ±12. Zero is left out on purpose: φ_i and x*_i have relative sensitivity |dλ|/S_i to their eigenvalue, and
    /// with λ_i = 0 and small L_i|g_i| that turns the ~nε‖H‖ eigenvalue differences between two solvers into large
    /// relative differences (a property of the problem, not of either implementation). With |λ_i| ≥ ‖H‖/12 and S_i ≥ |λ_i|
    /// it stays ≤ 12nε. λ = 0 is covered exactly by the diagonal examples.
    /// </summary>
    private static readonly int[] NonZeroEigenvalues = Enumerable.Range(-12, 25).Where(k => k != 0).ToArray();

    /// <summary><paramref name="count"/> values of <paramref name="generator"/> from the fixed seed <paramref name="seed"/> (replayable).</summary>
    public static T[] Sample<T>(Gen<T> generator, int count, ulong seed) =>
        Gen.Sample(generator, count, new Rnd(seed), SampleSize);

    /// <summary>float32-representable eigenspaces, magnitudes in {0} ∪ [1e-6, 1e6] (L &gt; 0): every input and x* a normal float32.</summary>
    public static Gen<EigenspaceInput> SingleEigenspace { get; } =
        from l in EdgeDoubles.Signed(1e-6, 1e6)
        from a in EdgeDoubles.NonNegative(1e-6, 1e6)
        from lip in EdgeDoubles.Positive(1e-6, 1e6)
        select new EigenspaceInput((float)l, (float)a, (float)lip);

    /// <summary>
    /// The boundary structure of <see cref="EigenspaceInput.EdgeCases"/> with 1e±15 in place of 1e±150, so that every input
    /// and every x* (between 1e-30 and 5e30) is a normal float32.
    /// </summary>
    public static IEnumerable<EigenspaceInput> SingleEdgeCases()
    {
        double[] lambdas = [0, 1, -1, 1e-15, -1e-15, 1e15, -1e15, 3];
        double[] grads = [0, 1, 1e-15, 1e15];
        double[] lips = [1, 1e-15, 1e15];
        foreach (var l in lambdas)
            foreach (var a in grads)
                foreach (var lip in lips)
                    yield return new EigenspaceInput((float)l, (float)a, (float)lip);
    }

    /// <summary>
    /// Eigenspaces (λ, |g|, L) over the whole finite range of <paramref name="dtype"/>: float64 from
    /// <see cref="FullRangeDoubles"/> (subnormals to ±double.MaxValue, signed zeros), float32 from
    /// <see cref="SingleFullRange"/>; |g| ≥ 0 (and +0.0), L &gt; 0.
    /// </summary>
    public static Gen<EigenspaceInput> FullRangeEigenspace(TorchSharp.torch.ScalarType dtype) => dtype == TorchSharp.torch.ScalarType.Float64
        ? from l in FullRangeDoubles.Signed
          from a in FullRangeDoubles.NonNegative
          from lip in FullRangeDoubles.Positive
          select new EigenspaceInput(l, a, lip)
        : from l in SingleFullRange.SelectMany(x => Gen.Elements(x, -x))
          from a in Gen.Frequency((11, SingleFullRange), (1, Gen.Constant(0.0)))
          from lip in SingleFullRange
          select new EigenspaceInput(l, a, lip);

    /// <summary>
    /// A positive finite float32 value (as a double) from any part of float32's range: every biased exponent 1…254 equally
    /// likely with random mantissa bits, subnormals (1 in 6), exact powers of two 2^-149 … 2^127, and the range's ends.
    /// </summary>
    public static Gen<double> SingleFullRange { get; } = Gen.Frequency(
        (8, from e in Gen.Choose(1, 254)
            from m in Gen.Choose(0, (1 << 23) - 1)
            select (double)BitConverter.Int32BitsToSingle((e << 23) | m)),
        (2, Gen.Choose(1, (1 << 23) - 1).Select(m => (double)BitConverter.Int32BitsToSingle(m))),
        (1, Gen.Choose(-149, 127).Select(k => Math.ScaleB(1.0, k))),
        (1, Gen.Elements((double)float.Epsilon, 1.1754943508222875e-38, 1.0, (double)float.MaxValue, (double)BitConverter.Int32BitsToSingle(0x7F7FFFFE))));

    /// <summary>Cubic-model points with g, λ, x of both signs (and zeros) and L ≥ 0, magnitudes in [1e-30, 1e30].</summary>
    public static Gen<CubicInput> Cubic64 { get; } = Cubic(1e-30, 1e30, x => x);

    /// <summary>float32-representable cubic-model points, magnitudes in [1e-3, 1e3] (T stays far from float32 overflow).</summary>
    public static Gen<CubicInput> Cubic32 { get; } = Cubic(1e-3, 1e3, x => (float)x);

    /// <summary>See <see cref="SpectralProblem"/>; n ∈ [1, 6].</summary>
    public static Gen<SpectralProblem> SpectralProblems { get; } =
        from n in Gen.Choose(1, 6)
        from problem in Spectral(n)
        select problem;

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
