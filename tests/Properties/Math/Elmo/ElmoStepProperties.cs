using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics;
using Verification.Numerics.Exact;
using Verification.Numerics.Elmo;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Elmo;

/// <summary>
/// The accuracy contract of <see cref="ElmoStep.Step"/> (eq. 7) over its whole domain, checked against the exact value
/// (<see cref="ExactElmo.Step"/>: rationals, √ enclosed outward to 200 bits), and its minimizing property.
/// </summary>
[Properties(MaxTest = 1500)]
public class ElmoStepProperties
{
    /// <summary>
    /// Inputs whose exact x* lies within a few ulps of the overflow threshold T = MaxValue + ½ulp, where only an
    /// exact decision rounds correctly: concave with |g| = 0 (x* = 2|λ|/L, |λ| ≈ T·L/2) and λ ∈ {0, ±2^-1074} with
    /// subnormal L (x* ≈ √(2|g|/L), |g| ≈ T²·L/2).
    /// </summary>
    public static Gen<EigenspaceCase> NearOverflow { get; } = Gen.OneOf(
        from e in Gen.Choose(-1074, 0)
        from m in FullRangeDoubles.MantissaBits
        from k in Gen.Choose(-3, 3)
        let lip = Math.ScaleB(BitConverter.Int64BitsToDouble((1023L << 52) | m), e)
        select new EigenspaceCase(-FullRangeDoubles.Nudge(Round(ExactAgreement.OverflowThreshold * ExactDouble.ToFraction(lip) / 2), k), 0.0, lip),
        from e in Gen.Choose(-1074, -1026)
        from m in FullRangeDoubles.MantissaBits
        from k in Gen.Choose(-3, 3)
        from l in Gen.Elements(0.0, double.Epsilon, -double.Epsilon)
        let lip = Math.ScaleB(BitConverter.Int64BitsToDouble((1023L << 52) | m), e)
        let t = ExactAgreement.OverflowThreshold
        select new EigenspaceCase(l, FullRangeDoubles.Nudge(Round(t * t * ExactDouble.ToFraction(lip) / 2), k), lip));

    private static double Round(Fraction x) => ExactDouble.ToDouble(x);

    /// <summary>The whole domain, with 1 case in 20 near the overflow threshold.</summary>
    private static Arbitrary<EigenspaceCase> Domain { get; } =
        Gen.Frequency((19, EigenspaceCases.FullRange), (1, NearOverflow)).ToArbitrary();

    /// <summary>
    /// Within 1 ulp of the exact x* (the documented accuracy, <see cref="Tolerances.ElmoStepUlps"/>) wherever it rounds
    /// to a finite double, subnormal results included; +∞ exactly where it is at least MaxValue + ½ulp.
    /// 200 000 cases of this generator (seed 12345) gave a worst error of 0.5 ulp for normal and 0.75 ulp (of 2^-1074)
    /// for subnormal results.
    /// </summary>
    [Property]
    public Property Step_IsWithinOneUlpOfExact() => Prop.ForAll(Domain, x =>
        ExactAgreement.Within(
            ElmoStep.Step(x.Lambda, x.GradMagnitude, x.Lipschitz),
            ExactElmo.Step(x.Lambda, x.GradMagnitude, x.Lipschitz),
            Tolerances.ElmoStepUlps, x.ToString()));

    /// <summary>x* ≥ 0 and never NaN on the whole domain.</summary>
    [Property(MaxTest = 5000)]
    public Property Step_IsNonNegativeAndNotNaN() => Prop.ForAll(Domain, x =>
    {
        double s = ElmoStep.Step(x.Lambda, x.GradMagnitude, x.Lipschitz);
        return (s >= 0 && !double.IsNaN(s)).Label($"{x}: x* = {s:R}");
    });

    /// <summary>
    /// M'(x*) = 0: x* is a stationary point of M on x ≥ 0, checked as a relative residual of −|g| + λx + (L/2)x²
    /// where every term and x* are normal doubles (elsewhere the residual's own rounding has no relative meaning).
    /// </summary>
    [Property(MaxTest = 5000)]
    public Property Step_ZeroesTheDerivativeOfM() => Prop.ForAll(Domain, x =>
    {
        double s = ElmoStep.Step(x.Lambda, x.GradMagnitude, x.Lipschitz);
        double a = x.GradMagnitude, l = x.Lambda, lip = x.Lipschitz;
        double half = lip / 2, halfS = half * s;
        double[] terms = [a, l * s, halfS * s];
        // L/2, (L/2)·x*, x* and the quadratic term are non-zero: each must be normal; |g| and λ·x* may be exactly 0.
        if (new[] { half, halfS, s, terms[2] }.Any(t => !double.IsNormal(t)) || terms[..2].Any(t => t != 0 && !double.IsNormal(t)))
            return true.Label("outside the normal range: x*, a term or a partial product is subnormal or infinite");
        double residual = -a + l * s + halfS * s;
        double scale = terms.Max(Math.Abs);
        // x* to 1 ulp, squared, times L/2, plus the residual's three roundings: about 6·2^-53 of the largest term; 1e-14 ≈ 45·2^-53.
        return (Math.Abs(residual) <= 1e-14 * scale).Label($"{x}: residual {residual:R} vs scale {scale:R}");
    });

    /// <summary>
    /// Alg. 1's Δθ* = Σ x*_i·v_i for a diagonal H with entries, gradient and L_i anywhere in the finite doubles: v_j is
    /// −sgn(g_j)·e_j (eq. 1; +e_j where g_j = 0), so Δθ*_j = −sgn(g_j)·x*(d_j, |g_j|, L_rank(j)) within 1 ulp of the exact
    /// value, and an ArgumentException exactly when some exact x*_j is at least MaxValue + ½ulp. (Spreads beyond the
    /// scaling's subnormal grid are skipped, as in <see cref="ElmoPreconditionerProperties"/>.)
    /// </summary>
    [Property(MaxTest = 1000)]
    public Property StepVector_OfDiagonalHessian_IsTheExactStepPerCoordinate() => Prop.ForAll(DiagonalProblems.FullRange.ToArbitrary(), p =>
    {
        if (!p.ScalesExactly)
            return true.Label("entries spread beyond the subnormal grid of the scaling (skipped)");
        int n = p.Diagonal.Length;
        var exact = Enumerable.Range(0, n)
            .Select(j => ExactElmo.Step(p.Diagonal[j], Math.Abs(p.Gradient[j]), p.Lipschitz[p.Rank(j)]))
            .Select((x, j) => p.Gradient[j] > 0 ? -x : x)
            .ToArray();
        var t = ExactAgreement.OverflowThreshold;
        bool overflows = exact.Any(x => x.Lower >= t || x.Upper <= -t);
        if (exact.Any(x => !(x.Lower >= t || x.Upper <= -t) && (x.Upper >= t || x.Lower <= -t)))
            return true.Label("an enclosure straddles the overflow threshold (undecided)");
        MathNet.Numerics.LinearAlgebra.Vector<double> step;
        try
        {
            step = ElmoStep.StepVector(p.Hessian, p.GradientVector, p.LipschitzVector);
        }
        catch (ArgumentException e)
        {
            return overflows.Label($"{p}: rejected ({e.Message}) although every exact x*_j is below MaxValue + ½ulp");
        }
        if (overflows)
            return false.Label($"{p}: some exact x*_j ≥ MaxValue + ½ulp but StepVector returned {step}");
        var property = true.ToProperty();
        for (int j = 0; j < n; j++)
            property = property.And(ExactAgreement.Within(step[j], exact[j], Tolerances.ElmoStepUlps, $"{p}: Δθ*[{j}]"));
        return property;
    });
}
