using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.AutoDiff;

namespace Verification.Claims.Catalog.Balles;

/// <summary>balles eq. (D.16): ∇²_f(−log p(y|f)) = diag(π) − ππᵀ for the softmax likelihood.</summary>
internal static class EqD16
{
    internal static Claim Claim() => new(
        "balles/eq-D.16",
        FisherSources.Of("eq. (D.16)", "(D.16)", "D.1.2"),
        "∇²_f(−log p(y|f)) = diag(π) − ππᵀ, π = softmax(f).",
        "As written, for every label y (the right side does not depend on y): the forward-mode Hessian of −log p(y|f) = −f_y + log Σ e^{f_c} against diag(π) − ππᵀ.",
        [new DiagonalMinusOuter()]);

    /// <summary>∇²_f(−log p(y|f)) (forward mode) = diag(π) − ππᵀ.</summary>
    private sealed class DiagonalMinusOuter : Statement<SoftmaxCase>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public DiagonalMinusOuter()
        {
            Name = "diag-minus-outer";
            Description = "For all f ∈ [−5, 5]^C and labels y: ∇²_f(−log p(y|f)) = diag(π) − ππᵀ.";
            Tolerance = SoftmaxFormulas.ToleranceText;
            Domain = SoftmaxCase.Domain;
            MarginUnit = "relative to max_i π_i";
        }

        public override Relation<T> Evaluate<T>(SoftmaxCase input)
        {
            var f = input.Read<T>();
            int c = f.Length;
            var shape = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.CategoricalSoftmax, 1, 1, c);
            var label = CurvatureFormulas.Label<HyperDualReal<T>>(shape, input.Y);
            var hessian = ForwardModeFormulas.Hessian(v => -CurvatureFormulas.LogDensity(shape, label, v), f);
            var (e, s) = SoftmaxFormulas.Exponentials(f);
            var pi = e.Select(v => v / s).ToArray();
            var closed = RealMatrix<T>.Create(c, c, (i, j) => (i == j ? pi[i] : T.Of(0)) - pi[i] * pi[j]);
            return MatrixRelation.Equal(hessian, closed, pi.Aggregate(T.Max), SoftmaxFormulas.Allowance);
        }

        public override string Explain(SoftmaxCase input) => "The Hessian of the categorical negative log-likelihood differs from diag(π) − ππᵀ.";
    }
}
