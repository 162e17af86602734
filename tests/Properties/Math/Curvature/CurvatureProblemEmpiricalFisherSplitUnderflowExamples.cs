using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureProblem{T}.Split"/> for <see cref="SplitKind.EmpiricalFisher"/> (balles-thesis eq. 7.17, the split
/// of ch. 7, eqs. 7.9–7.10) in doubles where a score entry is subnormal beside a large one: the curved-linear Gaussian of
/// <see cref="CurvatureProblemEmpiricalFisherScoreUnderflowExamples"/>, κ = 1.88, x = (1e77, −1.2e-308), θ = (0, 3.6e-309),
/// y = 4e-12, where the jets of b = e^{ℓ(θ₀) − ℓ} rejected an underflowed part scaled back up though every exact entry is
/// in range. The GGN is F̃ = g²·J Jᵀ (eq. 7.3/7.7), the residual term −(s sᵀ + ∇²_θ log p) = −(g²·J Jᵀ − J Jᵀ + g·κI)
/// (∇²_θ log p = Jᵀ∇²_f log p J + g·∇²f with ∇²_f log p = −1, ∇²f = κI). Reference from the exact inputs:
/// J = x + κθ, f = x₁θ₁ + (κ/2)θ₁², g = y − f. And a tanh MLP the forward-mode property found the jets rejecting at.
/// </summary>
public class CurvatureProblemEmpiricalFisherSplitUnderflowExamples
{
    private static readonly Fraction Unit = ExactDouble.Pow2(-53);

    private static readonly Fraction Tiny = ExactDouble.Pow2(-1074);

    private const double Kappa = 1.88, X0 = 1e77, X1 = -1.2e-308, Theta1 = 3.6e-309, Y = 4e-12;

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    private static CurvatureProblem<Float64> Problem() => new(
        new CurvatureShape(ModelFamily.CurvedLinear, LikelihoodFamily.GaussianIdentity, 2), Float64.Of(Kappa),
        [[Float64.Of(X0), Float64.Of(X1)]], [[Float64.Of(Y)]], [Float64.Of(0), Float64.Of(Theta1)]);

    /// <summary>An exact factor and the bound on its double's error.</summary>
    private readonly record struct Piece(Fraction Value, Fraction Delta);

    /// <summary>
    /// The pieces the split's doubles are made of: J₀ = x₀ exact (θ₀ = 0); J₁ = fma(κ, θ₁, x₁) one rounding on the subnormal
    /// grid, 2^-1075; g = y − f rounds to y (f ≈ −3e-617 is 0 as a double), off by |f| &lt; u·|g|; κ exact.
    /// </summary>
    private static (Piece[] J, Piece G, Piece K) Pieces()
    {
        var j1 = F(X1) + F(Kappa) * F(Theta1);
        var f = F(X1) * F(Theta1) + F(Kappa) / 2 * F(Theta1) * F(Theta1);
        var g = F(Y) - f;
        Assert.True(Fraction.Abs(f) < Unit * Fraction.Abs(g)); // the premise of g's 1u
        return ([new Piece(F(X0), 0), new Piece(j1, Tiny / 2)], new Piece(g, Unit * Fraction.Abs(g)), new Piece(F(Kappa), 0));
    }

    /// <summary>
    /// A term s·Πp of exact factors p (sign s) with its magnitude bound Π(|p| + Δp) and its pieces' error Π(|p| + Δp) − Π|p|
    /// (second order kept).
    /// </summary>
    private static (Fraction Exact, Fraction Magnitude, Fraction PieceError) Term(int sign, params Piece[] factors)
    {
        Fraction exact = sign, magnitude = 1, bare = 1;
        foreach (var p in factors)
        {
            exact *= p.Value;
            magnitude *= Fraction.Abs(p.Value) + p.Delta;
            bare *= Fraction.Abs(p.Value);
        }
        return (exact, magnitude, magnitude - bare);
    }

    /// <summary>
    /// Each entry against Σ terms within (3 + T)·u·Σ|terms| (the scaled sum: at most four factors, three roundings per
    /// term, T − 1 additions and the final rounding, <see cref="CurvatureProblem{T}.Split"/>'s remarks) plus the pieces'
    /// errors and 2^-1074 for a subnormal result.
    /// </summary>
    private static void AssertEntries(string what, double[,] computed, Func<int, int, (Fraction Exact, Fraction Magnitude, Fraction PieceError)[]> terms, int termCount)
    {
        for (int a = 0; a < computed.GetLength(0); a++)
            for (int b = 0; b < computed.GetLength(1); b++)
            {
                var t = terms(a, b);
                var exact = t.Aggregate(Fraction.Zero, (s, x) => s + x.Exact);
                var bound = (3 + termCount) * Unit * t.Aggregate(Fraction.Zero, (s, x) => s + x.Magnitude)
                    + t.Aggregate(Fraction.Zero, (s, x) => s + x.PieceError) + Tiny;
                var error = Fraction.Abs(F(computed[a, b]) - exact);
                Assert.True(error <= bound,
                    $"{what}[{a}, {b}] = {computed[a, b]:R}, exact {ExactDouble.ToDouble(exact):R}, error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound):R}");
            }
    }

    private static double[,] Doubles(RealMatrix<Float64> m)
    {
        var d = new double[m.Rows, m.Columns];
        for (int a = 0; a < m.Rows; a++)
            for (int b = 0; b < m.Columns; b++)
                d[a, b] = m[a, b].Value;
        return d;
    }

    /// <summary>
    /// GGN = Σ_n J_nᵀg_n g_nᵀJ_n = F̃ (eq. 7.10 with b = 1, J_b = sᵀ): one term g·J_a·J_b·g per entry, T = N·M² = 1; [0, 1] ≈
    /// −8.4e-255, [1, 1] ≈ 4e-640 (0 as a double).
    /// </summary>
    [Fact]
    public void Ggn_WhereAScoreEntryIsSubnormalBesideALargeOne_IsTheExactEmpiricalFisher()
    {
        var (j, g, _) = Pieces();
        var ggn = Doubles(Problem().Split(SplitKind.EmpiricalFisher).Ggn);
        AssertEntries("GGN", ggn, (a, b) => [Term(1, g, j[a], j[b], g)], 1);
    }

    /// <summary>
    /// The tanh MLP case (D = 1, H = 2, N = 3, d = 7, Gaussian) at which CurvatureProblemMlpForwardRangeProperties found the
    /// jets of b = e^{ℓ(θ₀) − ℓ} rejecting an underflowed Hessian part scaled back up (W₂ ≈ 8e-302, b₁ ≈ −5.7e-309: J
    /// entries far below 2^-100). Reference from the problem's own closed-form pieces J̄_n, ∇²f̄_n and f̄_n
    /// (<see cref="CurvatureProblem{T}.Model"/>, exact rationals of its doubles, as CurvatureProblemRangeProperties'
    /// closed-form members take them) with ḡ_n = y_n − f̄_n exact: GGN = Σ_n ḡ_n²J̄J̄ᵀ, residual term
    /// Σ_n (−ḡ_n²J̄J̄ᵀ + J̄J̄ᵀ − ḡ_n∇²f̄_n). The double g_n = y_n ⊖ f̄_n is one rounding off, u·|ḡ_n| (exact where subnormal);
    /// J̄ and ∇²f̄ enter exactly. Each entry within (3 + T)·u·Σ|terms| plus g's error and 2^-1074, T = N·M² = 3 for the GGN
    /// and N·(2M² + M) = 9 for the residual term.
    /// </summary>
    [Fact]
    public void TanhMlpSplit_WhereTheJetsRejectedAnUnderflowedPart_IsTheClosedFormSum()
    {
        var problem = new CurvatureProblem<Float64>(
            new CurvatureShape(ModelFamily.TanhMlp, LikelihoodFamily.GaussianIdentity, inputs: 1, hidden: 2), Float64.Of(0),
            [[Float64.Of(45.77672318725248)], [Float64.Of(0.22443442244452017)], [Float64.Of(-0.8179304137880565)]],
            [[Float64.Of(0.9999999999999999)], [Float64.Of(10.356765287312008)], [Float64.Of(-8.085908902754047E+37)]],
            [Float64.Of(-1.128756016879009E-128), Float64.Of(-28.13644720249228), Float64.Of(-0.0), Float64.Of(7.976209741337095E-302),
             Float64.Of(-1E-150), Float64.Of(-5.674522924460845E-309), Float64.Of(-1.681218273811815E-285)]);
        int count = problem.Count, d = problem.Dimension;
        var j = new Piece[count][];
        var h = new Piece[count][,];
        var g = new Piece[count];
        for (int n = 0; n < count; n++)
        {
            var e = problem.Model(n);
            j[n] = Enumerable.Range(0, d).Select(a => new Piece(F(e.Jacobian[0, a].Value), 0)).ToArray();
            h[n] = new Piece[d, d];
            for (int a = 0; a < d; a++)
                for (int b = 0; b < d; b++)
                    h[n][a, b] = new Piece(F(e.Hessians[0][a, b].Value), 0);
            var gn = F(problem.Labels[n][0].Value) - F(e.Value[0].Value);
            g[n] = new Piece(gn, Unit * Fraction.Abs(gn));
        }
        var (ggn, residual) = problem.Split(SplitKind.EmpiricalFisher);
        AssertEntries("GGN", Doubles(ggn), (a, b) => Enumerable.Range(0, count).Select(n => Term(1, g[n], j[n][a], j[n][b], g[n])).ToArray(), count);
        AssertEntries("residual term", Doubles(residual), (a, b) => Enumerable.Range(0, count).SelectMany(n => new[]
        {
            Term(-1, g[n], j[n][a], j[n][b], g[n]), Term(1, j[n][a], j[n][b]), Term(-1, g[n], h[n][a, b]),
        }).ToArray(), 3 * count);
    }

    /// <summary>
    /// Residual term −Σ_n (s_n s_nᵀ + ∇²_θ log p_n) = Σ_n (−g²·J_aJ_b + J_aJ_b − g·κδ_ab): three terms per entry,
    /// T = N·(2M² + M) = 3; [0, 0] ≈ 1e154, [0, 1] ≈ −5.2e-232, [1, 1] ≈ −7.5e-12.
    /// </summary>
    [Fact]
    public void Residual_WhereAScoreEntryIsSubnormalBesideALargeOne_IsExact()
    {
        var (j, g, k) = Pieces();
        var residual = Doubles(Problem().Split(SplitKind.EmpiricalFisher).Residual);
        AssertEntries("residual term", residual, (a, b) => a == b
            ? [Term(-1, g, j[a], j[b], g), Term(1, j[a], j[b]), Term(-1, g, k)]
            : [Term(-1, g, j[a], j[b], g), Term(1, j[a], j[b])], 3);
    }
}
