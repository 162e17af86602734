using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Exact;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureProblem{T}"/> in doubles over the whole double range (issue 15, item 1): the curved-linear model
/// f = Σ_j x_jθ_j + (κ/2)Σ_j θ_j² (the control of balles-thesis §7.4) with the Gaussian likelihood, D = d ≤ 3, N ≤ 4, κ,
/// inputs, labels and θ from <see cref="FullRangeDoubles"/>. The closed-form members are checked against exact rationals
/// from the per-sample pieces (f_n, J_n and ∇²f_n = κI as <see cref="CurvatureProblem{T}.Model"/> returns them, whose
/// accuracy <see cref="ModelRangeProperties"/> checks, with g = y − f exact); the forward-mode members, which form their
/// own f and J, against exact rationals from the inputs, with f's own error (2D + 3)·u·F_n (F_n = Σ_j|x_jθ_j| + |κ|θ_j²/2)
/// carried into g = y − f. Each entry within k·u·scale + (T + 2)·2^-1074, ±∞ only where the exact value and that bound
/// reach the overflow threshold, or a rejection naming the range where a piece (f_n, J_n, a score, g at a label or node)
/// or an entry is beyond ±double.MaxValue; for the forward-mode members also where a loss ℓ_n is, their jets' value.
/// </summary>
[Properties(MaxTest = 100)]
public class CurvatureProblemRangeProperties
{
    private static readonly Fraction Unit = ExactDouble.Pow2(-53);

    private static readonly Fraction Tiny = ExactDouble.Pow2(-1074);

    /// <summary>(1 − 2^-40)·double.MaxValue: a piece this close to the threshold may round either way.</summary>
    private static readonly Fraction NearMax = ExactDouble.ToFraction(double.MaxValue) * (1 - ExactDouble.Pow2(-40));

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    /// <summary>
    /// The jets' documented rejection where an underflowed part is scaled back up (HessianJet's rule): allowed for the
    /// forward-mode members though the exact entry is in range, a gap left open (κ = −MaxValue, x ≈ 1e66, θ ≈ 1e-227: F̃ and ∇²R
    /// rejected, exact finite).
    /// </summary>
    private const string Undetermined = "an underflowed part of it is scaled back up";

    /// <summary>κ, the inputs x_n, the labels y_n and θ.</summary>
    public sealed record CurvedCase(double Kappa, double[][] X, double[] Y, double[] Theta)
    {
        /// <inheritdoc />
        public override string ToString() =>
            $"κ = {Kappa:R}, x = [{string.Join("; ", X.Select(x => string.Join(", ", x.Select(v => v.ToString("R")))))}], " +
            $"y = [{string.Join(", ", Y.Select(v => v.ToString("R")))}], θ = [{string.Join(", ", Theta.Select(v => v.ToString("R")))}]";
    }

    /// <summary>D ∈ 1…3, N ∈ 1…4; κ from the whole range or 0; inputs and θ from the whole range or around one scale.</summary>
    private static Arbitrary<CurvedCase> Cases { get; } =
        (from d in Gen.Choose(1, 3)
         from count in Gen.Choose(1, 4)
         from kappa in Gen.Frequency((5, FullRangeDoubles.Signed), (1, Gen.Constant(0.0)))
         from x in Gen.ArrayOf(FullRangeDoubles.SignedOrOneScale(d), count)
         from theta in FullRangeDoubles.SignedOrOneScale(d)
         from y in Gen.ArrayOf(FullRangeDoubles.Signed, count)
         select new CurvedCase(kappa, x, y, theta)).ToArbitrary();

    /// <summary>A sign and a double m·2^e with e uniform in [lo, hi] (normal binades) and a random mantissa.</summary>
    private static Gen<double> InBinades(int lo, int hi) =>
        from e in Gen.Choose(lo, hi)
        from m in FullRangeDoubles.MantissaBits
        from negative in Gen.Elements(false, true)
        select (negative ? -1 : 1) * BitConverter.Int64BitsToDouble(((long)(e + 1023) << 52) | m);

    /// <summary>
    /// D = 2, N ∈ 1…3: x₀ large (2^100…2^900), x₁ and θ₁ subnormal or just above (2^-1074…2^-1000), θ₀ 0 or as small,
    /// κ within 2^±10, y within 2^-200…2^0: g ≈ y, s₁ = g·J₁ on or near the subnormal grid while s₀ = g·J₀ is large,
    /// so F̃[0, 1] = Σ g²J₀J₁ is a normal double that the forward-mode s₀·s₁ lost digits of (the scaled F̃ path).
    /// </summary>
    private static Arbitrary<CurvedCase> SubnormalBesideLargeCases { get; } =
        (from count in Gen.Choose(1, 3)
         from kappa in InBinades(-10, 10)
         from x in Gen.ArrayOf(from x0 in InBinades(100, 900)
                               from x1 in Gen.OneOf(FullRangeDoubles.Subnormal.Select(v => -v), InBinades(-1022, -1000))
                               select new[] { x0, x1 }, count)
         from theta0 in Gen.OneOf(Gen.Constant(0.0), FullRangeDoubles.Subnormal)
         from theta1 in Gen.OneOf(FullRangeDoubles.Subnormal, InBinades(-1022, -1000))
         from y in Gen.ArrayOf(InBinades(-200, 0), count)
         select new CurvedCase(kappa, x, y, [theta0, theta1])).ToArbitrary();

    /// <summary>As LikelihoodProblemRangeProperties' check: within k·u·scale + (terms + 2)·2^-1074, ±∞ only at the threshold, or rejected where allowed.</summary>
    internal static Property Entries(string what, Func<double[]> compute, Fraction[]? exact, Fraction[]? scale, double k, int terms, bool mayReject,
        string? alsoRejectedFor = null, Fraction[]? absolute = null)
    {
        double[] computed;
        try
        {
            computed = compute();
        }
        catch (ArgumentException ex)
        {
            bool beyond = exact is null || exact.Any(e => Fraction.Abs(e) >= NearMax);
            bool named = ex.Message.Contains("double.MaxValue", StringComparison.Ordinal) || ex.Message.Contains("range", StringComparison.Ordinal);
            bool documented = alsoRejectedFor is not null && ex.Message.Contains(alsoRejectedFor, StringComparison.Ordinal);
            return ((mayReject || beyond || documented) && named).Label($"{what}: rejected ({ex.Message}), but every exact piece and entry is in range or the message names no range");
        }
        if (exact is null || scale is null) // a piece beyond the range: no reference, but never NaN
            return computed.All(c => !double.IsNaN(c)).Label($"{what}: NaN where a piece is beyond the range");
        return LikelihoodProblemRangeProperties.WithinBounds(what, computed, exact, scale, k, terms, absolute);
    }

    internal static Func<double[]> Flat(Func<RealMatrix<Float64>> m) => () =>
    {
        var a = m();
        return Enumerable.Range(0, a.Rows).SelectMany(i => Enumerable.Range(0, a.Columns).Select(j => a[i, j].Value)).ToArray();
    };

    /// <summary>
    /// The members of a one-output Gaussian problem in closed form (GGN, canonical split, E[−∇²], Fisher, r(θ), TermScale)
    /// against exact rationals from the problem's own double pieces f, J, ∇²f (<paramref name="models"/>, all finite),
    /// each within k·u·Σ|terms| (the constants derived in the class remarks; TermScale's, which depends on how many
    /// entries K_n sums, is <paramref name="termScaleUnits"/>), ±∞ only at the threshold or rejected naming the range.
    /// Shared by the curved-linear and the MLP properties.
    /// </summary>
    internal static Property ClosedFormMembers(CurvatureProblem<Float64> problem, SecondOrderExpansion<Float64>[] models, double[] y, int d,
        string at, double termScaleUnits)
    {
        int count = models.Length;
        bool Beyond(Fraction x) => Fraction.Abs(x) >= NearMax;
        var f = models.Select(e => F(e.Value[0].Value)).ToArray();
        var j = models.Select(e => Enumerable.Range(0, d).Select(a => F(e.Jacobian[0, a].Value)).ToArray()).ToArray();
        var hf = models.Select(e => Enumerable.Range(0, d).Select(a => Enumerable.Range(0, d).Select(b => F(e.Hessians[0][a, b].Value)).ToArray()).ToArray()).ToArray();
        var g = Enumerable.Range(0, count).Select(n => F(y[n]) - f[n]).ToArray();
        var nodes = Enumerable.Range(0, count).Select(n => problem.Expectation(n).Select((p, k) => (W: F(p.Weight.Value), G: new Fraction(k == 0 ? -1 : 1))).ToArray()).ToArray();
        bool gBeyond = g.Any(Beyond), nodeBeyond = nodes.Any(ns => ns.Any(p => Beyond(p.G)));
        var (ggn, ggnScale) = Sum(count, d, (n, a, b) => (j[n][a] * j[n][b], Fraction.Abs(j[n][a] * j[n][b])));
        var (residual, residualScale) = Sum(count, d, (n, a, b) => (-g[n] * hf[n][a][b], Fraction.Abs(g[n] * hf[n][a][b])));
        // Split returns both matrices: an entry of either beyond the range rejects the pair
        bool pairBeyond = gBeyond || ggn.Any(Beyond) || residual.Any(Beyond);
        var result = true.ToProperty()
            .And(Entries($"GGN at {at}", Flat(problem.GeneralizedGaussNewton), ggn, ggnScale, count + 3, count, gBeyond))
            .And(Entries($"canonical split's GGN at {at}", Flat(() => problem.Split(SplitKind.Canonical).Ggn), ggn, ggnScale, count + 3, count, pairBeyond))
            .And(Entries($"canonical split's residual term at {at}", Flat(() => problem.Split(SplitKind.Canonical).Residual),
                residual, residualScale, count + 2, count, pairBeyond));
        var (enh, enhScale) = Sum(count, d, (n, a, b) => nodes[n].Aggregate((Term: Fraction.Zero, Scale: Fraction.Zero), (s, p) =>
            (s.Term + p.W * (j[n][a] * j[n][b] - p.G * hf[n][a][b]), s.Scale + p.W * (Fraction.Abs(j[n][a] * j[n][b]) + Fraction.Abs(p.G * hf[n][a][b])))));
        result = result.And(Entries($"E[−∇²] at {at}", Flat(problem.ExpectedNegativeHessian), enh, enhScale, 6 + 4 * count, 4 * count, nodeBeyond));
        var (fisher, fisherScale) = Sum(count, d, (n, a, b) => nodes[n].Aggregate((Term: Fraction.Zero, Scale: Fraction.Zero), (s, p) =>
            (s.Term + p.W * p.G * p.G * j[n][a] * j[n][b], s.Scale + p.W * p.G * p.G * Fraction.Abs(j[n][a] * j[n][b]))));
        result = result.And(Entries($"Fisher at {at}", Flat(problem.Fisher), fisher, fisherScale, 7 + 2 * count, 2 * count, nodeBeyond));
        var r = g.Aggregate(Fraction.Zero, (s, gn) => s + Fraction.Abs(gn));
        result = result.And(Entries($"r(θ) at {at}", () => [problem.Residual().Value], [r], [r], count + 2, count, gBeyond));
        Fraction termScale = 0;
        for (int n = 0; n < count; n++)
        {
            var big = nodes[n].Select(p => Fraction.Abs(p.G)).Append(Fraction.Abs(g[n])).Max()!;
            var jj = j[n].Aggregate(Fraction.Zero, (s, x) => s + x * x);
            var curvature = hf[n].SelectMany(row => row).Aggregate(Fraction.Zero, (s, x) => s + Fraction.Abs(x));
            termScale += jj * (2 + big * big) + big * curvature;
        }
        termScale = termScale > Tiny ? termScale : Tiny;
        return result.And(Entries($"TermScale at {at}", () => [problem.TermScale().Value], [termScale], [termScale], termScaleUnits, 0, false));
    }

    /// <summary>Σ_n over samples of a per-sample d×d term and of its magnitude.</summary>
    internal static (Fraction[] Exact, Fraction[] Scale) Sum(int count, int d, Func<int, int, int, (Fraction Term, Fraction Scale)> term)
    {
        var exact = new Fraction[d * d];
        var scale = new Fraction[d * d];
        for (int a = 0; a < d; a++)
            for (int b = 0; b < d; b++)
            {
                Fraction e = 0, s = 0;
                for (int n = 0; n < count; n++)
                {
                    var (t, m) = term(n, a, b);
                    e += t;
                    s += m;
                }
                exact[a * d + b] = e;
                scale[a * d + b] = s;
            }
        return (exact, scale);
    }

    /// <summary>
    /// The Gaussian curved-linear problem, with g_n = y_n − f_n, the rule's nodes f_n ∓ 1 (weights ½) and ∇²_f log p = −1:
    /// <list type="bullet">
    /// <item>GGN = Σ_n J_nᵀJ_n (eq. 7.14; <see cref="CurvatureProblem{T}.GeneralizedGaussNewton"/> and the canonical split):
    /// (N + 3)·u, the plain form's product J_a·J_b and N − 1 additions, or the scaled sum's (2 + T)·u, T = N;</item>
    /// <item>the canonical split's residual term −Σ_n g_n·∇²f_n (eq. 7.9): (N + 2)·u (g_n's subtraction, the product, the sum);</item>
    /// <item>E[−∇²] = Σ_n Σ_k w_k(J_nᵀJ_n − g_k∇²f_n): (6 + 4N)·u, the doc comment's (3 + T)·u with T = K·N·(M² + M) = 4N,
    /// plus g_k's subtraction, and the symmetrization;</item>
    /// <item>the Fisher Σ_n Σ_k w_k g_k² J_nᵀJ_n at the rule's double nodes: (7 + 2N)·u, the doc comment's (4 + T)·u with
    /// T = K·N = 2N, plus 2u for g_k², and 1u;</item>
    /// <item>r(θ) = Σ_n |g_n| (eq. 7.16): (N + 2)·u of the exact sum (nonnegative terms);</item>
    /// <item>TermScale = Σ_n [‖J_n‖²(2 + G_n²) + G_n·d|κ|], G_n the largest |g| over the nodes and the label (each g one
    /// subtraction, 1u): (d + N + 6)·u of the exact sum of nonnegative terms. Product form: ‖J‖² d·u (d squares, d − 1
    /// additions), G² 3u, 1 + G² 4u, + H (= 1) 5u, their product (d + 6)u; K = Σ|κI| (d − 1)u (the d² − d zeros add
    /// exactly), G·K (d + 1)u; the term's sum (d + 7)u. Scaled form: (J·G)² 5u, J² and J·(J·H) 1u, each entry's two
    /// additions 7u, then d additions onto G·K: max(d + 1, 7)u + d·u = (d + 7)u for d ≤ 6. Then the N − 1 additions over
    /// the samples (the first onto 0 exact). The old (4d + 10)·u was larger for every d ≥ 1, N ≤ 4, but counted no N (its
    /// source, the doc comment's (4dM + 4)·u, predates the N − 1 sample additions that doc now states);</item>
    /// <item>forward mode, against the exact inputs: ∇²R = Σ_n (J J ᵀ − g κI) (and the identity split's GGN, Σ_n of the
    /// per-sample Hessians): (2D + N + 16)·u·Σ_n (A_aA_b + |κ|δ_ab(|g_n| + F_n)), A_a = |x_a| + |κθ_a| (J in the jets: 3u;
    /// J J ᵀ 10u; g's (2D + 3)u·F_n from f, 1u from r, 3u for the jet's r·r product and the halving);
    /// F̃ = Σ_n g_n² J J ᵀ: (4D + N + 17)·u·Σ_n (|g_n| + F_n)²A_aA_b (s = g·J carries (2D + 8)u, twice, the product, the sum).
    /// Where a J, g or score entry leaves [2^-100, 2^100], F̃ is one scaled sum of g²·J_a·J_b from the closed-form pieces
    /// instead: (3 + N)·u for the sum, g = y − f carries (2D + 4)·u·(|g| + F) twice (a subnormal difference is exact), J_a
    /// one fused rounding 2u·A_a (two where ordinary) plus 2^-1075 on the subnormal grid, twice: (4D + N + 15)·u·scale plus
    /// the absolute Σ_n (|g_n| + F_n)²(A_a + A_b)·2^-1075 (first order; the forward-mode s₀·s₁ was off by up to
    /// |g|·|J₀|·2^-1075, which that allowance does not cover for |g| &lt; 1).</item>
    /// <item>the empirical-Fisher split (eq. 7.17): its GGN is F̃, with F̃'s bound (forward mode: J_b = −∇ℓ copied by the
    /// exp jet at value 0, 1/b² = 1, one product and the sum); its residual term −Σ_n ∇²b_n = Σ_n ∇²ℓ_n − F̃ within
    /// (4D + 3N + 18)·u·(both scales), which covers forward mode's (4D + N + 17)·u of F̃, ∇²R's smaller constant and the exp
    /// chain's 1u (CurvatureProblemMlpForwardRangeProperties), and the closed-form pieces' scaled sum where a J or g entry
    /// leaves [2^-100, 2^100]: (3 + 3N)·u for the sum (T = N·(2M² + M) = 3N), g²J_aJ_b's pieces (4D + 12)·u as for F̃,
    /// J_aJ_b's 4u and g·κ's (2D + 4)·u, plus F̃'s absolute allowance and J_aJ_b's (A_a + A_b)·2^-1075 (first order).
    /// There the jets' rejection is not allowed.</item>
    /// </list>
    /// </summary>
    [Property]
    public Property GaussianCurvedLinear_CurvatureMatrices_AreExactOrRejected() => Prop.ForAll(Cases, CurvatureMatrices);

    /// <summary>
    /// The same checks where a score entry is subnormal beside a large one (<see cref="SubnormalBesideLargeCases"/>), the
    /// inputs the forward-mode F̃ lost digits at (documented at stop 37: κ = 1.88, x₁ ≈ −1.2e-308, θ₁ ≈ 3.6e-309).
    /// </summary>
    [Property]
    public Property GaussianCurvedLinear_WithASubnormalScoreEntryBesideALargeOne_AreExactOrRejected() =>
        Prop.ForAll(SubnormalBesideLargeCases, CurvatureMatrices);

    private static Property CurvatureMatrices(CurvedCase c)
    {
        int count = c.X.Length, d = c.Theta.Length;
        var shape = new CurvatureShape(ModelFamily.CurvedLinear, LikelihoodFamily.GaussianIdentity, d);
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(c.Kappa),
            c.X.Select(x => x.Select(Float64.Of).ToArray()).ToArray(), c.Y.Select(y => new[] { Float64.Of(y) }).ToArray(),
            c.Theta.Select(Float64.Of).ToArray());
        string at = c.ToString();
        bool Beyond(Fraction x) => Fraction.Abs(x) >= NearMax;

        // the exact inputs' quantities (forward mode)
        var kappa = F(c.Kappa);
        var theta = c.Theta.Select(F).ToArray();
        var jExact = c.X.Select(x => Enumerable.Range(0, d).Select(a => F(x[a]) + kappa * theta[a]).ToArray()).ToArray();
        var aScale = c.X.Select(x => Enumerable.Range(0, d).Select(a => Fraction.Abs(F(x[a])) + Fraction.Abs(kappa * theta[a])).ToArray()).ToArray();
        var fExact = c.X.Select(x => Enumerable.Range(0, d).Aggregate(Fraction.Zero, (s, a) => s + F(x[a]) * theta[a] + kappa * theta[a] * theta[a] / 2)).ToArray();
        var fScale = c.X.Select(x => Enumerable.Range(0, d).Aggregate(Fraction.Zero,
            (s, a) => s + Fraction.Abs(F(x[a]) * theta[a]) + Fraction.Abs(kappa) * theta[a] * theta[a] / 2)).ToArray();
        var gExact = Enumerable.Range(0, count).Select(n => F(c.Y[n]) - fExact[n]).ToArray();
        bool exactBeyond = fExact.Any(Beyond) || gExact.Any(Beyond) || jExact.Any(j => j.Any(Beyond));

        // the pieces (closed forms)
        var models = Enumerable.Range(0, count).Select(problem.Model).ToArray();
        bool piecesFinite = models.All(e => double.IsFinite(e.Value[0].Value)
            && Enumerable.Range(0, d).All(a => double.IsFinite(e.Jacobian[0, a].Value) && double.IsFinite(e.Hessians[0][a, a].Value)));
        var result = true.ToProperty();
        if (piecesFinite)
        {
            result = result.And(ClosedFormMembers(problem, models, c.Y, d, at, d + count + 6));
        }
        else
            result = result.And(Entries($"GGN at {at} (a piece beyond the range)", Flat(problem.GeneralizedGaussNewton), null, null, 0, 0, true));

        var (hessian, hessianScale) = Sum(count, d, (n, a, b) =>
            (jExact[n][a] * jExact[n][b] - (a == b ? gExact[n] * kappa : 0),
             aScale[n][a] * aScale[n][b] + (a == b ? Fraction.Abs(kappa) * (Fraction.Abs(gExact[n]) + fScale[n]) : 0)));
        // forward mode carries the loss ℓ_n = g_n²/2 (+ const) as the jets' value: rejected where that is beyond the range
        bool forwardBeyond = exactBeyond || !piecesFinite || gExact.Any(gn => gn * gn / 2 >= NearMax);
        result = result
            .And(Entries($"∇²R at {at}", Flat(problem.RiskHessian), hessian, hessianScale, 2 * d + count + 16, 2 * count, forwardBeyond, Undetermined))
            .And(Entries($"identity split's GGN at {at}", Flat(() => problem.Split(SplitKind.Identity).Ggn), hessian, hessianScale, 2 * d + count + 16, 2 * count, forwardBeyond, Undetermined));
        bool scoresBeyond = forwardBeyond || Enumerable.Range(0, count).Any(n => jExact[n].Any(x => Beyond(x * gExact[n])));
        var (ef, efScale) = Sum(count, d, (n, a, b) =>
            (gExact[n] * gExact[n] * jExact[n][a] * jExact[n][b],
             (Fraction.Abs(gExact[n]) + fScale[n]) * (Fraction.Abs(gExact[n]) + fScale[n]) * aScale[n][a] * aScale[n][b]));
        // the closed-form J's own rounding on the subnormal grid (2^-1075 each, times g²·|J| of the other factor)
        var (_, efAbsolute) = Sum(count, d, (n, a, b) => (Fraction.Zero,
            (Fraction.Abs(gExact[n]) + fScale[n]) * (Fraction.Abs(gExact[n]) + fScale[n]) * (aScale[n][a] + aScale[n][b]) * Tiny / 2));
        result = result.And(Entries($"F̃ at {at}", Flat(problem.EmpiricalFisher), ef, efScale, 4 * d + count + 17, count, scoresBeyond, Undetermined, efAbsolute));

        // the empirical-Fisher split: GGN = F̃, residual term Σ_n ∇²ℓ_n − F̃; from the closed-form pieces (never the jets'
        // rejection) where a J or g entry leaves [2^-100, 2^100]
        static bool OrdinaryDouble(double v) => v == 0 || Math.Abs(v) >= Math.ScaleB(1, -100) && Math.Abs(v) <= Math.ScaleB(1, 100);
        bool closedForm = piecesFinite && !Enumerable.Range(0, count).All(n => OrdinaryDouble(c.Y[n] - models[n].Value[0].Value)
            && Enumerable.Range(0, d).All(a => OrdinaryDouble(models[n].Jacobian[0, a].Value)));
        string? jetsRejection = closedForm ? null : Undetermined;
        var efResidual = Enumerable.Range(0, d * d).Select(i => hessian[i] - ef[i]).ToArray();
        var efResidualScale = Enumerable.Range(0, d * d).Select(i => hessianScale[i] + efScale[i]).ToArray();
        var (_, congruenceAbsolute) = Sum(count, d, (n, a, b) => (Fraction.Zero, (aScale[n][a] + aScale[n][b]) * Tiny / 2));
        var efResidualAbsolute = Enumerable.Range(0, d * d).Select(i => efAbsolute[i] + congruenceAbsolute[i]).ToArray();
        return result
            .And(Entries($"empirical-Fisher split's GGN at {at}", Flat(() => problem.Split(SplitKind.EmpiricalFisher).Ggn), ef, efScale, 4 * d + count + 17,
                count, scoresBeyond || efResidual.Any(Beyond), jetsRejection, efAbsolute))
            .And(Entries($"empirical-Fisher split's residual term at {at}", Flat(() => problem.Split(SplitKind.EmpiricalFisher).Residual), efResidual,
                efResidualScale, 4 * d + 3 * count + 18, 3 * count, scoresBeyond || efResidual.Any(Beyond), jetsRejection, efResidualAbsolute));
    }
}
