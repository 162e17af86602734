using MathNet.Numerics.LinearAlgebra;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Lodo;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>
/// lodo.md App. B, Lemma B.1 (A ≻ 0, B symmetric full-rank with a negative eigenvalue ⇒ AB has a negative eigenvalue) and
/// its use in §4.2 (A = G(θ), B = H: I − GH has an eigenvalue of modulus &gt; 1; its eigenvector y has yᵀHy &lt; 0).
/// AB has the characteristic polynomial of the symmetric A^½BA^½ (so its eigenvalues are real, also for A ⪰ 0 singular),
/// and "some eigenvalue is negative" is decided without eigenvalues, through the signs of the elementary symmetric
/// polynomials of the spectrum (<see cref="Spectra"/>).
/// </summary>
internal static class LemmaB1
{
    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "lodo/lemma-B.1",
            LodoSources.Of("Lemma B.1, §4.2", null, "B, 4.2"),
            "Let A and B be symmetric full-rank n×n matrices, A positive-definite and B with at least one negative eigenvalue. Then AB has at least one negative eigenvalue. Consequently (§4.2) A = I − G(θ)H has an eigenvalue of modulus > 1 and its eigenvector y has yᵀHy < 0.",
            "As stated, with G ≻ 0 for the §4.2 consequences: A = MᵀM + qI (q ∈ {1/64, 1}), B symmetric with entries in −3..3, n ∈ 1..4, exactly.",
            [new NegativeEigenvalue(), new ModulusAboveOne(), new NegativeCurvature()]);
        yield return new Claim(
            "lodo/lemma-B.1/singular-preconditioner",
            LodoSources.Of("§4.2 with eq. (2)", "(2)", "4.2"),
            "§4.2 applies Lemma B.1 with A = G(θ) of eq. (2), \"a positive-definite symmetric matrix in most cases of θ\".",
            "G(θ) of eq. (2) (α₀ = 1, n ∈ 1..3, θ arbitrary) is only positive semi-definite (eq-2-psd): the lemma's hypothesis A ≻ 0 fails where G̃(θ)(I 0)ᵀ is rank-deficient. The paper's hedge \"in most cases of θ\" is formalized as what it says: for almost every θ, so only an open set of θ (and H) on which GH has no negative eigenvalue would refute; a singular G at a point, where the hedge applies, is reported as an allowed exception.",
            [new NetworkNegativeEigenvalue()]);
    }

    private const string Tolerance = "Exact arithmetic decides (the characteristic polynomial of the exact product). Double-only allowance 1e-12 of the scale: a singular or nearly singular product has e_n = ±rounding in doubles and is settled exactly.";

    /// <summary>The lemma's hypotheses on B: full rank, a negative eigenvalue (Descartes' count on its real-rooted characteristic polynomial).</summary>
    private static void AssumeIndefinite<T>(RealMatrix<T> b, string name) where T : IReal<T>
    {
        Assume.NonZero(RealMatrixAlgebra.Determinant(b), $"{name} is full rank");
        Assume.That(Spectra.NegativeEigenvalues(b) >= 1, $"{name} has a negative eigenvalue");
    }

    private static (RealMatrix<T> A, RealMatrix<T> B) ReadPair<T>(MatrixPairInput input) where T : IReal<T>
    {
        var a = SymmetricInput.Read<T>(input.N, input.AUpper);
        var b = SymmetricInput.Read<T>(input.N, input.BUpper);
        Assume.That(RealMatrixAlgebra.IsPositiveDefinite(a), "A ≻ 0");
        AssumeIndefinite(b, "B");
        return (a, b);
    }

    /// <summary>λ_min(AB) &lt; 0, as min_m e_m(λ(AB))/s^m &lt; 0.</summary>
    internal sealed class NegativeEigenvalue : Statement<MatrixPairInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public NegativeEigenvalue()
        {
            Name = "AB-has-a-negative-eigenvalue";
            Description = "For A ≻ 0 and B symmetric, full rank, with a negative eigenvalue (n ∈ 1..4): AB has a negative eigenvalue, i.e. min_m e_m(λ(AB))/s^m < 0 (AB's spectrum is real; it has no negative eigenvalue exactly when every e_m ≥ 0).";
            Tolerance = LemmaB1.Tolerance;
            MarginUnit = "the least e_m(λ(AB)) relative to (n·max(|A||B|))^m, which bounds its terms";
            Domain = MatrixPairInput.Domain;
        }

        public override Relation<T> Evaluate<T>(MatrixPairInput input)
        {
            var (a, b) = ReadPair<T>(input);
            var ab = a * b;
            var least = Spectra.LeastNormalizedElementary(ab, (RealMatrixAlgebra.Abs(a) * RealMatrixAlgebra.Abs(b)).MaxAbs());
            return Relation.Less(least, T.Of(0), T.Of(1), 1e-12).Labelled("min_m e_m(λ(AB))/s^m < 0");
        }

        public override string Explain(MatrixPairInput input) => "AB has no negative eigenvalue.";
    }

    /// <summary>I − AB has an eigenvalue μ with |μ| &gt; 1: not every λ(AB) lies in [0, 2].</summary>
    internal sealed class ModulusAboveOne : Statement<MatrixPairInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public ModulusAboveOne()
        {
            Name = "I-minus-GH-has-modulus-above-one";
            Description = "§4.2 with G = A ≻ 0 and H = B as in the lemma: I − GH has an eigenvalue of modulus > 1 (so b = x − x* blows up along it). Its eigenvalues 1 − λ are real; all have modulus ≤ 1 exactly when every λ(GH) ∈ [0, 2], i.e. every e_m(λ(GH)) ≥ 0 and every e_m(λ(2I − GH)) ≥ 0.";
            Tolerance = LemmaB1.Tolerance;
            MarginUnit = "the least e_m of λ(GH) or of λ(2I − GH), relative to (n·(max(|G||H|) + 2))^m";
            Domain = MatrixPairInput.Domain;
        }

        public override Relation<T> Evaluate<T>(MatrixPairInput input)
        {
            var (g, h) = ReadPair<T>(input);
            var gh = g * h;
            var size = (RealMatrixAlgebra.Abs(g) * RealMatrixAlgebra.Abs(h)).MaxAbs() + 2;
            var below = Spectra.LeastNormalizedElementary(gh, size);
            var above = Spectra.LeastNormalizedElementary(2 * RealMatrix<T>.Identity(input.N) - gh, size);
            return Relation.Less(T.Min(below, above), T.Of(0), T.Of(1), 1e-12).Labelled("some eigenvalue of GH lies outside [0, 2]");
        }

        public override string Explain(MatrixPairInput input) => "I − GH has no eigenvalue of modulus above 1.";
    }

    /// <summary>yᵀHy &lt; 0 at the eigenvector y of GH for its least eigenvalue (a witness computed in doubles).</summary>
    internal sealed class NegativeCurvature : Statement<MatrixPairInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public NegativeCurvature()
        {
            Name = "eigenvector-has-negative-curvature";
            Description = "§4.2: the eigenvector y of GH for its negative eigenvalue has yᵀHy < 0 (y computed by a double eigen-decomposition of GH; yᵀHy evaluated at that y).";
            Tolerance = "Exact: yᵀHy in rationals at the computed y, a constant of the statement (the exact eigenvector is irrational in general): a certificate about the computed y, which lies within rounding of the true one, where yᵀHy = λ·yᵀG⁻¹y is bounded away from 0. Double-only allowance 1e-12 of ‖y‖²·n·max|H|.";
            MarginUnit = "yᵀHy relative to ‖y‖²·n·max|H_ij|";
            Domain = MatrixPairInput.Domain;
        }

        public override Relation<T> Evaluate<T>(MatrixPairInput input)
        {
            var (g, h) = ReadPair<T>(input);
            // The witness: the eigenvector of the least eigenvalue of GH, from the input doubles (outside the arithmetic).
            int n = input.N;
            var gd = Matrix<double>.Build.DenseOfRowMajor(n, n, SymmetricInput.Full(n, input.AUpper));
            var hd = Matrix<double>.Build.DenseOfRowMajor(n, n, SymmetricInput.Full(n, input.BUpper));
            var evd = (gd * hd).Evd();
            int least = 0;
            for (int j = 1; j < n; j++)
                if (evd.EigenValues[j].Real < evd.EigenValues[least].Real)
                    least = j;
            var y = evd.EigenVectors.Column(least).Select(T.Of).ToArray();
            var curvature = RealVector.Dot(y, h * y);
            var scale = RealVector.Dot(y, y) * h.MaxAbs() * n;
            return Relation.Less(curvature, T.Of(0), scale, 1e-12).Labelled("yᵀHy < 0");
        }

        public override string Explain(MatrixPairInput input) => "The repelling direction is not one of negative curvature.";
    }

    /// <summary>GH has a negative eigenvalue for G = G(θ) of eq. (2), for almost every θ.</summary>
    internal sealed class NetworkNegativeEigenvalue : Statement<NetworkPairInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public NetworkNegativeEigenvalue()
        {
            Name = "AB-has-a-negative-eigenvalue";
            Description = "For almost every θ of eq. (2) (n ∈ 1..3, k ∈ 1..3, N ∈ 1..2, α₀ = 1) and H symmetric, full rank, with a negative eigenvalue: G(θ)H has a negative eigenvalue (min_m e_m(λ(GH))/s^m < 0).";
            Tolerance = LemmaB1.Tolerance + " Almost everywhere: a certified violation counts only if it holds on an exact box around the input (open set); a violation at a singular G alone is the measure-zero exception the hedge allows.";
            MarginUnit = "the least e_m(λ(GH)) relative to (n·max(|G||H|))^m";
            AlmostEverywhere = true;
            Domain = NetworkPairInput.Domain;
        }

        public override Relation<T> Evaluate<T>(NetworkPairInput input)
        {
            var (theta, alpha0) = input.Network.Read<T>();
            Assume.Positive(alpha0, "α₀ > 0");
            var h = SymmetricInput.Read<T>(input.Dimension, input.HUpper);
            AssumeIndefinite(h, "H");
            var model = input.Network.Shape.Model();
            var g = BlockNetworkFormulas.Dense(model, theta, alpha0);
            var terms = BlockNetworkFormulas.Dense(model, [.. theta.Select(T.Abs)], T.Abs(alpha0));
            var least = Spectra.LeastNormalizedElementary(g * h, (terms * RealMatrixAlgebra.Abs(h)).MaxAbs());
            return Relation.Less(least, T.Of(0), T.Of(1), 1e-12).Labelled("min_m e_m(λ(GH))/s^m < 0");
        }

        public override string Explain(NetworkPairInput input) =>
            "G(θ) is singular here and H's negative-curvature direction lies in its kernel: GH has no negative eigenvalue and I − GH none of modulus > 1, so the saddle is not repelled along it. Lemma B.1 needs G ≻ 0, which eq. (2) gives for almost every θ, not every θ.";
    }
}
