using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Verification.Numerics.SignGeometry;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// ‖H‖∞,1 of balles-thesis eq. (6.18) over exact intervals: <see cref="SignGeometryFormulas.InfToOne{T}"/> forms Hx afresh
/// every <see cref="SignGeometryFormulas.ResyncInterval"/> vertices, so the width an interval H carries into Hx accumulates
/// over at most that many Gray-code updates, as its documentation states.
/// </summary>
public class SignGeometryFormulasMutantExamples
{
    /// <summary>
    /// H is the 6×6 matrix whose every entry is the interval [−1, 1] (32 vertices, so one resynchronization at vertex 16).
    /// Every realization has 0 ≤ ‖H‖∞,1 ≤ 6·6 = 36 (the all-ones realization attains 36), so the enclosure must hold [0, 36].
    /// A fresh (Hx)_i = Σ_j x_j[−1, 1] is [−6, 6]; each later update Hx ← Hx + 2x_jH_{·j} widens it by [−2, 2]; with at most
    /// R − 1 = 15 updates before the next fresh evaluation, |(Hx)_i| ≤ 6 + 2·15 = 36 and ‖Hx‖₁ ≤ 6·36 = 216. Without the
    /// resynchronization the 31st update reaches 6·(6 + 2·31) = 408. Exact rationals, no tolerance.
    /// </summary>
    [Fact]
    public void InfToOne_OfAnIntervalMatrix_AccumulatesWidthOverAtMostOneResyncInterval()
    {
        const int d = 6;
        var unit = new RationalInterval(-Fraction.One, Fraction.One);
        var h = RealMatrix<RationalInterval>.Create(d, d, (_, _) => unit);
        var norm = SignGeometryFormulas.InfToOne(h);
        Assert.True(norm.Lower <= Fraction.Zero && norm.Upper >= new Fraction(d * d), $"{norm} must hold [0, 36]");
        var bound = new Fraction(d * (d + 2 * (SignGeometryFormulas.ResyncInterval - 1)));
        Assert.True(norm.Upper <= bound, $"upper end {norm.Upper} exceeds the width of {SignGeometryFormulas.ResyncInterval - 1} updates, {bound}");
    }
}
