using FsCheck;
using FsCheck.Fluent;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.Exact;
using Verification.Math.Lodo;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>
/// lodo.md Algorithm 1 as implemented (<see cref="Verification.Optimizers.Lodo.Lodo"/>), for both G models: the
/// hypergradient is the derivative of ℓ_{t+1} = f(x_t − G(θ)m_t) in θ, and the eq. (2) initialization makes LODO start
/// as SGD with rate α₀ ("LODO begins with the strategy of SGD with the same learning rate in all directions").
/// </summary>
internal static class Alg1
{
    /// <summary>a = g_{t+1} and u = m_t of a hypergradient: small integers and halves from the input's seed.</summary>
    private static (double[] A, double[] U) Vectors(BlockNetworkInput e)
    {
        var r = new System.Random(e.Seed ^ 0x1B873593);
        double Draw() => r.Next(-6, 7) / 2.0;
        return (Enumerable.Range(0, e.N).Select(_ => Draw()).ToArray(), Enumerable.Range(0, e.N).Select(_ => Draw()).ToArray());
    }

    /// <summary>−∂_θ(aᵀG(θ)u) of the reference, i.e. Algorithm 1's hypergradient with g_{t+1} = a, m_t = u.</summary>
    private static double[] Reference(IPreconditionerModel model, double[] theta, double[] a, double[] u) =>
        (-model.BilinearGradient(Vector<double>.Build.DenseOfArray(theta), Vector<double>.Build.DenseOfArray(a), Vector<double>.Build.DenseOfArray(u))).ToArray();

    /// <summary>
    /// By definition: ℓ_{t+1}(θ) = f(x − G(θ)u) has ∂ℓ/∂θ_j = −∂_j(aᵀG(θ)u) for a = ∇f(x_{t+1}) held fixed, and aᵀG(θ)u is a
    /// polynomial of degree ≤ 2 in each single θ_j, so [φ(θ + e_j) − φ(θ − e_j)]/2 is its exact partial derivative.
    /// </summary>
    private static Fraction[] ByDefinition(Func<Fraction[], Fraction> phi, Fraction[] theta) =>
        Enumerable.Range(0, theta.Length).Select(j =>
        {
            var plus = (Fraction[])theta.Clone();
            var minus = (Fraction[])theta.Clone();
            plus[j] += Fraction.One;
            minus[j] -= Fraction.One;
            return -(phi(plus) - phi(minus)) / new Fraction(2);
        }).ToArray();

    private static double[] ByDefinitionDouble(Func<double[], double> phi, double[] theta) =>
        Enumerable.Range(0, theta.Length).Select(j =>
        {
            var plus = (double[])theta.Clone();
            var minus = (double[])theta.Clone();
            plus[j] += 1;
            minus[j] -= 1;
            return -(phi(plus) - phi(minus)) / 2;
        }).ToArray();

    private static Inequality<BlockNetworkInput> Hypergradient(bool dense) => new()
    {
        Name = dense ? "hypergradient-dense-G" : "hypergradient-eq-2-G",
        Description = dense
            ? "For the dense G of §4.1 (n ∈ 1..5, arbitrary θ): the closed-form hypergradient −g_{t+1}m_tᵀ equals −∂_θ(g_{t+1}ᵀG(θ)m_t) by definition."
            : "For G of eq. (2) (n ∈ 1..5, k ∈ 1..3, N ∈ 1..3, arbitrary θ): the reverse-mode hypergradient equals −∂_θ(g_{t+1}ᵀG(θ)m_t) by definition.",
        Tolerance = "Double: max-entry difference ≤ 1e-9 of the largest entry (both sides are a few hundred rounded products of O(1) numbers). Exact: the definition as an exact central difference with step 1 (exact for polynomials of degree ≤ 2 in each coordinate).",
        Relation = Relation.Equal,
        RelativeTolerance = 1e-9,
        Generator = BlockNetworkInput.Generator(Gen.Elements(1.0, 0.27, -0.5, 2.0)),
        Edges = () => BlockNetworkInput.Edges(1.0),
        Move = (e, r) => e with { Seed = r.Next() },
        Sides = e =>
        {
            var (a, u) = Vectors(e);
            IPreconditionerModel model = dense ? new DensePreconditioner(e.N, e.Alpha0) : e.Model();
            var theta = dense ? e.ArbitraryTheta().Take(e.N * e.N).ToArray() : e.ArbitraryTheta();
            var reference = Reference(model, theta, a, u);
            var definition = ByDefinitionDouble(t => Vector<double>.Build.DenseOfArray(a).DotProduct(model.Apply(Vector<double>.Build.DenseOfArray(t), Vector<double>.Build.DenseOfArray(u))), theta);
            double diff = reference.Zip(definition, (x, y) => System.Math.Abs(x - y)).Max();
            double scale = System.Math.Max(reference.Concat(definition).Max(System.Math.Abs), 1e-300);
            return new Sides(diff, 0, scale);
        },
        ExactSides = (e, _) =>
        {
            var (a, u) = Vectors(e);
            var ae = ExactBlockNetwork.Exact(a);
            var ue = ExactBlockNetwork.Exact(u);
            double[] theta;
            Fraction[] definition;
            double[] reference;
            if (dense)
            {
                theta = e.ArbitraryTheta().Take(e.N * e.N).ToArray();
                reference = Reference(new DensePreconditioner(e.N, e.Alpha0), theta, a, u);
                definition = ByDefinition(t =>
                {
                    var g = ExactMatrix.Build(e.N, e.N, (i, j) => t[i * e.N + j]);
                    return (ExactMatrix.Column(ae).Transpose() * g * ExactMatrix.Column(ue))[0, 0];
                }, ExactBlockNetwork.Exact(theta));
            }
            else
            {
                var model = e.Model();
                theta = e.ArbitraryTheta();
                reference = Reference(model, theta, a, u);
                definition = ByDefinition(t => ExactBlockNetwork.Bilinear(model, t, ae, ue), ExactBlockNetwork.Exact(theta));
            }
            // Compare the double reference with the exact derivative: the exact side is what the reference should equal.
            var worst = reference.Zip(definition, (x, y) => { var d = ExactDouble.ToFraction(x) - y; return d.Sign() < 0 ? -d : d; })
                .Aggregate(Fraction.Zero, FractionExtensions.Max);
            return new ExactSides(RationalInterval.Exact(worst), RationalInterval.Zero);
        },
        Show = e => e.Describe(),
        Why = _ => "The hypergradient differs from the derivative of the loss after the step.",
    };

    /// <summary>Algorithm 1 from the orthogonal θ₀: x₁ = x₀ (m₀ = 0) and x₂ = x₀ − α₀(1 − β)∇f(x₀) on f = ½xᵀHx.</summary>
    private static Inequality<BlockNetworkInput> StartsAsSgd() => new()
    {
        Name = "starts-as-sgd-with-rate-alpha0",
        Description = "For G of eq. (2) at orthogonal θ₀ (exactly orthogonal rational blocks, rounded), β ∈ {0, 0.195, 0.5, 0.9}, Adam meta-step: the first two iterates of Algorithm 1 on f = ½xᵀHx are x₁ = x₀ and x₂ = x₀ − α₀(1 − β)Hx₀.",
        Tolerance = "Double: relative 1e-12 (θ₀ is orthogonal up to rounding, and the first meta-step is Adam of a zero hypergradient, exactly 0). Exact: the same two steps with the exact orthogonal blocks.",
        Relation = Relation.Equal,
        RelativeTolerance = 1e-12,
        Generator = BlockNetworkInput.Generator(Gen.Elements(1.0, 0.27, 0.5, 2.0)),
        Edges = () => BlockNetworkInput.Edges(0.27),
        Move = (e, r) => e with { Seed = r.Next() },
        Sides = e =>
        {
            var (h, x0, beta) = Problem(e);
            var hm = Matrix<double>.Build.Dense(e.N, e.N, (i, j) => h[i, j]);
            var x = Vector<double>.Build.DenseOfArray(x0);
            var theta = BlockNetworkInput.Vector(BlockNetworkInput.Round(e.OrthogonalTheta()));
            var lodo = Verification.Optimizers.Lodo.Lodo.WithAdam(e.Model(), 0.001, beta, e.Seed);
            var run = lodo.Begin(x, hm * x, theta);
            var x1 = run.Propose();
            run.Accept(hm * x1);
            var x2 = run.Propose();
            var expected = x - e.Alpha0 * (1 - beta) * (hm * x);
            double diff = System.Math.Max((x1 - x).AbsoluteMaximum(), (x2 - expected).AbsoluteMaximum());
            return new Sides(diff, 0, System.Math.Max(1, expected.AbsoluteMaximum()));
        },
        ExactSides = (e, _) =>
        {
            var (h, x0, beta) = Problem(e);
            var he = ExactMatrix.FromIntegers(h);
            var x = ExactMatrix.Column(x0.Select(v => new Fraction((long)v)).ToArray());
            var g = ExactBlockNetwork.Dense(e.Model(), e.OrthogonalTheta());
            var b = ExactDouble.ToFraction(beta);
            var m1 = (Fraction.One - b) * (he * x);              // m₁ = βm₀ + (1 − β)∇f(x₁), x₁ = x₀
            var x2 = x - g * m1;                                  // θ₁ = θ₀: Adam of a zero hypergradient is 0
            var expected = x - ExactDouble.ToFraction(e.Alpha0) * m1;
            return new ExactSides(RationalInterval.Exact((x2 - expected).MaxAbs()), RationalInterval.Zero);
        },
        Show = e => e.Describe(),
        Why = _ => "LODO does not start as SGD with rate α₀.",
    };

    private static (long[,] H, double[] X0, double Beta) Problem(BlockNetworkInput e)
    {
        var r = new System.Random(e.Seed ^ 0x27D4EB2F);
        var m = new long[e.N, e.N];
        for (int i = 0; i < e.N; i++) for (int j = 0; j < e.N; j++) m[i, j] = r.Next(-2, 3);
        var h = new long[e.N, e.N];
        for (int i = 0; i < e.N; i++)
            for (int j = 0; j < e.N; j++)
            {
                long s = i == j ? 1 : 0;
                for (int l = 0; l < e.N; l++) s += m[l, i] * m[l, j];
                h[i, j] = s;
            }
        var x0 = Enumerable.Range(0, e.N).Select(_ => (double)r.Next(-3, 4)).ToArray();
        double[] betas = [0, 0.195, 0.5, 0.9];
        return (h, x0, betas[r.Next(betas.Length)]);
    }

    internal static Claim Claim() => new(
        "lodo/alg-1",
        LodoSources.Of("Algorithm 1", "(1), (2)", "3"),
        "LODO: x_{t+1} = x_t − G(θ_t)m_t; ℓ_{t+1} = f(x_{t+1}); θ_{t+1} = θ_t + Adam(∇_θ ℓ_{t+1}); m_{t+1} = βm_t + (1 − β)∇ℓ_{t+1}; m₀ = 0; θ₀ random orthogonal blocks (G(θ₀) = α₀I).",
        "Conformance of the reference implementation for both G models (the dense G of §4.1 and the block/permutation G of eq. 2): the hypergradient is the derivative of the loss after the step through the step, and from θ₀ the algorithm begins as SGD with rate α₀.",
        [Hypergradient(false), Hypergradient(true), StartsAsSgd()]);
}
