using Verification.Engine;
using Verification.Numerics.Arithmetic;

namespace OwnLemma.Tests;

/// <summary>The descent lemma of gradient descent on f(θ) = ½θᵀAθ, A ⪰ 0 with λmax(A) ≤ L, at the step size η = k/L.</summary>
public sealed class DescentLemma(int k) : Lemma<SymmetricMatrix, double[], double>($"gd-descent-step-{k}-over-L",
    $"f(θ − η∇f(θ)) ≤ f(θ) − (η/2)‖∇f(θ)‖² for f(θ) = ½θᵀAθ, A ⪰ 0, λmax(A) ≤ L, η = {k}/L",
    Domains.PositiveSemidefinite("A", 3), Domains.Vector("θ", 3), Domains.Positive("L"))
{
    public override string Note => "every 3×3 A ⪰ 0 (exact spectrum), θ ∈ ℝ³, L ≥ λmax(A); k is the step size rule";

    public override string MarginUnit => "relative to f(θ) + η‖∇f(θ)‖²";

    public override Relation<T> Evaluate<T>(SymmetricMatrix a, double[] theta, double l)
    {
        var (A, θ, L) = (a.Read<T>(), RealVector.Input<T>(theta), T.Input(l));
        Assume.That(a.LargestEigenvalue<T>() <= L, "λmax(A) ≤ L");
        T η = k / L, gg = RealVector.Dot(A * θ, A * θ);
        T f(T[] x) => RealVector.Dot(x, A * x) / 2;
        var next = θ.Zip(A * θ, (x, g) => x - η * g).ToArray();
        return Relation.LessOrEqual(f(next), f(θ) - η / 2 * gg, f(θ) + η * gg);
    }
}
