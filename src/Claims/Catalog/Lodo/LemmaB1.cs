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
/// lodo.md App. B, Lemma B.1 (A ≻ 0, B symmetric full-rank with a negative eigenvalue ⇒ AB has a negative eigenvalue) and
/// its use in §4.2 (A = G(θ), B = H: I − GH has an eigenvalue of modulus &gt; 1; its eigenvector y has yᵀHy &lt; 0).
/// AB is similar to A^½BA^½, so its eigenvalues are real, and the exact side counts its negative eigenvalues by
/// Descartes' rule on det(−λI − AB), exact for polynomials with only real roots.
/// </summary>
internal static class LemmaB1
{
    /// <summary>The pair (A, B) in exact rationals and where it came from.</summary>
    internal sealed record PairInput(ExactMatrix A, ExactMatrix B, string Origin);

    /// <summary>Negative eigenvalues of AB (all real), counted exactly with multiplicity.</summary>
    internal static int NegativeEigenvalues(ExactMatrix a, ExactMatrix b)
    {
        var c = (a * b).CharacteristicPolynomial();
        // p(−λ) has coefficients (−1)^j c_j; its positive roots are the negative roots of p.
        int changes = 0, last = 0;
        for (int j = 0; j < c.Length; j++)
        {
            int sign = c[j].Sign() * (j % 2 == 0 ? 1 : -1);
            if (sign == 0) continue;
            if (last != 0 && sign != last) changes++;
            last = sign;
        }
        return changes;
    }

    private static (double Lambda, Vector<double> Y) SmallestEigen(PairInput p)
    {
        var ab = (p.A * p.B).ToDouble();
        var evd = ab.Evd();
        int i = 0;
        for (int j = 1; j < evd.EigenValues.Count; j++)
            if (evd.EigenValues[j].Real < evd.EigenValues[i].Real) i = j;
        return (evd.EigenValues[i].Real, evd.EigenVectors.Column(i));
    }

    private static Gen<PairInput> Generated { get; } =
        from n in Gen.Choose(1, 4)
        from seed in Gen.Choose(0, int.MaxValue)
        select Draw(n, seed);

    private static PairInput Draw(int n, int seed)
    {
        var r = new System.Random(seed);
        var m = ExactMatrix.Build(n, n, (_, _) => new Fraction(r.Next(-2, 3)));
        var shift = r.Next(2) == 0 ? new Fraction(1, 64) : Fraction.One; // nearly singular A as well
        var a = m.Transpose() * m + shift * ExactMatrix.Identity(n);
        var s = new long[n, n];
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++) { s[i, j] = r.Next(-3, 4); s[j, i] = s[i, j]; }
        return new PairInput(a, ExactMatrix.FromIntegers(s), $"n={n}, seed={seed}");
    }

    private static string? Hypotheses(PairInput p)
    {
        var c = p.B.CharacteristicPolynomial();
        if (c[0].IsZero) return "B is singular";
        var eig = p.B.ToDouble().Evd(Symmetricity.Symmetric).EigenValues.Select(z => z.Real);
        return eig.Min() < 0 ? null : "B has no negative eigenvalue";
    }

    private static IReadOnlyList<NamedValue> Show(PairInput p) =>
        [NamedValue.Text("A", p.A.ToString()), NamedValue.Text("B", p.B.ToString()), NamedValue.Text("origin", p.Origin)];

    private static ExactSides CountSides(PairInput p) =>
        new(RationalInterval.Exact(new Fraction(-NegativeEigenvalues(p.A, p.B))), RationalInterval.Zero);

    private static Inequality<PairInput> NegativeEigenvalue(Gen<PairInput> generator, Func<IEnumerable<PairInput>> edges, Func<PairInput, string?> hypotheses, string why) => new()
    {
        Name = "AB-has-a-negative-eigenvalue",
        Description = "For A ≻ 0 and B symmetric, full rank, with a negative eigenvalue (n ∈ 1..4, small integers): λ_min(AB) < 0.",
        Tolerance = "Double: λ_min(AB) < 0 strictly, from a general eigen-decomposition. Exact: the number of negative eigenvalues of AB by Descartes' rule on det(−λI − AB) (exact: all roots are real); the exact lhs is minus that count, so lhs < 0 ⇔ a negative eigenvalue exists.",
        Relation = Relation.Less,
        Generator = generator,
        Edges = edges,
        Hypotheses = hypotheses,
        Sides = p =>
        {
            double scale = System.Math.Max(p.A.ToDouble().L2Norm() * p.B.ToDouble().L2Norm(), double.Epsilon);
            return new Sides(SmallestEigen(p).Lambda, 0, scale);
        },
        ExactSides = (p, _) => CountSides(p),
        Show = Show,
        Why = _ => why,
    };

    private static Inequality<PairInput> ModulusAboveOne() => new()
    {
        Name = "I-minus-GH-has-modulus-above-one",
        Description = "§4.2: for G ≻ 0 and H as in the lemma, I − GH has an eigenvalue of modulus > 1 (so b = x − x* blows up along it).",
        Tolerance = "Double: 1 < max|1 − λ_i(GH)| strictly. Exact: 1 − λ > 1 ⇔ λ < 0, decided by the exact count of negative eigenvalues.",
        Relation = Relation.Less,
        Generator = Generated,
        Edges = () => [Draw(2, 1), Draw(3, 2), Draw(4, 3)],
        Hypotheses = Hypotheses,
        Sides = p =>
        {
            var evd = (p.A * p.B).ToDouble().Evd();
            double radius = evd.EigenValues.Select(z => (1 - z).Magnitude).Max();
            return new Sides(1, radius, 1);
        },
        ExactSides = (p, _) => CountSides(p),
        Show = Show,
        Why = _ => "I − GH has no eigenvalue of modulus above 1.",
    };

    private static Inequality<PairInput> NegativeCurvature() => new()
    {
        Name = "eigenvector-has-negative-curvature",
        Description = "§4.2: the eigenvector y of GH for its negative eigenvalue has yᵀHy < 0.",
        Tolerance = "Double: yᵀHy/(‖y‖²‖H‖) < 0 with y from the eigen-decomposition. Exact: yᵀHy in rationals at that (rounded) y: a certificate about the computed y, which is within rounding of the true eigenvector.",
        Relation = Relation.Less,
        Generator = Generated,
        Edges = () => [Draw(2, 1), Draw(3, 2), Draw(4, 3)],
        Hypotheses = Hypotheses,
        Sides = p =>
        {
            var (_, y) = SmallestEigen(p);
            var h = p.B.ToDouble();
            return new Sides(y.DotProduct(h * y) / (y.DotProduct(y) * System.Math.Max(h.L2Norm(), double.Epsilon)), 0, 1);
        },
        ExactSides = (p, _) =>
        {
            var (_, y) = SmallestEigen(p);
            var ye = ExactMatrix.Column(y.Select(ExactDouble.ToFraction).ToArray());
            return new ExactSides(RationalInterval.Exact((ye.Transpose() * p.B * ye)[0, 0]), RationalInterval.Zero);
        },
        Show = Show,
        Why = _ => "The repelling direction is not one of negative curvature.",
    };

    /// <summary>
    /// G of eq. (2) with n = 2, k = 2, ñ = 4, N = 1, P = I, first block diag(1, 0), second block I, α₀ = 1: G = diag(1, 0)
    /// (PSD, singular), and H = diag(1, −1).
    /// </summary>
    internal static PairInput SingularEdge()
    {
        var g = new BlockPermutationPreconditioner(2, 4, 2, [[0, 1, 2, 3]], 1.0);
        var theta = ExactBlockNetwork.Exact([1, 0, 0, 0, 1, 0, 0, 1]);
        var h = ExactMatrix.FromIntegers(new long[,] { { 1, 0 }, { 0, -1 } });
        return new PairInput(ExactBlockNetwork.Dense(g, theta), h, "eq. (2): n=2, k=2, ñ=4, N=1, P=I, blocks diag(1,0) and I, α₀=1");
    }

    private static Gen<PairInput> SingularGenerated { get; } =
        from n in Gen.Choose(1, 3)
        from seed in Gen.Choose(0, int.MaxValue)
        select FromNetwork(n, seed);

    private static PairInput FromNetwork(int n, int seed)
    {
        var input = new BlockNetworkInput(n, 2, 1, 0, 1.0, seed);
        var theta = input.ArbitraryTheta();
        var g = ExactBlockNetwork.Dense(input.Model(), ExactBlockNetwork.Exact(theta));
        return new PairInput(g, Draw(n, seed).B, $"eq. (2) with arbitrary θ, n={n}, seed={seed}");
    }

    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "lodo/lemma-B.1",
            LodoSources.Of("Lemma B.1, §4.2", null, "B, 4.2"),
            "Let A and B be symmetric full-rank n×n matrices, A positive-definite and B with at least one negative eigenvalue. Then AB has at least one negative eigenvalue. Consequently (§4.2) A = I − G(θ)H has an eigenvalue of modulus > 1 and its eigenvector y has yᵀHy < 0.",
            "As stated, with G ≻ 0 for the §4.2 consequences: A = MᵀM + qI (q ∈ {1/64, 1}), B symmetric with entries in −3..3, n ∈ 1..4, exactly.",
            [
                NegativeEigenvalue(Generated, () => [Draw(2, 1), Draw(3, 2), Draw(4, 3)], Hypotheses, "AB has no negative eigenvalue."),
                ModulusAboveOne(),
                NegativeCurvature(),
            ]);
        yield return new Claim(
            "lodo/lemma-B.1/singular-preconditioner",
            LodoSources.Of("§4.2 with eq. (2)", "(2)", "4.2"),
            "§4.2 applies Lemma B.1 with A = G(θ) of eq. (2), \"a positive-definite symmetric matrix in most cases of θ\".",
            "Takes G(θ) of eq. (2) for every θ, which is only positive semi-definite (eq-2-psd); the lemma's hypothesis A ≻ 0 fails exactly where G̃(θ)(I 0)ᵀ is rank-deficient, the case \"most cases\" sets aside.",
            [NegativeEigenvalue(SingularGenerated, () => [SingularEdge()],
                p => Hypotheses(p),
                "With G = diag(1, 0) (an eq. (2) G whose first block is rank-deficient) and H = diag(1, −1), GH = diag(1, 0) has no negative eigenvalue and I − GH = diag(0, 1) none of modulus > 1: the saddle is not repelled along the negative-curvature direction G ignores; Lemma B.1 needs G ≻ 0.")]);
    }
}
