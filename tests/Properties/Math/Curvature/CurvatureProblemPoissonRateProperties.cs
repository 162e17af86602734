using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureProblem{T}"/> in doubles with the Poisson log rate over the whole range of λ = eᶠ, against values
/// derived independently of the expectation rule: E_y[(y − λ)²] = λ and E_y[y − λ] = 0, so with one sample the Fisher
/// (eq. 7.2) is λ·JJᵀ, the GGN (eq. 7.14) −JᵀAJ with A = −λ is λ·JJᵀ too, and E[−∇²] (eq. 7.4) is
/// λ·JJᵀ − E[y − λ]·∇²f = λ·JJᵀ. Tanh MLP, D = H = N = 1, θ = (0, 0, w, f), input x: a = 0, h = 0, sech²a = 1, so the
/// output is f and J = (w·x, w, 0, 1), ∇²f's only nonzero entries ∂²f/∂W₂∂W₁ = x and ∂²f/∂W₂∂b₁ = 1; w and x are signed
/// powers of two, so J and ∇²f are exact. This is what the rule's own-pieces reference of
/// <see cref="CurvatureProblemMlpLikelihoodsRangeProperties"/> could not see: the node scores (λ + u±) − λ were 0 once
/// √λ is below half an ulp of λ (f ≳ 74), and the Fisher with them (CurvatureProblemNodeScoreCancellationExamples).
/// </summary>
/// <remarks>
/// f = k + j·2^-20 over [−744, 709.78] (to ln MaxValue: above f ≈ 708.4, where 4λ would overflow, the rule takes
/// s = 2√λ·√(1 + 1/(4λ))), a quarter of the time each from [60, 709], [700, 709] and [−744, −690]; the exponents of w and x
/// within ±600 with every exact entry of λ·JJᵀ below 2^1023.9, so that a result within 20u of it is finite. Bounds
/// (u = 2^-53), from the pieces' rounding: λ within 2u (exp), s = √(1 + 4λ) 1.5u, u₊ = (1 + s)/2 2.5u, u₋ = −λ/u₊ 3.5u,
/// w₀ = u₊/s 5u, w₁ = λ/(u₊s) 6u, all relative to λ's double, so w₀u₋² within 13u and w₁u₊² within 12u; their weighted
/// sum of two positive terms 14u, plus λ's 2u, and the congruence with the exact J at most 2u more: the Fisher within
/// 20u·λ|J_iJ_j|; the GGN's one product −λ·J_iJ_j within 4u. E[−∇²] adds −(w₀u₋ + w₁u₊)·∇²f_ij, two terms of size
/// λ/s ≤ min(λ, √λ/2) each within 10u: within 20u·(λ|J_iJ_j| + 2·min(λ, √λ/2)·|∇²f_ij|). Where λ is below 2^-1022 the
/// problem carries the rule's pieces as M·2^E (ScaledLikelihoodTermsRangeProperties: within 3u + 2^-1018), within the
/// same bounds. Each entry may also be off by a few units of 2^-1074 where it is subnormal: 8·2^-1074 absolute is added.
/// E[−∇²] may instead be rejected naming the range where its node term λ/s·|∇²f_ij| exceeds 2^1020: its two terms, whose
/// exact sum is 0, are then beyond the range themselves (the rule's E[y − λ] is 0 only up to rounding).
/// The exact λ is a 96-bit enclosure of e^f (relative width below 2^-90), whose ends are both checked.
/// </remarks>
[Properties(MaxTest = 200)]
public class CurvatureProblemPoissonRateProperties
{
    private static readonly Fraction U = ExactDouble.Pow2(-53);

    private static readonly Fraction Tiny = 8 * ExactDouble.Pow2(-1074);

    /// <summary>(f, log₂|w|, log₂|x|, signs): f = k + j·2^-20, every exact entry of λ·JJᵀ below 2^1023.9.</summary>
    private static Gen<(double F, int W, int X, bool NegativeW, bool NegativeX)> Inputs =>
        (from k in Gen.Frequency((1, Gen.Choose(-744, 709)), (1, Gen.Choose(60, 709)), (1, Gen.Choose(700, 709)), (1, Gen.Choose(-744, -690)))
         from j in Gen.Choose(0, (1 << 20) - 1)
         from w in Gen.Choose(-600, 600)
         from x in Gen.Choose(-600, 600)
         from negativeW in Gen.Elements(false, true)
         from negativeX in Gen.Elements(false, true)
         select (F: k + Math.ScaleB(j, -20), W: w, X: x, NegativeW: negativeW, NegativeX: negativeX))
        .Where(t => t.F / Math.Log(2) + 2 * Math.Max(Math.Max(t.W + t.X, t.W), 0) < 1023.9);

    private static Property Check((double F, int W, int X, bool NegativeW, bool NegativeX) input)
    {
        double w = (input.NegativeW ? -1 : 1) * Math.ScaleB(1.0, input.W), x = (input.NegativeX ? -1 : 1) * Math.ScaleB(1.0, input.X);
        var shape = new CurvatureShape(ModelFamily.TanhMlp, LikelihoodFamily.PoissonLog, inputs: 1, hidden: 1);
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(0), [[Float64.Of(x)]],
            [CurvatureFormulas.Label<Float64>(shape, 3)], [Float64.Of(0), Float64.Of(0), Float64.Of(w), Float64.Of(input.F)]);
        string at = $"f = {input.F:R}, w = {w:R}, x = {x:R}";
        var lambda = ExactExp.Of(input.F, 96);
        double lambdaUpper = ExactDouble.ToDouble(lambda.Upper) * (1 + 1e-15);
        Fraction halfRoot = ExactDouble.ToFraction(Math.Sqrt(lambdaUpper) / 2 * (1 + 1e-15)); // ≥ √λ/2
        Fraction nodeTerm = lambda.Upper < halfRoot ? lambda.Upper : halfRoot; // ≥ λ/s, each of E[y − λ]'s two terms
        Fraction[] j = [ExactDouble.ToFraction(w * x), ExactDouble.ToFraction(w), 0, 1];
        Fraction[,] curvature = new Fraction[4, 4];
        for (int r = 0; r < 4; r++)
            for (int c = 0; c < 4; c++)
                curvature[r, c] = 0;
        curvature[0, 2] = curvature[2, 0] = ExactDouble.ToFraction(x);
        curvature[1, 2] = curvature[2, 1] = 1;

        Property Entries(string name, Func<RealMatrix<Float64>> member, Fraction relative, bool withNodeTerm)
        {
            RealMatrix<Float64> m;
            try
            {
                m = member();
            }
            catch (ArgumentException ex)
            {
                bool nodeTermBeyond = withNodeTerm && nodeTerm * FractionExtensions.Max(Fraction.Abs(ExactDouble.ToFraction(x)), 1) > ExactDouble.Pow2(1020);
                return (nodeTermBeyond && ex.Message.Contains("double.MaxValue", StringComparison.Ordinal))
                    .Label($"{name} at {at} rejected ({ex.Message}), but every exact entry and term is within the range");
            }
            var result = (m.Rows == 4 && m.Columns == 4).Label($"{name} at {at}: {m.Rows}×{m.Columns}, not 4×4");
            for (int r = 0; r < 4; r++)
                for (int c = 0; c < 4; c++)
                {
                    double value = m[r, c].Value;
                    if (!double.IsFinite(value))
                    {
                        result = result.And(false.Label($"{name}[{r}, {c}] at {at} is {value:R}, exact λ·J_rJ_c is finite"));
                        continue;
                    }
                    Fraction jj = j[r] * j[c], scale = Fraction.Abs(jj) * lambda.Upper;
                    if (withNodeTerm)
                        scale += 2 * nodeTerm * Fraction.Abs(curvature[r, c]);
                    Fraction bound = relative * U * scale + Tiny, v = ExactDouble.ToFraction(value);
                    Fraction error = FractionExtensions.Max(Fraction.Abs(v - jj * lambda.Lower), Fraction.Abs(v - jj * lambda.Upper));
                    result = result.And((error <= bound).Label(
                        $"{name}[{r}, {c}] at {at}: {value:R}, exact λ·J_rJ_c ≈ {ExactDouble.ToDouble(jj * lambda.Lower):R}, off by {ExactDouble.ToDouble(error):R} > bound {ExactDouble.ToDouble(bound):R}"));
                }
            return result;
        }

        return Entries("Fisher", problem.Fisher, 20, false)
            .And(Entries("GGN", problem.GeneralizedGaussNewton, 4, false))
            .And(Entries("E[−∇²]", problem.ExpectedNegativeHessian, 20, true));
    }

    /// <summary>The Fisher, GGN and E[−∇²] are λ·JJᵀ over f ∈ [−744, 709.78], within the bounds derived above.</summary>
    [Property]
    public Property PoissonCurvature_IsTheRateTimesJJᵀ() => Prop.ForAll(Inputs.ToArbitrary(), Check);
}
