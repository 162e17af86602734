using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Exact;
using Verification.Tests.Properties.Numerics.Exact;
using static Verification.Tests.Properties.Numerics.Curvature.CurvatureProblemRangeProperties;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureProblem{T}"/>'s forward-mode members in doubles over the tanh MLP with the Gaussian likelihood
/// (balles-thesis §7.4; eqs. 7.3, 7.12, 7.17): ∇²R (<see cref="CurvatureProblem{T}.RiskHessian"/>, one HessianJet pass),
/// the scores s_n (HyperDualReal), F̃ = Σ_n s_n s_nᵀ and the identity and empirical-Fisher splits, with D ≤ 2, H ≤ 2,
/// N ≤ 3 and inputs, θ and labels over the whole range as <see cref="CurvatureProblemMlpRangeProperties"/> draws them.
/// Reference: exact rationals from <see cref="TanhMlp"/>'s per-sample doubles f̄_n, J̄_n, ∇²f̄_n (g_n = y_n − f̄_n exact):
/// ∇²ℓ_n = J̄J̄ᵀ − g_n∇²f̄_n, s_n = g_nJ̄_n. Each entry within the sum of both sides' errors, derived in the property's
/// remarks; ±∞ only at the threshold, or a rejection naming the range where a piece, a loss ℓ_n or an entry is beyond it,
/// or the jets' documented rejection of an overflowed or underflowed part (the plain pre-activation sum W₁x̃ of the
/// generic formula overflows where TanhMlp's scaled sum does not).
/// </summary>
[Properties(MaxTest = 100)]
public class CurvatureProblemMlpForwardRangeProperties
{
    private static readonly Fraction Unit = ExactDouble.Pow2(-53);

    private static readonly Fraction Tiny = ExactDouble.Pow2(-1074);

    private static readonly Fraction NearMax = ExactDouble.ToFraction(double.MaxValue) * (1 - ExactDouble.Pow2(-40));

    /// <summary>The jets' documented rejection (HessianJet, CurvatureProblem's NamingTheta).</summary>
    private const string Undetermined = "an underflowed part of it is scaled back up";

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    /// <summary>One sample's pieces from TanhMlp (exact rationals of its doubles) and the bounds on |piece − exact| summed over both sides.</summary>
    private sealed record Sample(Fraction G, Fraction[] J, Fraction[,] H, Fraction DeltaR, Fraction[] DeltaJ, Fraction[,] DeltaH, bool Beyond);

    /// <summary>
    /// Error bounds, per sample, with a_k = W₁[k]·x̃ exact from the inputs, A_k = Σ_j|W₁[k,j]x̃_j|, h_k, s_k = sech²a_k
    /// (read off the pieces: h_k = J̄[W₂k], s_k = ∇²f̄[W₂k, b₁k]) and S_k ≥ sech² over [|a_k| − δa_k, |a_k| + δa_k]
    /// (an enclosure's upper end at max(|a_k| − δa_k, 0)):
    /// <list type="bullet">
    /// <item>a_k: both sides form it with at most D products and D additions (TanhMlp's scaled sum rounds once):
    /// δa_k = 2D·u·A_k;</item>
    /// <item>tanh, both sides the platform tanh (2 ulp ≤ 4u) at the rounded a_k: |Δh_k| ≤ 4u|h_k| + S_kδa_k (mean value,
    /// tanh' = sech² ≤ S_k);</item>
    /// <item>a product with sech², both sides within 12 ulp ≤ 24u (ModelRangeProperties: s's 6u and up to six roundings; the
    /// jets' s = 1 − t² or m·2^e, its product with x̃_j, the chain's product), plus 2S_kδa_k|x̃_j| ((sech²)' = −2h·sech²)
    /// and for −2h·sech² plus 4S_kδa_k|x̃_jx̃_j'| (|(h·sech²)'| ≤ 2·sech²);</item>
    /// <item>f = b₂ + Σ_k W₂[k]h_k: Σ_k|W₂[k]||Δh_k| plus 2(H + 2)u·Φ on each side (Φ = |b₂| + Σ_k|W₂[k]h_k|; ModelRangeProperties'
    /// bound for TanhMlp, H products and H additions in the jets); r = y − f one more rounding: Δr = Δf + u|g|;</item>
    /// <item>J: ∂f/∂W₂[k] = h_k (Δh_k each side), ∂f/∂W₁[k,j] = W₂[k]·s_k·x̃_j (the sech² product's bound times |W₂[k]|, plus
    /// the jets' product by W₂ 1u), ∂f/∂b₂ = 1 exact; ∇²f: [W₂k, W₁kj] = s_kx̃_j, [W₁kj, W₁kj'] = −2W₂[k]h_ks_kx̃_jx̃_j'
    /// (as J, with the −2h·sech² bound);</item>
    /// <item>each of h_k, the products s_kx̃_j and −2h_ks_kx̃_jx̃_j' also 16·2^-1074 for both sides together where it is
    /// subnormal (TanhMlp's 12 ulp on the subnormal grid, the jets' at most four roundings there, ½·2^-1074 each), before
    /// W₂[k] scales it: a subnormal result part keeps that error however large relative to it, since the jets reject an
    /// underflow bound only where it reaches the normal range (s_1 ≈ 6.1e-311 at a ≈ −364 was 8·10⁴ units of 2^-1074 off,
    /// from s·x̃ rounded onto the subnormal grid, then ·W₂·g ≈ 6·10³); J_b₂ and the zero entries 16·2^-1074.</item>
    /// </list>
    /// </summary>
    private static Sample Pieces(SecondOrderExpansion<Float64> e, double[] x, double y, double[] theta, int inputs, int hidden)
    {
        int d = theta.Length, w1 = hidden * (inputs + 1);
        var j = Enumerable.Range(0, d).Select(a => F(e.Jacobian[0, a].Value)).ToArray();
        var h = new Fraction[d, d];
        for (int a = 0; a < d; a++)
            for (int b = 0; b < d; b++)
                h[a, b] = F(e.Hessians[0][a, b].Value);
        var g = F(y) - F(e.Value[0].Value);
        var deltaJ = Enumerable.Repeat(16 * Tiny, d).ToArray();
        var deltaH = new Fraction[d, d];
        for (int a = 0; a < d; a++)
            for (int b = 0; b < d; b++)
                deltaH[a, b] = 16 * Tiny;
        var phi = Fraction.Abs(F(theta[w1 + hidden]));
        Fraction deltaF = 0;
        bool beyond = false;
        for (int k = 0; k < hidden; k++)
        {
            Fraction XTilde(int i) => i < inputs ? F(x[i]) : Fraction.One;
            Fraction ak = 0, bigA = 0;
            for (int i = 0; i <= inputs; i++)
            {
                var term = F(theta[k * (inputs + 1) + i]) * XTilde(i);
                ak += term;
                bigA += Fraction.Abs(term);
            }
            beyond |= bigA >= NearMax; // the jets' plain sum may overflow (their documented rejection)
            var deltaA = 2 * inputs * Unit * bigA;
            var low = Fraction.Abs(ak) - deltaA;
            var sup = low.Sign() > 0 ? TanhEnclosures.SechSquared(low).Upper : Fraction.One;
            int wk = w1 + k, bk = k * (inputs + 1) + inputs;
            var w = Fraction.Abs(F(theta[wk]));
            var hk = Fraction.Abs(j[wk]);
            var sk = Fraction.Abs(h[wk, bk]);
            var deltaHk = 2 * (4 * Unit * hk + sup * deltaA) + 16 * Tiny;
            phi += w * hk;
            deltaF += w * deltaHk;
            deltaJ[wk] += deltaHk;
            for (int i = 0; i <= inputs; i++)
            {
                int wi = k * (inputs + 1) + i;
                var xi = Fraction.Abs(XTilde(i));
                var deltaS = 2 * (24 * Unit * sk * xi + 2 * sup * deltaA * xi) + 16 * Tiny;
                deltaJ[wi] += w * deltaS + Unit * w * sk * xi;
                deltaH[wk, wi] += deltaS;
                deltaH[wi, wk] += deltaS;
                for (int i2 = 0; i2 <= inputs; i2++)
                {
                    int wi2 = k * (inputs + 1) + i2;
                    var xx = xi * Fraction.Abs(XTilde(i2));
                    deltaH[wi, wi2] += w * (2 * (24 * Unit * 2 * hk * sk * xx + 4 * sup * deltaA * xx) + 16 * Tiny) + Unit * w * 2 * hk * sk * xx;
                }
            }
        }
        deltaF += 2 * (2 * (hidden + 2) * Unit * phi + (hidden + 1) * Tiny);
        beyond |= phi >= NearMax;
        return new Sample(g, j, h, deltaF + Unit * Fraction.Abs(g), deltaJ, deltaH, beyond);
    }

    /// <summary>
    /// The members against the reference, with the pieces' bounds of <see cref="Pieces"/> (second-order terms kept: each
    /// product's bound is (|p| + Δp)(|q| + Δq) − |p||q|) and the members' own roundings:
    /// <list type="bullet">
    /// <item>∇²ℓ_n = −∇²(r·r)/2 in the jets: r·r'' + r''·r + r'r'ᵀ + r'r'ᵀ, four products and three additions, the halving
    /// exact: 4u·(|J_aJ_b| + |g H_ab|); ∇²R sums N jets: (N − 1)u·Σ_n the same; the identity split's GGN is Σ_n Iᵀ∇²ℓ_nI
    /// (products by 1 and additions of 0, exact), its residual term exactly 0;</item>
    /// <item>s_n = −∇ℓ_n = r·J as −(r·r')/2·2: 2u·|gJ| (the product r·r' twice added, then halved);</item>
    /// <item>F̃ = Σ_n s_n s_nᵀ: each product's bound from the scores' plus u, then (N − 1)u·Σ|s_as_b|; the empirical-Fisher
    /// split's GGN is the same sum (b_n = e^{ℓ(θ₀) − ℓ} = 1 at θ₀, ∇b_n = s_n, 1/b² = 1), its residual term
    /// −Σ_n∇²b_n = Σ_n(∇²ℓ_n − s_ns_nᵀ): exp's chain adds 1u of |∇²ℓ_n| + |s_ns_nᵀ|.</item>
    /// </list>
    /// </summary>
    [Property]
    public Property GaussianMlp_ForwardModeMembers_AreExactOrRejected() => Prop.ForAll(CurvatureProblemMlpRangeProperties.Cases, c =>
    {
        int count = c.X.Length;
        var shape = new CurvatureShape(ModelFamily.TanhMlp, LikelihoodFamily.GaussianIdentity, c.Inputs, c.Hidden);
        int d = shape.Parameters;
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(0),
            c.X.Select(x => x.Select(Float64.Of).ToArray()).ToArray(), c.Y.Select(y => new[] { Float64.Of(y) }).ToArray(),
            c.Theta.Select(Float64.Of).ToArray());
        string at = c.ToString();
        var models = Enumerable.Range(0, count).Select(problem.Model).ToArray();
        bool piecesFinite = models.All(e => double.IsFinite(e.Value[0].Value)
            && Enumerable.Range(0, d).All(a => double.IsFinite(e.Jacobian[0, a].Value)
                && Enumerable.Range(0, d).All(b => double.IsFinite(e.Hessians[0][a, b].Value))));
        if (!piecesFinite)
            return Entries($"∇²R at {at} (a piece beyond the range)", Flat(problem.RiskHessian), null, null, 0, 0, true)
                .And(Entries($"F̃ at {at} (a piece beyond the range)", Flat(problem.EmpiricalFisher), null, null, 0, 0, true));
        var samples = Enumerable.Range(0, count).Select(n => Pieces(models[n], c.X[n], c.Y[n], c.Theta, c.Inputs, c.Hidden)).ToArray();
        static Fraction ProductBound(Fraction p, Fraction dp, Fraction q, Fraction dq) =>
            (Fraction.Abs(p) + dp) * (Fraction.Abs(q) + dq) - Fraction.Abs(p * q);

        // per sample: ∇²ℓ_n and its bound; s_n and its bound
        var hessian = new Fraction[d * d];
        var hessianBound = new Fraction[d * d];
        var ef = new Fraction[d * d];
        var efBound = new Fraction[d * d];
        var efResidualBound = new Fraction[d * d];
        var scores = new Fraction[count][];
        var scoreBounds = new Fraction[count][];
        for (int n = 0; n < count; n++)
        {
            var p = samples[n];
            scores[n] = p.J.Select(ja => p.G * ja).ToArray();
            scoreBounds[n] = Enumerable.Range(0, d).Select(a => ProductBound(p.G, p.DeltaR, p.J[a], p.DeltaJ[a]) + 2 * Unit * Fraction.Abs(p.G * p.J[a])).ToArray();
        }
        for (int a = 0; a < d; a++)
            for (int b = 0; b < d; b++)
            {
                Fraction sum = 0, bound = 0, magnitude = 0, efSum = 0, efB = 0, efMagnitude = 0, residualBound = 0;
                for (int n = 0; n < count; n++)
                {
                    var p = samples[n];
                    var term = p.J[a] * p.J[b] - p.G * p.H[a, b];
                    var termMagnitude = Fraction.Abs(p.J[a] * p.J[b]) + Fraction.Abs(p.G * p.H[a, b]);
                    sum += term;
                    magnitude += termMagnitude;
                    var termBound = ProductBound(p.J[a], p.DeltaJ[a], p.J[b], p.DeltaJ[b]) + ProductBound(p.G, p.DeltaR, p.H[a, b], p.DeltaH[a, b])
                        + 4 * Unit * termMagnitude;
                    bound += termBound;
                    var ss = scores[n][a] * scores[n][b];
                    efSum += ss;
                    efMagnitude += Fraction.Abs(ss);
                    var ssBound = ProductBound(scores[n][a], scoreBounds[n][a], scores[n][b], scoreBounds[n][b]) + Unit * Fraction.Abs(ss);
                    efB += ssBound;
                    residualBound += termBound + ssBound + Unit * (termMagnitude + Fraction.Abs(ss));
                }
                hessian[a * d + b] = sum;
                hessianBound[a * d + b] = (bound + (count - 1) * Unit * magnitude) / Unit;
                ef[a * d + b] = efSum;
                efBound[a * d + b] = (efB + (count - 1) * Unit * efMagnitude) / Unit;
                efResidualBound[a * d + b] = (residualBound + (count - 1) * Unit * (magnitude + efMagnitude)) / Unit;
            }
        var efResidual = Enumerable.Range(0, d * d).Select(i => hessian[i] - ef[i]).ToArray();
        bool Beyond(Fraction v) => Fraction.Abs(v) >= NearMax;
        // the jets carry ℓ_n = g_n²/2 as their value: rejected where that (or a pre-activation's terms) is beyond the range
        bool forwardBeyond = samples.Any(p => p.Beyond || Beyond(p.G * p.G / 2) || Beyond(p.G) || p.J.Any(Beyond))
            || hessian.Any(Beyond);
        bool scoresBeyond = forwardBeyond || scores.Any(s => s.Any(Beyond)) || ef.Any(Beyond);
        int terms = 4 * count;
        var result = Entries($"∇²R at {at}", Flat(problem.RiskHessian), hessian, hessianBound, 1, terms, forwardBeyond, Undetermined)
            .And(Entries($"identity split's GGN at {at}", Flat(() => problem.Split(SplitKind.Identity).Ggn), hessian, hessianBound, 1, terms, forwardBeyond, Undetermined))
            .And(Entries($"identity split's residual at {at}", Flat(() => problem.Split(SplitKind.Identity).Residual),
                new Fraction[d * d], Enumerable.Repeat(Fraction.Zero, d * d).ToArray(), 0, -2, forwardBeyond, Undetermined))
            .And(Entries($"F̃ at {at}", Flat(problem.EmpiricalFisher), ef, efBound, 1, terms, scoresBeyond, Undetermined))
            .And(Entries($"empirical-Fisher split's GGN at {at}", Flat(() => problem.Split(SplitKind.EmpiricalFisher).Ggn), ef, efBound, 1, terms,
                scoresBeyond, Undetermined))
            .And(Entries($"empirical-Fisher split's residual at {at}", Flat(() => problem.Split(SplitKind.EmpiricalFisher).Residual), efResidual,
                efResidualBound, 1, terms, scoresBeyond || efResidual.Any(Beyond), Undetermined));
        for (int n = 0; n < count; n++)
        {
            int m = n;
            result = result.And(Entries($"s_{n} at {at}", () => problem.Score(m).Select(v => v.Value).ToArray(), scores[n],
                scoreBounds[n].Select(b => b / Unit).ToArray(), 1, terms, forwardBeyond || scores[n].Any(Beyond), Undetermined));
        }
        return result;
    });
}
