using Fractions;
using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Engine;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using static Verification.Claims.Catalog.Balles.Chapter6.SignExact;

namespace Verification.Claims.Catalog.Balles.Chapter6;

/// <summary>f(θ) = ½θᵀAθ + Σ_i c_i·½log(1 + θ_i²) (<see cref="Optimizers.Sign.LogPerturbedQuadratic"/>) and two points.</summary>
internal sealed record PerturbedCase(double[,] A, double[] C, double[] Theta, double[] ThetaPrime);

/// <summary>
/// balles-thesis Prop. 6.3: a twice-differentiable f is L-smooth w.r.t. ‖·‖ iff ‖∇²f(θ)‖ ≤ L for all θ, with the induced
/// norm ‖H‖ = max_{‖θ‖≤1}‖Hθ‖_* of eq. (6.17).
/// </summary>
internal static class Prop63
{
    internal static Claim Claim() => new(
        "balles/prop-6.3",
        SignSources.Of("Proposition 6.3", "(6.17)", "6.4.1"),
        "A twice-differentiable f: ℝ^d → ℝ is L-smooth w.r.t. ‖·‖ if and only if ‖∇²f(θ)‖ ≤ L for all θ (‖·‖ the induced norm (6.17)).",
        "The \"if\" direction on a non-quadratic f = ½θᵀAθ + Σ c_i·½log(1+θ_i²), c_i ≥ 0, whose gradient Aθ + c∘θ/(1+θ²) is rational: " +
        "ψ(t) = ½log(1+t²) has ψ'' ∈ [−1/8, 1] (ends at t = √3 and t = 0), the induced norm is convex in the diagonal, so " +
        "L = sup_θ‖∇²f(θ)‖ = max over c_i·ψ'' ∈ {c_i, −c_i/8} of ‖A + diag(·)‖, computed exactly; then ‖∇f(θ') − ∇f(θ)‖_* ≤ L‖θ' − θ‖ is " +
        "checked for the maximum norm and the ℓ1 norm. For quadratics the \"only if\" direction is the definition of the induced norm " +
        "(the maximizing vertex of eq. 6.18 attains the ratio); it is exercised by the eq-6.18 and lemma-6.1 checks.",
        [For(SteepestNorm.Max), For(SteepestNorm.One)]);

    private static readonly Gen<PerturbedCase> Generator = Gen.Choose(1, 3).SelectMany(d =>
        Gen.Frequency((3, SignInputs.Symmetric(d)), (2, SignInputs.Psd(d)), (1, SignInputs.Diagonal(d)))
            .SelectMany(a => Gen.Frequency((3, Gen.Choose(0, 4).Select(i => (double)i)), (1, EdgeDoubles.NonNegative(1e-3, 1e3))).ArrayOf(d)
                .SelectMany(c => Gen.Frequency((3, SignInputs.Vector(d)), (1, Gen.Constant(Enumerable.Repeat(System.Math.Sqrt(3), d).ToArray())))
                    .SelectMany(t => SignInputs.Vector(d).Select(tp => new PerturbedCase(a, c, t, tp))))));

    private static Inequality<PerturbedCase> For(SteepestNorm norm) => new()
    {
        Name = SteepestNorms.Label(norm),
        Description = $"For all θ, θ': ‖∇f(θ') − ∇f(θ)‖_* ≤ (sup_θ‖∇²f(θ)‖)·‖θ' − θ‖ in the {SteepestNorms.Label(norm)}.",
        Tolerance = "None: gradients and the constant are rational and evaluated exactly when doubles disagree.",
        Generator = Generator,
        Edges = () =>
        [
            new PerturbedCase(new double[,] { { 0 } }, [1], [0], [1]),
            new PerturbedCase(new double[,] { { 1, 1 }, { 1, 1 } }, [2, 2], [0, 0], [1e-3, -1e-3]),
            new PerturbedCase(new double[,] { { -1, 2 }, { 2, 0 } }, [4, 1], [1.7320508075688772, 0], [1.75, 0.5]),
        ],
        Show = c => [SignInputs.ShowMatrix("A", c.A), NamedValue.Of("c", c.C), NamedValue.Of("θ", c.Theta), NamedValue.Of("θ'", c.ThetaPrime)],
        Hypotheses = c => c.C.All(v => v >= 0) ? null : "some c_i < 0",
        Sides = c =>
        {
            var diff = SignDouble.Sub(Gradient(c.A, c.C, c.ThetaPrime), Gradient(c.A, c.C, c.Theta));
            double lhs = SteepestNorms.Dual(norm, diff);
            double rhs = Sup(norm, c.A, c.C) * SteepestNorms.Primal(norm, SignDouble.Sub(c.ThetaPrime, c.Theta));
            return new Sides(lhs, rhs, lhs + rhs);
        },
        ExactSides = (c, _) =>
        {
            var a = F(c.A);
            var cc = F(c.C);
            var diff = Sub(Gradient(a, cc, F(c.ThetaPrime)), Gradient(a, cc, F(c.Theta)));
            return new ExactSides(I(SteepestNorms.Dual(norm, diff)),
                I(Sup(norm, a, cc) * SteepestNorms.Primal(norm, Sub(F(c.ThetaPrime), F(c.Theta)))));
        },
        Why = _ => "The gradient moves by more than sup‖∇²f‖ allows.",
    };

    private static double[] Gradient(double[,] a, double[] c, double[] t) =>
        new Optimizers.Sign.LogPerturbedQuadratic(MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(a),
            MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(c)).Gradient(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(t)).ToArray();

    private static Fraction[] Gradient(Fraction[,] a, Fraction[] c, Fraction[] t)
    {
        var g = MatVec(a, t);
        for (int i = 0; i < t.Length; i++)
            g[i] += c[i] * t[i] / (Fraction.One + t[i] * t[i]);
        return g;
    }

    private static double Sup(SteepestNorm norm, double[,] a, double[] c)
    {
        int d = c.Length;
        double best = 0;
        for (int mask = 0; mask < 1 << d; mask++)
        {
            var h = (double[,])a.Clone();
            for (int i = 0; i < d; i++)
                h[i, i] += ((mask >> i) & 1) == 1 ? -c[i] / 8 : c[i];
            best = System.Math.Max(best, SteepestNorms.Constant(norm, h));
        }
        return best;
    }

    private static Fraction Sup(SteepestNorm norm, Fraction[,] a, Fraction[] c)
    {
        int d = c.Length;
        var best = Fraction.Zero;
        for (int mask = 0; mask < 1 << d; mask++)
        {
            var h = (Fraction[,])a.Clone();
            for (int i = 0; i < d; i++)
                h[i, i] += ((mask >> i) & 1) == 1 ? -c[i] / 8 : c[i];
            var v = SteepestNorms.Constant(norm, h);
            if (v > best) best = v;
        }
        return best;
    }
}
