using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers.SecondOrder;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;
using Verification.Numerics.Exact;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// EigenArc.Adjust with constants L over the whole positive range (2^-1074 to MaxValue), γ₁ = 2^j, γ₂ = 2^-k (j, k ∈ 1…4)
/// or any γ₁ ∈ [1.0625, 16), γ₂ ∈ (0, 1), line 8 either way, on diagonal separable cubics
/// <see cref="RoundedSeparableCubic"/> (−bᵀθ + ½θᵀdiag(λ)θ + Σ(c_i/6)θ_i³ rounded once) at θ = 0 with λ, b moderate
/// or from the whole range and c zero, moderate or from the whole range (since stop 43; ASSESS_LIPSCHITZ's own accuracy
/// over that range is AssessLipschitzRangeProperties'): the pass's bookkeeping is exact. AssessBefore and AssessAfter
/// are AssessLipschitz.Ratio of Before and After bit for bit; the branch is the one AssessBefore selects against η₁ ≤ η₂;
/// every After_i is kept or a normal double; for power-of-two γ it is Before_i times an integer power of two (equal
/// mantissas), otherwise Before_i·γ₁^m (m an integer, |m| ≤ 2M + 1, M = MaxAdjustments) within γ_{2M+1}, one rounding per
/// factor applied to it (at most M raises, M lowerings and line 15's raise); the conservative branch is every entry
/// times γ₂ rounded once unless one would leave the normal doubles, and then keeps all and says so (Capped); a kept
/// pass changes nothing.
/// </summary>
[Properties(MaxTest = 200)]
public class EigenArcAdjustRangeProperties
{
    internal sealed record Case(double[] Lambda, double[] B, double[] C, double[] L, double Gamma1, double Gamma2, double Eta1, double Eta2, bool Line8AsPrinted)
    {
        public bool PowersOfTwo => double.IsPow2(Gamma1) && double.IsPow2(Gamma2);

        public override string ToString() =>
            $"λ = ({Show(Lambda)}), b = ({Show(B)}), c = ({Show(C)}), L = ({Show(L)}), γ₁ = {Gamma1:R}, γ₂ = {Gamma2:R}, η = ({Eta1}, {Eta2}), line 8 as printed {Line8AsPrinted}";

        private static string Show(double[] x) => string.Join(", ", x.Select(v => v.ToString("R")));
    }

    private static Gen<double[]> ModerateOrZero(int n) => Gen.ArrayOf(FullRangeDoubles.Moderate.SelectMany(x => Gen.Elements(x, -x, 0.0)), n);

    private static Gen<double[]> Values(int n) => Gen.Frequency((1, ModerateOrZero(n)), (1, FullRangeDoubles.SignedOrOneScale(n)));

    /// <summary>A double in [lo, hi) from 52 random mantissa bits.</summary>
    private static Gen<double> Between(double lo, double hi) =>
        FullRangeDoubles.MantissaBits.Select(m => lo + (hi - lo) * Math.ScaleB((double)m, -52));

    private static Arbitrary<Case> Cases { get; } =
        (from n in Gen.Choose(1, 3)
         from lambda in Values(n)
         from b in Values(n)
         from c in Gen.Frequency((2, Gen.Constant(new double[n])), (2, ModerateOrZero(n)), (1, FullRangeDoubles.SignedOrOneScale(n)))
         from l in Gen.Frequency((3, Gen.ArrayOf(FullRangeDoubles.Positive, n)), (1, Gen.ArrayOf(FullRangeDoubles.Normal, n)))
         from j in Gen.Choose(1, 4)
         from k in Gen.Choose(1, 4)
         from gamma1 in Gen.Frequency((1, Gen.Constant(Math.ScaleB(1.0, j))), (1, Between(1.0625, 16)))
         from gamma2 in Gen.Frequency((1, Gen.Constant(Math.ScaleB(1.0, -k))), (1, Between(0.0625, 1).Where(x => x > 0.0625)))
         from eta1 in Gen.Elements(0.5, 1.0, 1.2)
         from extra in Gen.Elements(0.0, 0.05, 0.25, 1.0)
         from printed in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
         select new Case(lambda, b, c, l, gamma1, gamma2, eta1, eta1 + extra, printed)).ToArbitrary();

    /// <summary>Whether after = before·γ^m·(1 + δ), |δ| ≤ γ_K, for some integer |m| ≤ K (exact rationals).</summary>
    private static bool IsPowerTimesRounding(double after, double before, double gamma, int k)
    {
        double estimate = Math.Round(Math.Log(after / before) / Math.Log(gamma));
        if (!double.IsFinite(estimate))
            estimate = Math.Round((Math.Log(after) - Math.Log(before)) / Math.Log(gamma));
        Fraction a = ExactDouble.ToFraction(after), b = ExactDouble.ToFraction(before), g = ExactDouble.ToFraction(gamma);
        var bound = ExactAgreement.Gamma(k);
        for (int m = (int)estimate - 1; m <= (int)estimate + 1; m++)
        {
            if (Math.Abs(m) > k)
                continue;
            var power = Fraction.One;
            for (int r = 0; r < Math.Abs(m); r++)
                power *= g;
            var exact = m >= 0 ? b * power : b / power;
            if (Fraction.Abs(a - exact) <= bound * exact)
                return true;
        }
        return false;
    }

    private static bool SameMantissa(double after, double before) =>
        Math.ScaleB(after, -Math.ILogB(after)) == Math.ScaleB(before, -Math.ILogB(before));

    [Property]
    public Property Adjust_KeepsExactBookkeepingOverTheWholeRange() => Prop.ForAll(Cases, c =>
    {
        string label = c.ToString();
        var f = new RoundedSeparableCubic(0, new double[c.Lambda.Length], c.B.Select(x => -x).ToArray(), c.Lambda, c.C);
        var theta = Vector<double>.Build.Dense(c.Lambda.Length);
        var eigen = SymmetricEigen.Decompose(f.Hessian(theta), f.Gradient(theta));
        var settings = new EigenArcSettings(Gamma1: c.Gamma1, Gamma2: c.Gamma2, Eta1: c.Eta1, Eta2: c.Eta2, Line8AsPrinted: c.Line8AsPrinted);
        var before = Vector<double>.Build.DenseOfArray(c.L);
        var adjustment = new EigenArc(settings).Adjust(f, theta, eigen, before);
        var after = adjustment.After;
        double assessBefore = AssessLipschitz.Ratio(f, theta, eigen, before);
        double assessAfter = AssessLipschitz.Ratio(f, theta, eigen, after);
        var expectedBranch = assessBefore > c.Eta2 ? EigenArcBranch.Conservative
            : assessBefore < c.Eta1 ? EigenArcBranch.Liberal : EigenArcBranch.Kept;
        var result = (adjustment.Before.Equals(before)).Label($"{label}: Before {adjustment.Before}")
            .And((adjustment.AssessBefore.Equals(assessBefore) && adjustment.AssessAfter.Equals(assessAfter))
                .Label($"{label}: ASSESS ({adjustment.AssessBefore:R}, {adjustment.AssessAfter:R}) against ({assessBefore:R}, {assessAfter:R})"))
            .And((adjustment.Branch == expectedBranch).Label($"{label}: branch {adjustment.Branch}, ASSESS {assessBefore:R}"));
        int factors = 2 * settings.MaxAdjustments + 1;
        for (int i = 0; i < after.Count; i++)
        {
            bool kept = after[i] == before[i];
            bool scaled = double.IsNormal(after[i]) && after[i] > 0 && (c.PowersOfTwo
                ? SameMantissa(after[i], before[i])
                : IsPowerTimesRounding(after[i], before[i], adjustment.Branch == EigenArcBranch.Conservative ? c.Gamma2 : c.Gamma1, factors));
            result = result.And((kept || scaled)
                .Label($"{label}: After_{i} = {after[i]:R} from {before[i]:R} is not Before·γ^m within γ_{factors}, normal"));
        }
        if (adjustment.Branch == EigenArcBranch.Kept)
            result = result.And((after.Equals(before) && !adjustment.Capped).Label($"{label}: kept pass changed {after}"));
        if (adjustment.Branch == EigenArcBranch.Conservative)
        {
            var lowered = before.Map(x => ExactDouble.ToDouble(ExactDouble.ToFraction(x) * ExactDouble.ToFraction(c.Gamma2)));
            bool representable = lowered.All(double.IsNormal);
            result = result.And((representable ? after.Equals(lowered) && !adjustment.Capped : after.Equals(before) && adjustment.Capped)
                .Label($"{label}: conservative pass gave {after}, capped {adjustment.Capped}"));
        }
        return result.Classify(c.PowersOfTwo, "powers of two").Classify(true, adjustment.Branch.ToString());
    });
}
