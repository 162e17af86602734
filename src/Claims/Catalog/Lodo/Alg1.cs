using LodoOptimizer = Verification.Optimizers.Lodo.Lodo;
using MathNet.Numerics.LinearAlgebra;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Lodo;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>
/// lodo.md Algorithm 1 as implemented (<see cref="LodoOptimizer"/>), for both G models, as conformance statements: the
/// implementation's own double outputs are replayed and compared exactly with the math written once, under the
/// implementation's forward-error bound. The hypergradient is the derivative of ℓ_{t+1} = f(x_t − G(θ)m_t) in θ,
/// −∂_θ(g_{t+1}ᵀG(θ)m_t) with g_{t+1} held fixed; and from the orthogonal θ₀ LODO "begins with the strategy of SGD
/// with the same learning rate in all directions": x₁ = x₀, x₂ = x₀ − α₀(1 − β)∇f(x₀).
/// </summary>
internal static class Alg1
{
    internal static Claim Claim() => new(
        "lodo/alg-1",
        LodoSources.Of("Algorithm 1", "(1), (2)", "3"),
        "LODO: x_{t+1} = x_t − G(θ_t)m_t; ℓ_{t+1} = f(x_{t+1}); θ_{t+1} = θ_t + Adam(∇_θ ℓ_{t+1}); m_{t+1} = βm_t + (1 − β)∇ℓ_{t+1}; m₀ = 0; θ₀ random orthogonal blocks (G(θ₀) = α₀I).",
        "Conformance of the reference implementation for both G models (the dense G of §4.1 and the block/permutation G of eq. 2): the hypergradient it computes is the derivative of the loss after the step through the step, and from θ₀ the algorithm begins as SGD with rate α₀. Each statement replays the implementation's double outputs and compares them exactly with the math under the implementation's stated error bound, so an implementation bug is reported as a defect, never as rounding.",
        [new Hypergradient(dense: false), new Hypergradient(dense: true), new StartsAsSgd()]);

    /// <summary>
    /// The hypergradient Algorithm 1's implementation computes at (θ, g_{t+1} = a, m_t = u): two steps of a LODO run with
    /// β = 0 and an SGD meta-step of rate 0 (so θ stays put), fed the gradients u then a; the second step's hypergradient
    /// is ∇_θℓ with m₁ = u. Plain doubles: the implementation under test.
    /// </summary>
    internal static double[] ReplayHypergradient(IPreconditionerModel model, double[] theta, double[] a, double[] u)
    {
        var zero = Vector<double>.Build.Dense(model.Dimension);
        var run = LodoOptimizer.WithSgd(model, 0.0, 0.0, 0).Begin(zero, zero, Vector<double>.Build.DenseOfArray(theta));
        run.Propose();
        run.Accept(Vector<double>.Build.DenseOfArray(u));
        run.Propose();
        run.Accept(Vector<double>.Build.DenseOfArray(a));
        return run.LastHypergradient!.ToArray();
    }

    /// <summary>
    /// The first two iterates of the reference LODO (Adam meta-step at rate 0.001, momentum β) from the rounded orthogonal
    /// θ₀ on f = ½xᵀHx: x₁ = Propose(), Accept(Hx₁), x₂ = Propose(). Plain doubles: the implementation under test.
    /// </summary>
    internal static (double[] X1, double[] X2) ReplayStart(StartInput input)
    {
        int n = input.Dimension;
        var model = input.Network.Shape.Model(input.Network.Alpha0);
        var hm = Matrix<double>.Build.DenseOfRowMajor(n, n, input.H);
        var x = Vector<double>.Build.DenseOfArray(input.X0);
        var run = LodoOptimizer.WithAdam(model, 0.001, input.Beta, 0).Begin(x, hm * x, Vector<double>.Build.DenseOfArray(input.Network.Rounded()));
        var x1 = run.Propose();
        run.Accept(hm * x1);
        return (x1.ToArray(), run.Propose().ToArray());
    }

    /// <summary>∇_θℓ_{t+1} = −∂_θ(g_{t+1}ᵀG(θ)m_t): the implementation against the derivative by definition.</summary>
    internal sealed class Hypergradient : Statement<HypergradientInput>
    {
        private readonly bool _dense;
        private readonly Func<IPreconditionerModel, double[], double[], double[], double[]> _implementation;

        /// <param name="dense">The dense G of §4.1 instead of eq. (2).</param>
        /// <param name="implementation">The code under test (model, θ, a, u) ↦ ∇_θℓ; the reference's <see cref="ReplayHypergradient"/> by default.</param>
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Hypergradient(bool dense, Func<IPreconditionerModel, double[], double[], double[], double[]>? implementation = null)
        {
            _dense = dense;
            _implementation = implementation ?? ReplayHypergradient;
            Name = dense ? "hypergradient-dense-G" : "hypergradient-eq-2-G";
            Description = dense
                ? "For the dense G of §4.1 (n ∈ 1..5, θ ∈ ℝ^{n²} arbitrary, a, u ∈ ½ℤ ∩ [−3, 3]): the reference's hypergradient (the closed form −vec(a uᵀ), replayed) equals −∂_θ(aᵀG(θ)u) by definition, within 2⁻⁵² of |a_i u_j|."
                : "For G of eq. (2) (n ∈ 1..5, k ∈ 1..3, N ∈ 1..3, θ arbitrary, a, u ∈ ½ℤ ∩ [−3, 3]): the reference's reverse-mode hypergradient (replayed) equals −∂_θ(aᵀG(θ)u) by definition, within (2N(k+1) + 4)·2⁻⁵² of the derivative's terms.";
            Tolerance = dense
                ? "The implementation's bound: one rounded product a_i·u_j, so |ĥ_j − h_j| ≤ 2⁻⁵³|a_i u_j| ≤ 2⁻⁵²·D_j with D_j = |a_i||u_j| (the derivative of the form on absolute values). The exact side is the central difference of aᵀG(θ)u with step 1, exact (affine in each θ_j). Double-only allowance (2n + 4)·2⁻⁵² of the scale: the central difference in doubles cancels the terms of aᵀG(θ ± e_j)u."
                : "The implementation's bound: each entry is a sum over paths of products through N forward and N transposed layers (≤ 2N(k+1) + 4 roundings on a path), so |ĥ_j − h_j| ≤ (2N(k+1) + 4)·2⁻⁵²·D_j, D_j = ∂_jφ of the network on absolute values (|α₀|, |θ|, |a|, |u|), the sum of |terms| of h_j. The exact side is the central difference of φ(θ) = aᵀG(θ)u with step 1, exact (φ is quadratic in each θ_j). Double-only allowance (2N(k+1) + 8)·2⁻⁵² of the scale: the central difference in doubles cancels the terms of φ(θ ± e_j).";
            MarginUnit = "relative to the size of the terms of φ(θ ± e_j) = aᵀG(θ ± e_j)u on absolute values";
            Kind = StatementKind.Conformance;
            Domain = HypergradientInput.Domain(dense);
        }

        public override Relation<T> Evaluate<T>(HypergradientInput input)
        {
            int n = input.Dimension;
            IPreconditionerModel model = _dense ? new DensePreconditioner(n, input.Alpha0) : input.Shape.Model(input.Alpha0);
            // The implementation under test, in plain doubles; its output is lifted exactly.
            var reference = _implementation(model, input.Theta, input.A, input.U);
            var (theta, a, u, alpha0) = input.Read<T>();
            var absTheta = theta.Select(T.Abs).ToArray();
            var (absA, absU, absAlpha0) = (a.Select(T.Abs).ToArray(), u.Select(T.Abs).ToArray(), T.Abs(alpha0));
            var eq2 = _dense ? null : input.Shape.Model();
            T Form(IReadOnlyList<T> t, IReadOnlyList<T> x, IReadOnlyList<T> y, T s) =>
                eq2 is null ? LearningDynamicsFormulas.DenseBilinear(t, x, y) : BlockNetworkFormulas.Bilinear(eq2, t, s, x, y);
            // −∂_θ(aᵀG(θ)u) by definition, and D_j: the same derivative of the form on absolute values.
            var exact = BlockNetworkFormulas.CentralDifferences(theta, t => -Form(t, a, u, alpha0));
            var terms = BlockNetworkFormulas.CentralDifferences(absTheta, t => Form(t, absA, absU, absAlpha0));
            double paths = _dense ? 1 : 2 * input.Shape.Depth * (input.Shape.K + 1) + 4;
            double noise = _dense ? 2 * n + 4 : paths + 4;
            var factor = T.Of(paths * Math.ScaleB(1, -52));
            var parts = new Relation<T>[theta.Length];
            for (int j = 0; j < theta.Length; j++)
            {
                var plus = absTheta.ToArray();
                var minus = absTheta.ToArray();
                plus[j] = T.Abs(theta[j] + 1);
                minus[j] = T.Abs(theta[j] - 1);
                var scale = Form(plus, absA, absU, absAlpha0) + Form(minus, absA, absU, absAlpha0);
                parts[j] = Relation.LessOrEqual(T.Abs(T.Of(reference[j]) - exact[j]), factor * terms[j], scale, noise * Math.ScaleB(1, -52))
                    .Labelled($"∂/∂θ_{j}");
            }
            return Relation.All(parts);
        }

        public override string Explain(HypergradientInput input) =>
            "The implementation's hypergradient differs from the derivative of the loss after the step by more than its rounding bound: an implementation defect.";
    }

    /// <summary>Algorithm 1 from the orthogonal θ₀: x₁ = x₀ (m₀ = 0) and x₂ = x₀ − α₀(1 − β)Hx₀ on f = ½xᵀHx.</summary>
    internal sealed class StartsAsSgd : Statement<StartInput>
    {
        private readonly Func<StartInput, (double[] X1, double[] X2)> _implementation;

        /// <param name="implementation">The code under test: the first two iterates; the reference's <see cref="ReplayStart"/> by default.</param>
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public StartsAsSgd(Func<StartInput, (double[] X1, double[] X2)>? implementation = null)
        {
            _implementation = implementation ?? ReplayStart;
            Name = "starts-as-sgd-with-rate-alpha0";
            Description = "For G of eq. (2) at an orthogonal θ₀ (exactly orthogonal rational blocks; the implementation gets their roundings), β ∈ {0, 0.195, 0.5, 0.9}, Adam meta-step: the reference's first two iterates on f = ½xᵀHx (replayed) are x₁ = x₀ exactly and x₂ = x₀ − α₀(1 − β)Hx₀ within its rounding bound.";
            Tolerance = "The implementation's bound: x₁ = x₀ − G(θ₀)·0 exactly; the first meta-step is Adam of a zero hypergradient, exactly 0, so θ₁ = θ₀; m₁ = fl(fl(1 − β)·Hx₀) (Hx₀ is exact: small integers); x₂ = x₁ − fl(G(θ̃₀)m₁), where G(θ̃₀) − α₀I comes from the rounded blocks and the matrix-free product. Together |x̂₂ − x₂|_i ≤ (2N(k+1) + 6)·2⁻⁵²·(|x₀|_i + (|α₀||F|ᵀ|F|·|1 − β||H||x₀|)_i), F the network on |θ₀|. Exact arithmetic compares the replayed doubles with the exact iterates; double-only allowance 8·2⁻⁵² of the scale for the double evaluation of the exact x₂.";
            MarginUnit = "relative to |x₀|_i + (|α₀||F|ᵀ|F|·|1 − β||H||x₀|)_i";
            Kind = StatementKind.Conformance;
            Domain = StartInput.Domain;
        }

        public override Relation<T> Evaluate<T>(StartInput input)
        {
            var shape = input.Network.Shape;
            int n = input.Dimension;
            // The implementation under test, in plain doubles.
            var (x1, x2) = _implementation(input);

            var h = SymmetricInput.Read<T>(n, input.HUpper);
            var x0 = RealVector.Input<T>(input.X0);
            var alpha0 = T.Input(input.Network.Alpha0);
            var beta = T.Input(input.Beta);
            var gradient = h * x0;
            var absNetwork = input.Network.Read<T>().Select(T.Abs).ToArray();
            var pushed = BlockNetworkFormulas.Apply(shape.Model(), absNetwork, T.Abs(alpha0),
                [.. (RealMatrixAlgebra.Abs(h) * x0.Select(T.Abs).ToArray()).Select(v => T.Abs(1 - beta) * v)]);
            var factor = T.Of((2 * shape.Depth * (shape.K + 1) + 6) * Math.ScaleB(1, -52));
            var parts = new List<Relation<T>>();
            for (int i = 0; i < n; i++)
            {
                parts.Add(Relation.Equal(T.Of(x1[i]), x0[i], T.Abs(x0[i]) + 1).Labelled($"x₁[{i}] = x₀[{i}]"));
                var exact = x0[i] - alpha0 * (1 - beta) * gradient[i];
                var scale = T.Abs(x0[i]) + pushed[i];
                parts.Add(Relation.LessOrEqual(T.Abs(T.Of(x2[i]) - exact), factor * scale, scale, 8 * Math.ScaleB(1, -52))
                    .Labelled($"x₂[{i}] = x₀[{i}] − α₀(1 − β)(Hx₀)[{i}]"));
            }
            return Relation.All(parts);
        }

        public override string Explain(StartInput input) => "LODO does not start as SGD with rate α₀: the implementation's first iterates differ from x₀ and x₀ − α₀(1 − β)∇f(x₀) by more than its rounding bound.";
    }
}
