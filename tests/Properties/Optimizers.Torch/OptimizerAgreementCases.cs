using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Verification.Engine.Generators;
using Verification.Numerics;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Torch;
using Verification.Tests.Properties.Numerics.Torch;
using static TorchSharp.torch;
using Verification.Optimizers.SecondOrder;
using Verification.Optimizers.Stochastic;

namespace Verification.Tests.Properties.Optimizers.Torch;

/// <summary>
/// Agreement cases of src/Optimizers.Torch: the tensor ELMO (dense and Lanczos paths), Lanczos itself, the tensor AMOS with
/// every pairing of its pluggable OPT¹ / OPT², and those OPTs alone, against the reference optimizers.
/// </summary>
internal static class OptimizerAgreementCases
{
    /// <summary>(seed, n) of the ELMO optimizer problems (<see cref="TorchOptimizerCase"/>).</summary>
    private static readonly (int Seed, int N)[] ElmoProblems = [(1, 2), (2, 3), (3, 5), (4, 8)];

    private const double ElmoLipschitz = 1.5;

    /// <summary>AMOS steps per configuration.</summary>
    internal const int AmosSteps = 8;

    /// <summary>L_thresh: low enough that the cubic term's eigenvalue slopes (|c|u_i²|Δs|/‖Δθ‖ ≈ 1e-3…1e-2 here) reach it, so both slots are used.</summary>
    internal const double AmosThreshold = 0.001;

    public static IEnumerable<AgreementCase> All =>
    [
        ElmoDense, ElmoLanczos, LanczosFullRun, LanczosInvariantStart,
        .. AmosConfigurations.Select(Amos),
        Elementwise(sophia: false), Elementwise(sophia: true),
    ];

    /// <summary>
    /// Lanczos's backward error in units of u·‖H‖₂ for k = n steps: the Householder-level p(n) of
    /// <see cref="SpectralBound.SolverRoundings"/> plus 4n² for the Krylov basis (n steps, each an autograd or matrix HVP of
    /// n-term sums and two full reorthogonalisation passes of n n-term dot products, which keep Q orthonormal to O(n²u)).
    /// </summary>
    private static double LanczosRoundings(int n) => SpectralBound.SolverRoundings(n) + 4.0 * n * n;

    /// <summary>
    /// The ELMO step (Alg. 1, one L for every eigenspace) with <c>linalg.eigh</c> of the autograd Hessian against
    /// <see cref="ElmoOptimizer"/> with the closed-form derivatives of f(θ) = ½θᵀDθ + (c/6)(uᵀθ)³ (data rounded to the
    /// dtype for both sides). Every entry within <see cref="SpectralBound.Step"/>, doubled, with the derivative differences as
    /// perturbations: autograd and the closed form each round ∇f_i within (n + 5)u of Σ_j|D_ij θ_j| + (|c|/2)(Σ_j|u_j θ_j|)²|u_i|
    /// and H_ij within (n + 5)u of |c|(Σ_j|u_j θ_j|)|u_i u_j| (D's part is exact: ½D_ij + ½D_ji of a symmetric D); float32
    /// rounds c/6 once more.
    /// </summary>
    private static AgreementCase ElmoDense { get; } = new("optimizers/elmo/dense",
        [TensorApi.Constructor(typeof(TorchElmoOptimizer)), TensorApi.Member(typeof(TorchElmoOptimizer), nameof(TorchElmoOptimizer.Step))],
        (device, dtype) => ElmoProblems.Select(p => ElmoAgreement(TorchOptimizerCase.Random(p.Seed, p.N).RoundedTo(dtype), device, dtype, lanczos: false)).ToArray());

    /// <summary>
    /// The Lanczos path (n above the dense limit, k = n steps from ∇f): with a generic θ, ∇f has a component along every
    /// eigenvector, so K_n(H, ∇f) = ℝⁿ and the Ritz pairs are the eigenpairs; bound as <see cref="ElmoDense"/> with p(n) of
    /// <see cref="LanczosRoundings"/>.
    /// </summary>
    private static AgreementCase ElmoLanczos { get; } = new("optimizers/elmo/lanczos",
        [TensorApi.Member(typeof(TorchElmoOptimizer), nameof(TorchElmoOptimizer.Step)), TensorApi.Member(typeof(TorchLanczos), nameof(TorchLanczos.Eigenpairs))],
        (device, dtype) => ElmoProblems.Select(p => ElmoAgreement(TorchOptimizerCase.Random(p.Seed, p.N).RoundedTo(dtype), device, dtype, lanczos: true)).ToArray());

    /// <summary>
    /// k = n = 40 Lanczos steps on a random symmetric matrix (entries in [−½, ½]) against the reference eigensystem
    /// (<see cref="SymmetricEigen.Decompose"/>): Ritz values within E and Ritz vectors (signs aligned with the reference's)
    /// within δ_i of <see cref="SpectralBound"/> with p(n) = <see cref="LanczosRoundings"/>, doubled.
    /// </summary>
    private static AgreementCase LanczosFullRun { get; } = new("optimizers/lanczos/full-run",
        [TensorApi.Member(typeof(TorchLanczos), nameof(TorchLanczos.Eigenpairs))],
        (device, dtype) =>
        {
            const int n = 40;
            var random = new System.Random(7);
            var a = Matrix<double>.Build.Dense(n, n, (_, _) => random.NextDouble() - 0.5);
            var hessian = ((a + a.Transpose()) / 2).Map(x => dtype == ScalarType.Float64 ? x : (float)x);
            var start = Vector<double>.Build.Dense(n, i => 1.0 + 0.01 * i);
            var reference = SymmetricEigen.Decompose(hessian, start);
            var bound = new SpectralBound(reference, start, dtype, solverRoundings: LanczosRoundings(n), certifyOrientation: false);
            var h = TensorConvert.Matrix(hessian, dtype, device);
            using var ritz = TorchLanczos.Eigenpairs(v => h.mv(v), TensorConvert.Vector(start, dtype, device), n);
            var values = TensorConvert.ToDoubles(ritz.Values);
            var vectors = TensorConvert.ToDoubles(ritz.Vectors);
            int k = (int)ritz.Count;
            // Ritz vectors have no orientation convention: flip each to the reference's sign.
            for (int j = 0; j < k; j++)
            {
                double dot = Enumerable.Range(0, n).Sum(i => vectors[i * k + j] * reference.Vectors[i, j]);
                if (dot < 0)
                    for (int i = 0; i < n; i++)
                        vectors[i * k + j] = -vectors[i * k + j];
            }
            return
            [
                new Agreement("k", [n], [k], [1], 0, _ => "the Krylov space is ℝⁿ"),
                new Agreement("Ritz values", reference.Values, values, Tolerances.Uniform(n, bound.Eigenvalue), Tolerances.Torch.FirstOrderBound, i => $"λ_{i}"),
                new Agreement("Ritz vectors", reference.Vectors.ToRowMajorArray(), vectors, Enumerable.Range(0, n * n).Select(x => bound.Vector[x % n]).ToArray(),
                    Tolerances.Torch.FirstOrderBound, x => $"V[{x / n},{x % n}]"),
            ];
        });

    /// <summary>
    /// A start on an eigenvector of diag(1, 2, 3) (e_2): the Krylov space is one-dimensional, β₁ = 0 and the process stops
    /// with the exact pair (2, e_2): one Ritz pair, computed exactly (q = e_2, α = qᵀHq = 2, s = 1).
    /// </summary>
    private static AgreementCase LanczosInvariantStart { get; } = new("optimizers/lanczos/invariant-start",
        [TensorApi.Member(typeof(TorchLanczos), nameof(TorchLanczos.Eigenpairs))],
        (device, dtype) =>
        {
            var h = diag(TensorConvert.Vector([1.0, 2.0, 3.0], dtype, device));
            using var ritz = TorchLanczos.Eigenpairs(v => h.mv(v), TensorConvert.Vector([0.0, 1.0, 0.0], dtype, device), 3);
            return [new Agreement("(k, θ₁, v₁)", [1, 2, 0, 1, 0], [ritz.Count, .. TensorConvert.ToDoubles(ritz.Values), .. TensorConvert.ToDoubles(ritz.Vectors)],
                Tolerances.Uniform(5, 1), 0, i => $"entry {i}")];
        });

    private static Agreement ElmoAgreement(TorchOptimizerCase c, Device device, ScalarType dtype, bool lanczos)
    {
        int n = c.Theta.Count;
        var objective = c.Reference;
        var expected = new ElmoOptimizer(new ConstantLipschitz(ElmoLipschitz)).Update(objective, c.Theta).ToArray();
        var gradient = objective.Gradient(c.Theta);
        var hessian = objective.Hessian(c.Theta);
        var (hessianPerturbation, gradientPerturbation) = DerivativePerturbation(c, dtype);
        var bound = new SpectralBound(SymmetricEigen.Decompose(hessian, gradient), gradient, dtype, hessianPerturbation, gradientPerturbation,
            lanczos ? LanczosRoundings(n) : null);
        var optimizer = lanczos ? new TorchElmoOptimizer(ElmoLipschitz, denseLimit: 0, lanczosSteps: n) : new TorchElmoOptimizer(ElmoLipschitz);
        var actual = TensorConvert.ToDoubles(optimizer.Step(c.Function(dtype, device), TensorConvert.Vector(c.Theta, dtype, device)));
        return new Agreement($"Δθ (n = {n})", expected, actual, Tolerances.Uniform(n, bound.Step(Vector<double>.Build.Dense(n, ElmoLipschitz))),
            Tolerances.Torch.FirstOrderBound, i => $"entry {i} at θ = [{string.Join(", ", c.Theta)}]");
    }

    /// <summary>(‖ΔH‖_F, ‖Δ∇f‖₂) between autograd and the closed forms (see <see cref="ElmoDense"/>).</summary>
    private static (double Hessian, double Gradient) DerivativePerturbation(TorchOptimizerCase c, ScalarType dtype)
    {
        int n = c.Theta.Count;
        double k = n + 5 + (dtype == ScalarType.Float32 ? 1 : 0);
        double unit = Tolerances.Torch.Unit(dtype) + Tolerances.Torch.Float64Unit;
        double s = c.U.PointwiseAbs().DotProduct(c.Theta.PointwiseAbs());
        double hessian = 0, gradient = 0;
        for (int i = 0; i < n; i++)
        {
            double gi = k * unit * (Enumerable.Range(0, n).Sum(j => Math.Abs(c.D[i, j] * c.Theta[j])) + Math.Abs(c.C) / 2 * s * s * Math.Abs(c.U[i]));
            gradient += gi * gi;
            for (int j = 0; j < n; j++)
            {
                double hij = k * unit * Math.Abs(c.C) * s * Math.Abs(c.U[i] * c.U[j]);
                hessian += hij * hij;
            }
        }
        return (Math.Sqrt(hessian), Math.Sqrt(gradient));
    }

    /// <summary>(problem seed, n, OPT¹, OPT², assignment, I_hess period): each pluggable choice in each slot.</summary>
    internal static readonly (int Seed, int N, string First, string Second, AmosAssignment Mode, int Every)[] AmosConfigurations =
    [
        (1, 3, "sgd", "sophia", AmosAssignment.PerCoordinate, 1),
        (2, 4, "sophia", "sgd", AmosAssignment.PerCoordinate, 1),
        (3, 4, "sgd", "sgd", AmosAssignment.PerTensorMean, 1),
        (4, 3, "sophia", "sophia", AmosAssignment.PerTensorMax, 2),
        (5, 5, "sgd", "sophia/2", AmosAssignment.PerCoordinate, 2),
        (6, 4, "sophia/2", "sophia", AmosAssignment.PerCoordinate, 1),
    ];

    internal static CoordinatewiseOptimizer Inner(string name) => name switch
    {
        "sgd" => new Sgd(0.05),
        "sophia" => new SophiaDiagonal(0.05, rho: 0.5),
        "sophia/2" => new SophiaDiagonal(0.05, rho: 0.5, hessianEvery: 2),
        _ => throw new ArgumentException($"unknown inner optimizer '{name}'.", nameof(name)),
    };

    /// <summary>
    /// AMOS (Alg. 2) with pluggable OPT¹ / OPT² on f(θ) = ½θᵀDθ + (c/6)(uᵀθ)³ for <see cref="AmosSteps"/> steps against
    /// <see cref="Verification.Optimizers.SecondOrder.Amos"/>: the assignment OPTIM_i must agree exactly at every step (the
    /// bound certifies it: L is farther from L_thresh than its drift), and θ_t within
    /// <see cref="Tolerances.Torch.FirstOrderBound"/> × the drift bound of <see cref="AmosDivergenceBound"/> (float64 in
    /// u = 2⁻⁵³; float32 in u = 2⁻²⁴ with D, u, c, θ₀ rounded once). Both sides take the same OPT values; the tensor
    /// side steps them through <see cref="TorchCoordinatewise.Start"/>.
    /// </summary>
    private static AgreementCase Amos((int Seed, int N, string First, string Second, AmosAssignment Mode, int Every) k) =>
        new($"optimizers/amos/{k.First}|{k.Second}/{k.Mode}/every-{k.Every}",
        [TensorApi.Constructor(typeof(TorchAmos)), TensorApi.Member(typeof(TorchAmos), nameof(TorchAmos.Start)),
         TensorApi.Member(typeof(TorchAmos.TorchAmosRun), nameof(TorchAmos.TorchAmosRun.Step)), TensorApi.Member(typeof(TorchCoordinatewise), nameof(TorchCoordinatewise.Start))],
        (device, dtype) =>
        {
            var c = TorchOptimizerCase.Random(k.Seed, k.N);
            int n = k.N;
            int[][]? tensors = k.Mode == AmosAssignment.PerCoordinate ? null : [Enumerable.Range(0, n / 2).ToArray(), Enumerable.Range(n / 2, n - n / 2).ToArray()];
            var settings = new AmosSettings(AmosThreshold, AlphaL: 0.7, HessianEvery: k.Every, Assignment: k.Mode, Tensors: tensors);
            CoordinatewiseOptimizer one = Inner(k.First), two = Inner(k.Second);
            var reference = (Verification.Optimizers.SecondOrder.Amos.AmosRun)new Verification.Optimizers.SecondOrder.Amos(one, two, settings).Start(c.Reference, c.Theta);
            var bound = new AmosDivergenceBound(c, settings, one, two, Tolerances.Torch.Unit(dtype), roundsData: dtype == ScalarType.Float32);
            var amos = new TorchAmos(settings, one, two);
            using var run = amos.Start(c.Function(dtype, device), TensorConvert.Vector(c.Theta, dtype, device));
            bool sawFirst = false, sawSecond = false;
            var results = new List<Agreement>();
            for (int t = 0; t < AmosSteps; t++)
            {
                var before = reference.Theta;
                reference.Step();
                run.Step();
                bound.Advance(before, reference.Theta, reference.UsesFirstOrder, reference.Lipschitz);
                var assigned = TensorConvert.ToDoubles(run.UsesFirstOrder.to_type(ScalarType.Float64));
                sawFirst |= assigned.Any(b => b != 0);
                sawSecond |= assigned.Any(b => b == 0);
                results.Add(new Agreement($"OPTIM_i = OPT¹ at t = {t}", reference.UsesFirstOrder.Select(b => b ? 1.0 : 0.0).ToArray(), assigned,
                    Tolerances.Uniform(n, 1), 0, i => $"coordinate {i}"));
                results.Add(new Agreement($"θ_{t + 1}", reference.Theta.ToArray(), TensorConvert.ToDoubles(run.Theta), Tolerances.Uniform(n, bound.Drift),
                    Tolerances.Torch.FirstOrderBound, i => $"θ₀ = [{string.Join(", ", c.Theta)}]"));
            }
            // Not a property of AMOS but of this case's reach: it must exercise both OPT¹ and OPT².
            if (!(sawFirst && sawSecond))
                throw new UncertifiableCaseException($"configuration {k} never used {(sawFirst ? "OPT²" : "OPT¹")}.");
            return results;
        });

    /// <summary>A script: per step an ownership mask, a gradient and a Hessian diagonal; and the optimizer's hyperparameters.</summary>
    internal sealed record Script(bool[][] Owned, double[][] Gradients, double[][] Diagonals, double Rate, double Rho, double Beta1, double Beta2, int Every)
    {
        public override string ToString() =>
            $"η = {Rate:R}, ρ = {Rho:R}, β = ({Beta1:R}, {Beta2:R}), k = {Every}; owned " +
            string.Join(" ", Owned.Select(o => "[" + string.Join("", o.Select(b => b ? '1' : '0')) + "]")) +
            "; g " + string.Join(" ", Gradients.Select(g => "[" + string.Join(", ", g.Select(x => x.ToString("R"))) + "]")) +
            "; diag " + string.Join(" ", Diagonals.Select(g => "[" + string.Join(", ", g.Select(x => x.ToString("R"))) + "]"));

        public Script RoundedTo(ScalarType dtype) => dtype == ScalarType.Float64 ? this : this with
        {
            Gradients = [.. Gradients.Select(g => g.Select(x => (double)(float)x).ToArray())],
            Diagonals = [.. Diagonals.Select(g => g.Select(x => (double)(float)x).ToArray())],
        };
    }

    private static Gen<Script> Scripts { get; } =
        from n in Gen.Choose(1, 5)
        from steps in Gen.Choose(1, 8)
        from owned in Gen.Elements(true, false, false).ArrayOf(n).ArrayOf(steps)
        from gradients in EdgeDoubles.Signed(1e-3, 10).ArrayOf(n).ArrayOf(steps)
        from diagonals in EdgeDoubles.Signed(1e-3, 10).ArrayOf(n).ArrayOf(steps)
        from rate in Gen.Elements(0.01, 0.05, 0.5)
        from rho in Gen.Elements(0.01, 0.5, 2.0)
        from beta1 in Gen.Elements(0.0, 0.5, 0.9)
        from beta2 in Gen.Elements(0.0, 0.5, 0.95)
        from every in Gen.Choose(1, 3)
        select new Script(owned, gradients, diagonals, rate, rho, beta1, beta2, every);

    /// <summary>
    /// The tensor rules of the tensor AMOS's OPTs (<see cref="TorchCoordinatewise.Start"/> of <see cref="Sgd"/> and
    /// <see cref="SophiaDiagonal"/>) against the reference rules of the same optimizer values under random patterns of ownership (Alg. 2, line 14: an OPTIM_i steps only the coordinates
    /// assigned to it, and its state moves only there), fed the same gradients and Hessian diagonals; the Hessian diagonal
    /// must be requested at most once per step. float64: both sides perform the same correctly rounded operations (each
    /// tensor op is one IEEE operation, no fused kernels) in the same order, so the owned steps agree bit for bit: tolerance
    /// 0. float32: <see cref="SophiaFloat32Bound"/>.
    /// </summary>
    private static AgreementCase Elementwise(bool sophia) => new($"optimizers/amos-opt/{(sophia ? "sophia" : "sgd")}",
        [TensorApi.Member(typeof(TorchCoordinatewise), nameof(TorchCoordinatewise.Start)), TensorApi.Member(typeof(TorchCoordinatewise), nameof(TorchCoordinatewise.HasTensorRule))],
        (device, dtype) => TorchGenerators.Sample(Scripts, 100, sophia ? 20261214UL : 20261215UL).Select(s => ElementwiseAgreement(s.RoundedTo(dtype), sophia, device, dtype)).ToArray());

    private static Agreement ElementwiseAgreement(Script s, bool sophia, Device device, ScalarType dtype)
    {
        int n = s.Gradients[0].Length;
        CoordinatewiseOptimizer reference = sophia
            ? new SophiaDiagonal(s.Rate, s.Rho, s.Beta1, s.Beta2, hessianEvery: s.Every)
            : new Sgd(s.Rate);
        var referenceState = reference.StartCoordinates(n);
        var theta = zeros(n, dtype: dtype, device: device);
        using var tensorState = TorchCoordinatewise.Start(reference, theta);
        var bound = new SophiaFloat32Bound(s, sophia, dtype);
        var expected = new List<double>();
        var actual = new List<double>();
        var scale = new List<double>();
        for (int t = 0; t < s.Gradients.Length; t++)
        {
            var gradient = Vector<double>.Build.DenseOfArray(s.Gradients[t]);
            var coordinates = Enumerable.Range(0, n).Where(i => s.Owned[t][i]).ToArray();
            var delta = Vector<double>.Build.Dense(n, double.NaN);
            referenceState.Step(gradient, () => Vector<double>.Build.DenseOfArray(s.Diagonals[t]), coordinates, delta);
            int diagonalCalls = 0;
            var step = TensorConvert.ToDoubles(tensorState.Step(
                TensorConvert.Vector(s.Gradients[t], dtype, device),
                () => { diagonalCalls++; return TensorConvert.Vector(s.Diagonals[t], dtype, device); },
                tensor(s.Owned[t]).to(device)));
            var stepBound = bound.Step(t);
            // The diagonal is requested at most once per step: the excess over one call must be exactly 0 (scale 0).
            expected.Add(0);
            actual.Add(Math.Max(0, diagonalCalls - 1));
            scale.Add(0);
            foreach (int i in coordinates)
            {
                expected.Add(delta[i]);
                actual.Add(step[i]);
                scale.Add(stepBound[i]);
            }
        }
        double tolerance = dtype == ScalarType.Float64 ? 0 : Tolerances.Torch.FirstOrderBound;
        return new Agreement("owned (Δθ)_i", [.. expected], [.. actual], [.. scale], tolerance, _ => s.ToString());
    }
}
