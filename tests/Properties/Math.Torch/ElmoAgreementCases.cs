using MathNet.Numerics.LinearAlgebra;
using TorchSharp;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Numerics;
using Verification.Numerics.Torch;
using static TorchSharp.torch;
using Verification.Numerics.Elmo;

namespace Verification.Tests.Properties.Numerics.Torch;

/// <summary>
/// Agreement cases of the ELMO tensor code at the root of src/Numerics.Torch (elmo-amos eqs. 3, 4, 7, Lemma 3.2, Alg. 1) and of
/// the autograd derivatives it is built on.
/// </summary>
internal static class ElmoAgreementCases
{
    /// <summary>The exponent 3 of x³, held for the process (a temporary Scalar can be freed mid-call; see TorchScalars).</summary>
    private static readonly Scalar CubeExponent = 3.ToScalar();

    /// <summary>Batch size of the elementwise cases: one tensor call each.</summary>
    private const int Batch = 4096;

    /// <summary>Spectral problems per spectral case.</summary>
    private const int Problems = 48;

    public static IEnumerable<AgreementCase> All =>
    [
        StepOnGenerator, StepOnEdges, StepOverFullRange, Factors, FactorsOverFullRange, CubicUpper, CubicLower,
        SymmetricEigen, Preconditioner, StepVector, DiagonalHessian, AutogradClosedForm,
    ];

    /// <summary>
    /// x* of eq. (7) over the reference's documented domain (<see cref="EigenspaceInput.Generator"/>: λ of both signs,
    /// |g| and L from 1e-150 to 1e150, points on L|g| = λ²) in float64, and over float32-representable inputs with
    /// magnitudes in [1e-6, 1e6] in float32; tolerance <see cref="Tolerances.Torch.Step"/> of max(|a|, |b|).
    /// </summary>
    private static AgreementCase StepOnGenerator { get; } = new("elmo/step/generator", [TensorApi.Member(typeof(TorchElmo), nameof(TorchElmo.Step))],
        (device, dtype) => [StepAgreement(
            dtype == ScalarType.Float64
                ? TorchGenerators.Sample(EigenspaceInput.Generator, Batch, 20261201)
                : TorchGenerators.Sample(TorchGenerators.SingleEigenspace, Batch, 20261202), device, dtype)]);

    /// <summary>
    /// x* on the boundary set every ELMO claim is tried on (<see cref="EigenspaceInput.EdgeCases"/>; in float32 the same
    /// structure at 1e±15, <see cref="TorchGenerators.SingleEdgeCases"/>) and on closed forms: λ = |g| = 0 (also λ = −0.0)
    /// gives 0, not the 0/0 of the rationalised denominator; λ &lt; 0 with |g| = 0 gives 2|λ|/L; λ = 1e8, |g| = 1e-10, where
    /// the naive (S − λ)/L cancels completely. Tolerance <see cref="Tolerances.Torch.Step"/>.
    /// </summary>
    private static AgreementCase StepOnEdges { get; } = new("elmo/step/edges", [TensorApi.Member(typeof(TorchElmo), nameof(TorchElmo.Step))],
        (device, dtype) => [StepAgreement(
            [.. dtype == ScalarType.Float64 ? EigenspaceInput.EdgeCases() : TorchGenerators.SingleEdgeCases(),
             new EigenspaceInput(0, 0, 1), new EigenspaceInput(-0.0, 0, 1), new EigenspaceInput(-3, 0, 2), new EigenspaceInput(1e8, 1e-10, 1)],
            device, dtype)]);

    /// <summary>
    /// φ_i of Lemma 3.2 elementwise (<see cref="TorchElmoPreconditioner.Factors"/>) against <see cref="ElmoPreconditioner.Factor"/>,
    /// on the step's domain (as <see cref="StepOnGenerator"/>) plus the edge set, where φ is the pseudo-inverse 0 for λ ≤ 0,
    /// |g| = 0, and 1/λ for λ &gt; 0, |g| = 0. Where φ = x*/|g| exceeds the dtype's range (float32: λ = −1e15,
    /// |g| = L = 1e-15 gives 2e45) the expected value is the overflow ∞ (see <see cref="AgreementTable"/>). Tolerance
    /// <see cref="Tolerances.Torch.Factor"/> of max(|a|, |b|).
    /// </summary>
    private static AgreementCase Factors { get; } = new("elmo/preconditioner-factors",
        [TensorApi.Member(typeof(TorchElmoPreconditioner), nameof(TorchElmoPreconditioner.Factors))],
        (device, dtype) =>
        {
            EigenspaceInput[] batch = dtype == ScalarType.Float64
                ? [.. TorchGenerators.Sample(EigenspaceInput.Generator, Batch, 20261203), .. EigenspaceInput.EdgeCases()]
                : [.. TorchGenerators.Sample(TorchGenerators.SingleEigenspace, Batch, 20261204), .. TorchGenerators.SingleEdgeCases()];
            return [FactorAgreement(batch, device, dtype)];
        });

    /// <summary>
    /// x* of eq. (7) over the whole range of the dtype (issue 15, item 1): λ, |g|, L from subnormals to the largest finite
    /// value and signed zeros (<see cref="TorchGenerators.FullRangeEigenspace"/>), plus <see cref="FullRangeExamples"/>, where
    /// the tensor step used to overflow or underflow in √(2L)·√|g| and S + |λ|. Tolerance <see cref="Tolerances.Torch.Step"/>
    /// of max(|a|, |b|, MinNormal); where the exact x* is beyond the dtype's range both sides give ∞.
    /// </summary>
    private static AgreementCase StepOverFullRange { get; } = new("elmo/step/full-range", [TensorApi.Member(typeof(TorchElmo), nameof(TorchElmo.Step))],
        (device, dtype) => [StepAgreement(
            [.. TorchGenerators.Sample(TorchGenerators.FullRangeEigenspace(dtype), Batch, 20261210), .. FullRangeExamples(dtype)], device, dtype)]);

    /// <summary>
    /// φ of Lemma 3.2 over the whole range of the dtype, as <see cref="StepOverFullRange"/>; where the exact φ exceeds the
    /// dtype's range (1/λ for a subnormal λ &gt; 0 with |g| = 0) both sides give ∞. Tolerance <see cref="Tolerances.Torch.Factor"/>
    /// of max(|a|, |b|, MinNormal).
    /// </summary>
    private static AgreementCase FactorsOverFullRange { get; } = new("elmo/preconditioner-factors/full-range",
        [TensorApi.Member(typeof(TorchElmoPreconditioner), nameof(TorchElmoPreconditioner.Factors))],
        (device, dtype) => [FactorAgreement(
            [.. TorchGenerators.Sample(TorchGenerators.FullRangeEigenspace(dtype), Batch, 20261211), .. FullRangeExamples(dtype)], device, dtype)]);

    /// <summary>
    /// The inputs at which the hypot-based tensor step was wrong in float64 (issue 15's report), with their exact values:
    /// (−1e308, 1e308, 1e308) gives 1 + √3 (was ∞: S + |λ| overflowed), (1, 1e308, 1e308) gives ≈ √2 (was 0: √(2L)
    /// overflowed), (0, 5e-324, 5e-324) gives √2 (was 2: √(2L)·√|g| underflowed) and (0, 1e-308, 1e308) gives √2·1e-308
    /// (was 0; φ = √2, was 0). In float32 the same structure at the ends of float32's range.
    /// </summary>
    private static IEnumerable<EigenspaceInput> FullRangeExamples(ScalarType dtype)
    {
        double max = dtype == ScalarType.Float64 ? double.MaxValue : float.MaxValue;
        double big = dtype == ScalarType.Float64 ? 1e308 : 1e38;
        double tiny = dtype == ScalarType.Float64 ? double.Epsilon : float.Epsilon;
        double small = dtype == ScalarType.Float64 ? 1e-308 : 1e-38;
        return
        [
            new(-big, big, big), new(1, big, big), new(0, tiny, tiny), new(0, small, big), new(-max, max, max), new(max, max, max),
            new(-max, 0, tiny), new(tiny, 0, 1), new(-tiny, tiny, max), new(max, tiny, max), new(-0.0, max, tiny), new(0, 0, tiny),
        ];
    }

    /// <summary>
    /// M(x) of eq. (3) against <see cref="CubicUpperModel.Evaluate"/>: g, λ, x of both signs and zeros, L ≥ 0, magnitudes in
    /// [1e-30, 1e30] (float64) or [1e-3, 1e3] (float32). Tolerance <see cref="Tolerances.Torch.Cubic"/> of the term scale T.
    /// </summary>
    private static AgreementCase CubicUpper { get; } = new("elmo/cubic-upper", [TensorApi.Member(typeof(TorchCubicModels), nameof(TorchCubicModels.Upper))],
        (device, dtype) => [CubicAgreement(upper: true, device, dtype, seed: 20261205)]);

    /// <summary>m(x) of eq. (4) against <see cref="CubicLowerModel.Evaluate"/>; as <see cref="CubicUpper"/>.</summary>
    private static AgreementCase CubicLower { get; } = new("elmo/cubic-lower", [TensorApi.Member(typeof(TorchCubicModels), nameof(TorchCubicModels.Lower))],
        (device, dtype) => [CubicAgreement(upper: false, device, dtype, seed: 20261206)]);

    /// <summary>
    /// H = V·diag(λ)·Vᵀ with eq. (1)'s orientation (<see cref="TorchSymmetricEigen.Decompose"/> against
    /// <see cref="Verification.Numerics.SymmetricEigen.Decompose"/>) on <see cref="SpectralProblem"/>s: eigenvalues within E, every
    /// eigenvector entry within δ_i, every projection within Δg_i of <see cref="SpectralBound"/>, doubled
    /// (<see cref="Tolerances.Torch.FirstOrderBound"/>).
    /// </summary>
    private static AgreementCase SymmetricEigen { get; } = new("elmo/symmetric-eigen", [TensorApi.Member(typeof(TorchSymmetricEigen), nameof(TorchSymmetricEigen.Decompose))],
        (device, dtype) => SpectralProblems(dtype, 20261207).SelectMany(p =>
        {
            var eigen = Verification.Numerics.SymmetricEigen.Decompose(p.Hessian, p.Gradient);
            var bound = new SpectralBound(eigen, p.Gradient, dtype);
            var (h, g, _) = p.ToTensors(dtype, device);
            using var actual = TorchSymmetricEigen.Decompose(h, g);
            int n = p.Dimension;
            var vectorScale = Enumerable.Range(0, n * n).Select(k => bound.Vector[k % n]).ToArray();
            return new[]
            {
                new Agreement("λ", eigen.Values, TensorConvert.ToDoubles(actual.Values), Tolerances.Uniform(n, bound.Eigenvalue),
                    Tolerances.Torch.FirstOrderBound, i => $"λ_{i} of {p}"),
                new Agreement("V", eigen.Vectors.ToRowMajorArray(), TensorConvert.ToDoubles(actual.Vectors), vectorScale,
                    Tolerances.Torch.FirstOrderBound, k => $"V[{k / n},{k % n}] of {p}"),
                new Agreement("g_i = ∇fᵀv_i", eigen.GradientProjections, TensorConvert.ToDoubles(actual.GradientProjections), bound.Projection,
                    Tolerances.Torch.FirstOrderBound, i => $"g_{i} of {p}"),
            };
        }).ToArray());

    /// <summary>
    /// Φ^ELMO (Lemma 3.2, <see cref="TorchElmoPreconditioner.Compute"/>) against <see cref="ElmoPreconditioner.Compute"/> on
    /// <see cref="SpectralProblem"/>s, every entry within <see cref="SpectralBound.Preconditioner"/>, doubled.
    /// </summary>
    private static AgreementCase Preconditioner { get; } = SpectralCase("elmo/preconditioner",
        TensorApi.Member(typeof(TorchElmoPreconditioner), nameof(TorchElmoPreconditioner.Compute)), 20261208, "Φ^ELMO",
        p => ElmoPreconditioner.Compute(p.Hessian, p.Gradient, p.Lipschitz).ToRowMajorArray(), TorchElmoPreconditioner.Compute,
        (bound, lipschitz) => bound.Preconditioner(lipschitz), (p, k) => $"Φ[{k / p.Dimension},{k % p.Dimension}] of {p}");

    /// <summary>
    /// Δθ* = Σ x*_i v_i of Alg. 1 (<see cref="TorchElmo.StepVector"/>) against <see cref="ElmoStep.StepVector"/> on
    /// <see cref="SpectralProblem"/>s, every entry within <see cref="SpectralBound.Step"/>, doubled.
    /// </summary>
    private static AgreementCase StepVector { get; } = SpectralCase("elmo/step-vector",
        TensorApi.Member(typeof(TorchElmo), nameof(TorchElmo.StepVector)), 20261209, "Δθ*",
        p => ElmoStep.StepVector(p.Hessian, p.Gradient, p.Lipschitz).ToArray(), TorchElmo.StepVector,
        (bound, lipschitz) => bound.Step(lipschitz), (p, i) => $"Δθ*_{i} of {p}");

    /// <summary>
    /// A quantity of the full spectral step (Φ^ELMO, Δθ*): the tensor form of <paramref name="tensor"/> against
    /// <paramref name="reference"/> on <see cref="SpectralProblem"/>s drawn from <paramref name="seed"/>, every entry within
    /// the one <see cref="SpectralBound"/> <paramref name="bound"/> gives for the problem's L_i, doubled
    /// (<see cref="Tolerances.Torch.FirstOrderBound"/>).
    /// </summary>
    private static AgreementCase SpectralCase(string name, string covers, ulong seed, string what,
        Func<SpectralProblem, double[]> reference, Func<Tensor, Tensor, Tensor, Tensor> tensor,
        Func<SpectralBound, Vector<double>, double> bound, Func<SpectralProblem, int, string> entry) =>
        new(name, [covers], (device, dtype) => SpectralProblems(dtype, seed).Select(p =>
        {
            var spectral = new SpectralBound(Verification.Numerics.SymmetricEigen.Decompose(p.Hessian, p.Gradient), p.Gradient, dtype);
            var expected = reference(p);
            var (h, g, l) = p.ToTensors(dtype, device);
            var actual = TensorConvert.ToDoubles(tensor(h, g, l));
            return new Agreement(what, expected, actual, Tolerances.Uniform(expected.Length, bound(spectral, p.Lipschitz)),
                Tolerances.Torch.FirstOrderBound, k => entry(p, k));
        }).ToArray());

    /// <summary>
    /// H = diag(−2, 0, 3, −5), whose eigenvectors both solvers return exactly (±e_i), so projections can be exactly 0: the
    /// singular directions of Lemma 3.2 (g_i = 0, λ_i ≤ 0, where Φ^ELMO is the pseudo-inverse, φ_i = 0), the tie-break of
    /// eq. (1)'s orientation when g_i = 0 (the +e_i orientation), and the step 2|λ|/L along concave axes without gradient.
    /// With exact eigenvectors only the per-eigenspace evaluation rounds: Φ within <see cref="Tolerances.Torch.Factor"/>, Δθ*
    /// within <see cref="Tolerances.Torch.Step"/> of max(|a|, |b|); eigenvalues, vectors and projections exactly.
    /// </summary>
    private static AgreementCase DiagonalHessian { get; } = new("elmo/diagonal-hessian",
        [TensorApi.Member(typeof(TorchSymmetricEigen), nameof(TorchSymmetricEigen.Decompose)), TensorApi.Member(typeof(TorchElmoPreconditioner), nameof(TorchElmoPreconditioner.Compute)),
         TensorApi.Member(typeof(TorchElmo), nameof(TorchElmo.StepVector))],
        (device, dtype) =>
        {
            var hessian = Matrix<double>.Build.DenseOfDiagonalArray([-2.0, 0.0, 3.0, -5.0]);
            var lipschitz = Vector<double>.Build.DenseOfArray([1.0, 2.0, 4.0, 0.5]);
            var results = new List<Agreement>();
            foreach (double[] gradient in new[] { new[] { 0.0, 0, 0, 0 }, [0.0, 0, 1, 0], [1.0, -2, 0, 3] })
            {
                var p = new SpectralProblem(hessian, Vector<double>.Build.DenseOfArray(gradient), lipschitz);
                var (h, g, l) = p.ToTensors(dtype, device);
                var eigen = Verification.Numerics.SymmetricEigen.Decompose(p.Hessian, p.Gradient);
                using var tensorEigen = TorchSymmetricEigen.Decompose(h, g);
                string at = $"∇f = [{string.Join(", ", gradient)}]";
                results.Add(Exact("λ", eigen.Values, TensorConvert.ToDoubles(tensorEigen.Values), at));
                results.Add(Exact("V", eigen.Vectors.ToRowMajorArray(), TensorConvert.ToDoubles(tensorEigen.Vectors), at));
                results.Add(Exact("g_i", eigen.GradientProjections, TensorConvert.ToDoubles(tensorEigen.GradientProjections), at));
                var phi = ElmoPreconditioner.Compute(p.Hessian, p.Gradient, p.Lipschitz).ToRowMajorArray();
                var tensorPhi = TensorConvert.ToDoubles(TorchElmoPreconditioner.Compute(h, g, l));
                results.Add(new Agreement("Φ^ELMO", phi, tensorPhi, Tolerances.MaxMagnitude(phi, tensorPhi), Tolerances.Torch.Factor(dtype), k => $"Φ[{k / 4},{k % 4}] at {at}"));
                var step = ElmoStep.StepVector(p.Hessian, p.Gradient, p.Lipschitz).ToArray();
                var tensorStep = TensorConvert.ToDoubles(TorchElmo.StepVector(h, g, l));
                results.Add(new Agreement("Δθ*", step, tensorStep, Tolerances.MaxMagnitude(step, tensorStep), Tolerances.Torch.Step(dtype), i => $"Δθ*_{i} at {at}"));
            }
            return results;
        });

    /// <summary>
    /// ∇f, 𝓗 and 𝓗v by autograd (<see cref="TorchHessian"/>) against the closed forms of f(x) = Σ x_i³ + x_0·x_1:
    /// ∇f = 3x² + (x_1, x_0, 0, …), 𝓗 = diag(6x) + (e_0e_1ᵀ + e_1e_0ᵀ), at a dyadic point. Every entry is a sum of at most
    /// two products of at most three factors: ≤ 3 roundings per product and one per sum on the autograd side (the backward
    /// of x³ forms 3·x²·ḡ, its double backward 6·x·ḡ), ≤ 3 in the closed form; 𝓗v adds a two-term row sum on both sides.
    /// Tolerance (5 + 5)u / (5·u₃₂ + 5·u₆₄) relative to the sum of the terms' magnitudes.
    /// </summary>
    private static AgreementCase AutogradClosedForm { get; } = new("autograd/closed-form",
        [TensorApi.Member(typeof(TorchHessian), nameof(TorchHessian.Gradient)), TensorApi.Member(typeof(TorchHessian), nameof(TorchHessian.Hessian)),
         TensorApi.Member(typeof(TorchHessian), nameof(TorchHessian.HessianVectorProduct))],
        (device, dtype) =>
        {
            double[] point = [0.5, -1.25, 2.0, -3.0], direction = [1.0, 2.0, -0.5, 0.25];
            int n = point.Length;
            static Tensor CubicPlusCross(Tensor x) => x.pow(CubeExponent).sum().Plus(x[0] * x[1]);
            var x = TensorConvert.Vector(point, dtype, device);
            var v = TensorConvert.Vector(direction, dtype, device);
            var gradient = point.Select(p => 3 * p * p).ToArray();
            gradient[0] += point[1];
            gradient[1] += point[0];
            var gradientTerms = point.Select(p => 3 * p * p).ToArray();
            gradientTerms[0] += Math.Abs(point[1]);
            gradientTerms[1] += Math.Abs(point[0]);
            var hessian = new double[n, n];
            for (int i = 0; i < n; i++)
                hessian[i, i] = 6 * point[i];
            hessian[0, 1] = hessian[1, 0] = 1;
            var flat = Enumerable.Range(0, n * n).Select(k => hessian[k / n, k % n]).ToArray();
            var hv = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Sum(j => hessian[i, j] * direction[j])).ToArray();
            var hvTerms = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Sum(j => Math.Abs(hessian[i, j] * direction[j]))).ToArray();
            double tolerance = Tolerances.Torch.Chains(5, 5, dtype);
            string at = $"x = [{string.Join(", ", point)}], v = [{string.Join(", ", direction)}]";
            return
            [
                new Agreement("∇f", gradient, TensorConvert.ToDoubles(TorchHessian.Gradient(CubicPlusCross, x)), gradientTerms, tolerance, i => $"entry {i} at {at}"),
                new Agreement("𝓗", flat, TensorConvert.ToDoubles(TorchHessian.Hessian(CubicPlusCross, x)), flat.Select(Math.Abs).ToArray(), tolerance, k => $"entry {k / n},{k % n} at {at}"),
                new Agreement("𝓗v", hv, TensorConvert.ToDoubles(TorchHessian.HessianVectorProduct(CubicPlusCross, x, v)), hvTerms, tolerance, i => $"entry {i} at {at}"),
            ];
        });

    private static Agreement StepAgreement(EigenspaceInput[] batch, Device device, ScalarType dtype)
    {
        var expected = batch.Select(e => ElmoStep.Step(e.Lambda, e.GradMagnitude, e.Lipschitz)).ToArray();
        var actual = TensorConvert.ToDoubles(TorchElmo.Step(
            TensorConvert.Vector(batch.Select(e => e.Lambda), dtype, device),
            TensorConvert.Vector(batch.Select(e => e.GradMagnitude), dtype, device),
            TensorConvert.Vector(batch.Select(e => e.Lipschitz), dtype, device)));
        return new Agreement("x* (eq. 7)", expected, actual, Tolerances.Torch.MaxMagnitudeOrMinNormal(expected, actual, dtype),
            Tolerances.Torch.Step(dtype), i => batch[i].ToString());
    }

    private static Agreement FactorAgreement(EigenspaceInput[] batch, Device device, ScalarType dtype)
    {
        var expected = batch.Select(e => ElmoPreconditioner.Factor(e.Lambda, e.GradMagnitude, e.Lipschitz)).ToArray();
        var actual = TensorConvert.ToDoubles(TorchElmoPreconditioner.Factors(
            TensorConvert.Vector(batch.Select(e => e.Lambda), dtype, device),
            TensorConvert.Vector(batch.Select(e => e.GradMagnitude), dtype, device),
            TensorConvert.Vector(batch.Select(e => e.Lipschitz), dtype, device)));
        return new Agreement("φ (Lemma 3.2)", expected, actual, Tolerances.Torch.MaxMagnitudeOrMinNormal(expected, actual, dtype),
            Tolerances.Torch.Factor(dtype), i => batch[i].ToString());
    }

    private static Agreement CubicAgreement(bool upper, Device device, ScalarType dtype, ulong seed)
    {
        var batch = TorchGenerators.Sample(dtype == ScalarType.Float64 ? TorchGenerators.Cubic64 : TorchGenerators.Cubic32, Batch, seed);
        var g = TensorConvert.Vector(batch.Select(c => c.G), dtype, device);
        var lambda = TensorConvert.Vector(batch.Select(c => c.Lambda), dtype, device);
        var lip = TensorConvert.Vector(batch.Select(c => c.Lipschitz), dtype, device);
        var x = TensorConvert.Vector(batch.Select(c => c.X), dtype, device);
        var actual = TensorConvert.ToDoubles(upper ? TorchCubicModels.Upper(g, lambda, lip, x) : TorchCubicModels.Lower(g, lambda, lip, x));
        var expected = batch.Select(c => upper
            ? CubicUpperModel.Evaluate(c.G, c.Lambda, c.Lipschitz, c.X)
            : CubicLowerModel.Evaluate(c.G, c.Lambda, c.Lipschitz, c.X)).ToArray();
        return new Agreement(upper ? "M (eq. 3)" : "m (eq. 4)", expected, actual, batch.Select(c => c.TermScale).ToArray(),
            Tolerances.Torch.Cubic(dtype), i => batch[i].ToString());
    }

    /// <summary><see cref="Problems"/> spectral problems from <paramref name="seed"/>, rounded to <paramref name="dtype"/>.</summary>
    internal static SpectralProblem[] SpectralProblems(ScalarType dtype, ulong seed) =>
        TorchGenerators.Sample(TorchGenerators.SpectralProblems, Problems, seed).Select(p => p.RoundedTo(dtype)).ToArray();

    private static Agreement Exact(string what, double[] expected, double[] actual, string at) =>
        new(what + " (exact)", expected, actual, Tolerances.Uniform(expected.Length, 1), 0, i => $"entry {i} at {at}");
}
