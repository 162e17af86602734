using Fractions;
using Verification.Claims.Catalog.Elmo;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Claims.Catalog.Elmo.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Claims.Catalog.Elmo;

/// <summary>
/// The Taylor-remainder claims of elmo-amos §3.1 and M.2 (Lemma 3.1 and its readings, Lemma M.2), checked at inputs whose
/// answer is known in closed form: f = ½θᵀdiag(1, 2)θ + (3/6)(uᵀθ)³ with u = (1, 1) (test function 2), where the remainder is
/// exactly R = (1/2)(uᵀΔ)³ and L_H = 3‖u‖³ = 6√2.
/// </summary>
public class TaylorStatementExamples
{
    private static Statement<TaylorCase> Formalization(string claimId, string name) =>
        (Statement<TaylorCase>)ElmoClaims.All.Single(c => c.Id == claimId).Formalizations.Single(f => f.Name == name);

    private static TaylorCase CubicPlane(double[] theta, double[] step) => new(ElmoTestFunctions.CubicPlane, theta, step);

    private static FormalizationResult Run(IFormalization f, ulong seed) => f.Run(new RunSettings(300, seed));

    [Fact]
    public void Lemma31AsWritten_IsSatisfiedByAComputedWitness_WhereTheStepIsNotZero()
    {
        // θ = 0, Δ = (1, 1): H = diag(1, 2), so Σ|Δᵀv_i|³ = 2 and R = ½·2³ = 4; the witness is 12·4/2 + 1 = 25, the least constant 6·4/2 = 12.
        var r = Formalization("elmo/lemma-3.1", "upper-eq5-exists").Evaluate<RationalInterval>(CubicPlane([0, 0], [1, 1]));
        Assert.Equal(RelationKind.Trivial, r.Kind);
        Assert.Contains("= 2 > 0", r.Note, StringComparison.Ordinal);
        Assert.Contains("L_t^i = 25", r.Note, StringComparison.Ordinal);
        Assert.Contains("≥ 12", r.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Lemma31AsWritten_AtAZeroStep_ChecksThatBothSidesVanish()
    {
        var r = Formalization("elmo/lemma-3.1", "lower-eq6-exists").Evaluate<RationalInterval>(CubicPlane([0.5, -2], [0, 0]));
        Assert.Equal(RelationKind.Trivial, r.Kind);
        Assert.StartsWith("Δθ_t = 0", r.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Lemma31AsWritten_IsVacuousWithComputedReasons()
    {
        // The verdict "vacuous" is earned input by input: the notes carry the sums and witnesses computed at the inputs.
        foreach (var f in ElmoClaims.All.Single(c => c.Id == "elmo/lemma-3.1").Formalizations)
        {
            var result = Run(f, 3);
            Assert.Equal(Verdict.Vacuous, result.Verdict);
            Assert.Contains(result.Notes, n => n.Contains("Σ_i|Δθ_tᵀv_i|³ =", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("upper-eq5", 1.0)]
    [InlineData("lower-eq6", -1.0)]
    public void SpectralLH_IsRefutedAlongU_ForEitherSignOfTheCubicTerm(string name, double sign)
    {
        // R = ±4 against (L_H/6)·Σ|Δ_i|³ = √2·2 = 2.83 (the axes are H(0)'s eigenvectors): a violation by 1.17, on an open set.
        foreach (ulong seed in new ulong[] { 1, 42 })
        {
            var result = Run(Formalization("elmo/lemma-3.1/spectral-LH", name), seed);
            Assert.Equal(Verdict.Refuted, result.Verdict);
            var c = result.Counterexample!;
            Assert.Equal($"[{sign:R}, {sign:R}]", c.Inputs.Single(v => v.Name == "Delta theta_t").Value);
            Assert.Equal(Scope.OpenSet, c.Scope);
            Assert.InRange(c.CertifiedMargin, 0.1, 1);
        }
    }

    [Fact]
    public void LemmaM2_AtItsEqualityAlongU_IsDecidedExactly()
    {
        // R = 4 and (L_H/6)‖Δ‖³ = (6√2/6)(√2)³ = 4: an equality of rationals once L_H‖Δ‖³ is formed with one square root.
        var r = Formalization("elmo/lemma-M.2", "dennis-schnabel").Evaluate<RationalInterval>(CubicPlane([0, 0], [1, 1]));
        Assert.Equal(new Fraction(4), r.Lhs.Lower);
        Assert.True(r.Lhs.Width.IsZero && r.Rhs.Width.IsZero);
        Assert.Equal(r.Lhs.Lower, r.Rhs.Lower);
    }

    [Fact]
    public void Separable_RemainderAndBound_AreExactOnTheCubicSum()
    {
        // f = Σ (q_i/2)x² + (c_i/6)x³ with c = (2, −0.5, 1): R = Σ(c_i/6)Δ_i³ and the bound Σ(|c_i|/6)|Δ_i|³ are equal when
        // every c_iΔ_i ≥ 0: Δ = (1, −2, 0.5) gives R = 1/3 + 2/3 + 1/48 = 49/48 on both sides, decided exactly.
        var r = Formalization("elmo/lemma-3.1/separable", "upper-eq5").Evaluate<RationalInterval>(new TaylorCase(4, [0.25, -1, 2], [1, -2, 0.5]));
        Assert.Equal(new Fraction(49, 48), r.Lhs.Lower);
        Assert.True(r.Lhs.Width.IsZero && r.Rhs.Width.IsZero);
        Assert.Equal(r.Lhs.Lower, r.Rhs.Upper);
    }
}
