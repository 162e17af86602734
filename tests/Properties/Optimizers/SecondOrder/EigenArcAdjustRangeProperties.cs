using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.SecondOrder;
using Verification.Tests.Properties.Numerics;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// EigenArc.Adjust with constants L over the whole positive range (2^-1074 to MaxValue) and γ₁ = 2^j, γ₂ = 2^-k
/// (j, k ∈ 1…4), on diagonal quadratics ½θᵀdiag(λ)θ − bᵀθ at θ = 0 with moderate λ, b (so ASSESS_LIPSCHITZ, whose own
/// range is its row's, is evaluated where it is ordinary): the pass's bookkeeping is exact. AssessBefore and AssessAfter
/// are AssessLipschitz.Ratio of Before and After bit for bit; the branch is the one AssessBefore selects against η₁ ≤ η₂;
/// every After_i is Before_i times an integer power of two (exact for power-of-two γ, checked by the binary exponent and
/// equal mantissas) and a normal double unless Before_i was subnormal and kept; the conservative branch scales every
/// entry by exactly γ₂ unless one would leave the normal doubles, and then keeps all and says so (Capped); a kept pass
/// changes nothing.
/// </summary>
[Properties(MaxTest = 200)]
public class EigenArcAdjustRangeProperties
{
    private static Arbitrary<(double[] Lambda, double[] B, double[] L, int J, int K, double Eta1, double Eta2)> Cases { get; } =
        (from n in Gen.Choose(1, 3)
         from lambda in Gen.ArrayOf(FullRangeDoubles.Moderate.SelectMany(x => Gen.Elements(x, -x, 0.0)), n)
         from b in Gen.ArrayOf(FullRangeDoubles.Moderate.SelectMany(x => Gen.Elements(x, -x, 0.0)), n)
         from l in Gen.Frequency((3, Gen.ArrayOf(FullRangeDoubles.Positive, n)), (1, Gen.ArrayOf(FullRangeDoubles.Normal, n)))
         from j in Gen.Choose(1, 4)
         from k in Gen.Choose(1, 4)
         from eta1 in Gen.Elements(0.5, 1.0, 1.2)
         from extra in Gen.Elements(0.0, 0.05, 0.25, 1.0)
         select (lambda, b, l, j, k, eta1, eta1 + extra)).ToArbitrary();

    private static bool SameMantissa(double after, double before) =>
        Math.ScaleB(after, -Math.ILogB(after)) == Math.ScaleB(before, -Math.ILogB(before));

    [Property]
    public Property Adjust_KeepsExactBookkeepingOverTheWholeRange() => Prop.ForAll(Cases, c =>
    {
        string label = $"λ = ({string.Join(", ", c.Lambda)}), b = ({string.Join(", ", c.B)}), L = ({string.Join(", ", c.L.Select(x => x.ToString("R")))}), γ₁ = 2^{c.J}, γ₂ = 2^-{c.K}, η = ({c.Eta1}, {c.Eta2})";
        var f = Quadratic.Diagonal(Vector<double>.Build.DenseOfArray(c.Lambda), Vector<double>.Build.DenseOfArray(c.B));
        var theta = Vector<double>.Build.Dense(c.Lambda.Length);
        var eigen = SymmetricEigen.Decompose(f.Hessian(theta), f.Gradient(theta));
        var settings = new EigenArcSettings(Gamma1: Math.ScaleB(1.0, c.J), Gamma2: Math.ScaleB(1.0, -c.K), Eta1: c.Eta1, Eta2: c.Eta2);
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
        for (int i = 0; i < after.Count; i++)
        {
            bool kept = after[i] == before[i];
            result = result.And((kept || double.IsNormal(after[i]) && SameMantissa(after[i], before[i]))
                .Label($"{label}: After_{i} = {after[i]:R} from {before[i]:R} is not Before·2^m, normal"));
        }
        if (adjustment.Branch == EigenArcBranch.Kept)
            result = result.And((after.Equals(before) && !adjustment.Capped).Label($"{label}: kept pass changed {after}"));
        if (adjustment.Branch == EigenArcBranch.Conservative)
        {
            var lowered = before.Map(x => Math.ScaleB(x, -c.K));
            bool representable = lowered.All(double.IsNormal);
            result = result.And((representable ? after.Equals(lowered) && !adjustment.Capped : after.Equals(before) && adjustment.Capped)
                .Label($"{label}: conservative pass gave {after}, capped {adjustment.Capped}"));
        }
        return result;
    });
}
