using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Exact;
using Verification.Tests.Properties.Numerics.SignGeometry;

namespace Verification.Tests.Properties.Numerics;

/// <summary>
/// <see cref="EigenResidualCertificate"/> against exact spectra: H = Q·diag(λ)·Qᵀ with Q exactly orthogonal and rational,
/// so sorted λ is H's exact spectrum. The certified radius ε must enclose it for the solver's pairs, in any dimension
/// (d = 2 to 24 here), with repeated eigenvalues too (the certificate needs no gap). The tolerance has one term beside ε:
/// the exact H is rounded to doubles before anything sees it, which moves each eigenvalue by at most
/// ‖Ĥ − H‖₂ ≤ ‖Ĥ − H‖∞ = δ_r (Weyl; ‖S‖₂ ≤ ‖S‖∞ for symmetric S), computed exactly.
/// </summary>
/// <remarks>
/// Enclosure alone does not catch a certificate that is too large, nor one that drops the factor 1/√(1 − ‖E‖_F) while
/// the solver's V̂ is orthonormal to 2^-50 (the factor is then 1 + 2^-51 and ε is loose by more). The sharp family
/// checks both: Q exact in doubles (block Householder, entries ±½), V̂ = Q·diag(s) with one column scaled by s ≤ 1 and its
/// λ̂ moved by δ. Then R has the one column −s·δ·q_j, E = diag(s² − 1), ‖E‖_F = 1 − s², and ε = s|δ|/√(s²) = |δ|, which is
/// also the sorted error: Kahan's bound is attained, so ε must lie in [|δ|, |δ|·(1 + 2^-60)] (the upward roundings of
/// the two roots and the result, each well under 2^-62 relative).
/// </remarks>
[Properties(MaxTest = 100)] // exact rational products up to 24×24 and 2150-bit integer residuals: about 0.1 s a case at d = 24
public class EigenResidualCertificateProperties
{
    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    /// <summary>Q = P₃P₂P₁ with P = I − 2wwᵀ/(wᵀw) for integer w ≠ 0 (exactly orthogonal, dense for d up to 24).</summary>
    private static ExactMatrix Householders(int d, int[] entries)
    {
        var q = ExactMatrix.Identity(d);
        for (int r = 0; r < 3; r++)
        {
            var w = entries.Skip(r * d).Take(d).Select(x => new Fraction(x)).ToArray();
            if (w.All(x => x.IsZero))
                w[r % d] = Fraction.One;
            var norm = w.Aggregate(Fraction.Zero, (s, x) => s + x * x);
            var p = ExactMatrix.Build(d, d, (i, j) => (i == j ? Fraction.One : Fraction.Zero) - 2 * w[i] * w[j] / norm);
            q = p * q;
        }
        return q;
    }

    /// <summary>One case: d, the reflectors' entries, the m_j (repeats allowed), k; λ_j = m_j·2^k.</summary>
    private static Gen<(int Dimension, int[] Entries, int[] Multipliers, int Exponent)> Cases { get; } =
        from d in Gen.Frequency((2, Gen.Choose(2, 8)), (2, Gen.Choose(9, 16)), (3, Gen.Choose(17, 24)))
        from entries in Gen.ArrayOf(Gen.Choose(-3, 3), 3 * d)
        from multipliers in Gen.ArrayOf(Gen.Choose(-6, 6), d)
        from k in Gen.Frequency(
            (4, Gen.Choose(-1060, 1000)),
            (1, Gen.Choose(-1060, -1030)), // H near and on the subnormal grid
            (1, Gen.Choose(-8, 8)))
        select (d, entries, multipliers, k);

    /// <summary>Ĥ (the doubles), the exact spectrum sorted, and δ_r = ‖Ĥ − H‖∞ exactly.</summary>
    private static (Matrix<double> Rounded, Fraction[] Spectrum, Fraction Rounding, bool Orthogonal) Build(ExactMatrix q, Fraction[] lambda)
    {
        var exact = SignGeometryBoundsCayleyProperties.Conjugated(q, lambda);
        var rounded = exact.ToDouble();
        var rounding = Fraction.Zero;
        for (int i = 0; i < q.Rows; i++)
        {
            var row = Fraction.Zero;
            for (int j = 0; j < q.Rows; j++)
                row += Fraction.Abs(F(rounded[i, j]) - exact[i, j]);
            if (row > rounding)
                rounding = row;
        }
        bool orthogonal = (q.Transpose() * q - ExactMatrix.Identity(q.Rows)).MaxAbs().IsZero;
        return (rounded, lambda.OrderBy(x => x).ToArray(), rounding, orthogonal);
    }

    /// <summary>Sorted, every computed value (exact rationals) within ε + δ_r of the exact one; the label gives the worst ratio.</summary>
    private static Property Encloses(Fraction[] computed, Fraction[] spectrum, double radius, Fraction rounding, string at)
    {
        var sorted = computed.OrderBy(x => x).ToArray();
        var tolerance = F(radius) + rounding;
        var worst = Enumerable.Range(0, sorted.Length).Select(i => Fraction.Abs(sorted[i] - spectrum[i])).Max()!;
        double ratio = tolerance.IsZero ? (worst.IsZero ? 0 : double.PositiveInfinity) : ExactDouble.ToDouble(worst / tolerance);
        return (worst <= tolerance).Label($"sorted eigenvalue error {ExactDouble.ToDouble(worst):R} = {ratio:R}·(ε + δ_r), ε = {radius:R}, at {at}");
    }

    /// <summary>
    /// <see cref="SymmetricEigen.Decompose"/>'s pairs of H = Q·diag(λ)·Qᵀ (Q a product of three rational Householder
    /// reflectors, d = 2 to 24, repeated eigenvalues common): sorted, each exact λ_i within the certified ε (plus the
    /// rounding of H) of the computed one.
    /// </summary>
    [Property]
    public Property Radius_OfDecomposesPairs_EnclosesTheExactSpectrum() => Prop.ForAll(Cases.ToArbitrary(), c =>
    {
        var lambda = c.Multipliers.Select(m => m * ExactDouble.Pow2(c.Exponent)).ToArray();
        var (rounded, spectrum, rounding, orthogonal) = Build(Householders(c.Dimension, c.Entries), lambda);
        string at = $"d = {c.Dimension}, w = [{string.Join(", ", c.Entries)}], m = [{string.Join(", ", c.Multipliers)}], k = {c.Exponent}";
        var eigen = SymmetricEigen.Decompose(rounded, Vector<double>.Build.Dense(c.Dimension));
        double radius = EigenResidualCertificate.Radius(rounded, eigen);
        return orthogonal.Label($"QᵀQ ≠ I at {at}")
            .And(Encloses(eigen.Values.Select(F).ToArray(), spectrum, radius, rounding, at));
    });

    /// <summary>
    /// The same for a power-of-two-scaled solver's pairs, through the exponent t: the eigenpairs of 2^-t·H that
    /// SignGeometryBounds uses (its scaled, flushed H), certified against H itself; sorted, each exact λ_i within ε (plus
    /// the rounding of H) of 2^t·λ̂_i. Cayley-rotated H (the SignGeometry references), d = 2 to 12.
    /// </summary>
    [Property]
    public Property Radius_OfScaledPairs_EnclosesTheExactSpectrum() => Prop.ForAll(
        (from d in Gen.Choose(2, 12)
         from skew in Gen.ArrayOf(Gen.Choose(-4, 4), d * (d - 1) / 2)
         from multipliers in Gen.ArrayOf(Gen.Choose(-6, 6), d)
         from k in Gen.Frequency((4, Gen.Choose(-1060, 1000)), (1, Gen.Choose(-1060, -1030)))
         select (d, skew, multipliers, k)).ToArbitrary(), c =>
    {
        var (d, skew, multipliers, k) = c;
        var lambda = multipliers.Select(m => m * ExactDouble.Pow2(k)).ToArray();
        var (rounded, spectrum, rounding, orthogonal) = Build(SignGeometryBoundsCayleyProperties.CayleyOfHalves(d, skew), lambda);
        string at = $"d = {d}, 2K upper = [{string.Join(", ", skew)}], m = [{string.Join(", ", multipliers)}], k = {k}";
        var (evd, s) = Verification.Numerics.SignGeometry.SignGeometryBounds.ScaledEigen(rounded);
        var values = evd.EigenValues.Select(l => l.Real).ToArray();
        double radius = EigenResidualCertificate.Radius(rounded, values, evd.EigenVectors, s);
        var back = ExactDouble.Pow2(s);
        return orthogonal.Label($"QᵀQ ≠ I at {at}")
            .And(Encloses(values.Select(v => back * F(v)).ToArray(), spectrum, radius, rounding, at));
    });

    /// <summary>
    /// The sharp family of the remarks: V̂ = Q·diag(s) with s_j ≤ 1 in one column and λ̂_j = λ_j + δ, Q exact in doubles
    /// (d = 4 to 24 in blocks of 4, each I − ½wwᵀ with w = (1, 1, 1, 1)); Kahan's bound is attained, so ε ∈ [|δ|,
    /// |δ|·(1 + 2^-60)]. A certificate without the factor 1/√(1 − ‖E‖_F) gives s·|δ| and fails below; one whose residual
    /// leaves out V̂ fails above.
    /// </summary>
    [Property]
    public Property Radius_OfAScaledExactEigenvector_IsAttained() => Prop.ForAll(
        (from blocks in Gen.Choose(1, 6)
         from j in Gen.Choose(0, 4 * blocks - 1)
         from scaleBits in Gen.Choose(1, 30)
         from deltaBits in Gen.Choose(4, 40)
         from k in Gen.Choose(-1000, 1000)
         from sign in Gen.Elements(-1, 1)
         select (blocks, j, scaleBits, deltaBits, k, sign)).ToArbitrary(), c =>
    {
        var (blocks, j, scaleBits, deltaBits, k, sign) = c;
        int d = 4 * blocks;
        // Q = blockdiag(I − ½·11ᵀ): entries ±½, symmetric orthogonal; λ_i = (2i − d)·2^k (distinct, gaps 2^(k+1)).
        var q = Matrix<double>.Build.Dense(d, d, (a, b) => a / 4 != b / 4 ? 0.0 : (a == b ? 0.5 : -0.5));
        var lambda = Enumerable.Range(0, d).Select(i => Math.ScaleB(2 * i - d, k)).ToArray();
        var h = q * Matrix<double>.Build.DiagonalOfDiagonalArray(lambda) * q.Transpose(); // exact: sums of ±¼·λ, few terms
        double s = 1 - Math.ScaleB(1, -scaleBits);
        double delta = sign * Math.ScaleB(1, k - deltaBits);
        var vectors = q.Clone();
        vectors.SetColumn(j, q.Column(j) * s);
        var values = (double[])lambda.Clone();
        values[j] += delta;
        double radius = EigenResidualCertificate.Radius(h, values, vectors);
        var exactDelta = Fraction.Abs(F(values[j]) - F(lambda[j]));
        string at = $"d = {d}, j = {j}, s = 1 − 2^-{scaleBits}, δ = {delta:R}, k = {k}";
        var upper = exactDelta * (1 + ExactDouble.Pow2(-60));
        return (F(radius) >= exactDelta).Label($"ε = {radius:R} below the attained error {ExactDouble.ToDouble(exactDelta):R} at {at}")
            .And((F(radius) <= upper).Label($"ε = {radius:R} above |δ|·(1 + 2^-60) = {ExactDouble.ToDouble(upper):R} at {at}"));
    });
}

/// <summary>Hand-picked cases and the rejections of <see cref="EigenResidualCertificate"/>.</summary>
public class EigenResidualCertificateExamples
{
    private static readonly Matrix<double> Two = Matrix<double>.Build.DenseOfArray(new[,] { { 2.0, 1.0 }, { 1.0, 2.0 } });

    /// <summary>Exact pairs of [[2, 1], [1, 2]] (eigenvectors (1, ∓1)/√2 rounded): ε is a few ulps of ‖H‖₂ = 3, not 0.</summary>
    [Xunit.Fact]
    public void RoundedExactPairs_GiveARadiusOfAFewUlps()
    {
        double r = Math.Sqrt(0.5);
        var v = Matrix<double>.Build.DenseOfArray(new[,] { { r, r }, { -r, r } });
        double radius = EigenResidualCertificate.Radius(Two, [1.0, 3.0], v);
        Xunit.Assert.InRange(radius, 0.0, 8 * 3 * Math.ScaleB(1, -52));
    }

    /// <summary>Exactly orthonormal exact pairs (the identity for diagonal H): ε = 0.</summary>
    [Xunit.Fact]
    public void ExactPairsOfADiagonal_GiveZero()
    {
        var h = Matrix<double>.Build.DiagonalOfDiagonalArray([-3.0, 5e-300, 7e300]);
        Xunit.Assert.Equal(0.0, EigenResidualCertificate.Radius(h, [-3.0, 5e-300, 7e300], Matrix<double>.Build.DenseIdentity(3)));
    }

    /// <summary>A subnormal radius is rounded up, not to 0: H = diag(2^-1074, 0) with λ̂ = (0, 0) gives ε = 2^-1074.</summary>
    [Xunit.Fact]
    public void SubnormalResidual_IsRoundedUp()
    {
        var h = Matrix<double>.Build.DiagonalOfDiagonalArray([double.Epsilon, 0.0]);
        Xunit.Assert.Equal(double.Epsilon, EigenResidualCertificate.Radius(h, [0.0, 0.0], Matrix<double>.Build.DenseIdentity(2)));
    }

    /// <summary>The exponent: the pairs of 2^-t·H certify H's eigenvalues 2^t·λ̂ with ε in H's units.</summary>
    [Xunit.Fact]
    public void Exponent_ScalesTheRadiusToHsUnits()
    {
        var h = Matrix<double>.Build.DiagonalOfDiagonalArray([Math.ScaleB(3, 900), 0.0]);
        // pairs of 2^-900·H = diag(3, 0), λ̂ = (3 + 2^-40, 0): ε = 2^-40 in those units, 2^860 in H's.
        double radius = EigenResidualCertificate.Radius(h, [3 + Math.ScaleB(1, -40), 0.0], Matrix<double>.Build.DenseIdentity(2), 900);
        Xunit.Assert.Equal(Math.ScaleB(1, 860), radius);
    }

    [Xunit.Fact]
    public void BadInput_IsRejected()
    {
        var identity = Matrix<double>.Build.DenseIdentity(2);
        ArgumentAssert.Rejects(() => EigenResidualCertificate.Radius(Two, [1.0, 3.0], Matrix<double>.Build.Dense(2, 2)), "vectors", "orthonormal");
        ArgumentAssert.Rejects(() => EigenResidualCertificate.Radius(Two, [1.0, 3.0], 2 * identity), "vectors", "orthonormal");
        ArgumentAssert.Rejects(() => EigenResidualCertificate.Radius(Two, [1.0], identity), "values", "");
        ArgumentAssert.Rejects(() => EigenResidualCertificate.Radius(Two, [1.0, double.NaN], identity), "values", "finite");
        ArgumentAssert.Rejects(() => EigenResidualCertificate.Radius(Two, [1.0, 3.0], Matrix<double>.Build.DenseIdentity(3)), "vectors", "2×2");
        // One dimension right is not enough (run 47: "rows or columns wrong" → "both wrong" survived).
        ArgumentAssert.Rejects(() => EigenResidualCertificate.Radius(Two, [1.0, 3.0], Matrix<double>.Build.DenseIdentity(2, 3)), "vectors", "2×3");
        ArgumentAssert.Rejects(() => EigenResidualCertificate.Radius(Two, [1.0, 3.0], Matrix<double>.Build.DenseIdentity(3, 2)), "vectors", "3×2");
        ArgumentAssert.Rejects(() => EigenResidualCertificate.Radius(Two, [1.0, 3.0], identity * double.PositiveInfinity), "vectors", "finite");
        ArgumentAssert.Rejects(() => EigenResidualCertificate.Radius(Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 2.0 }, { 0.0, 1.0 } }), [1.0, 1.0], identity), "h", "symmetric");
        ArgumentAssert.Rejects(() => EigenResidualCertificate.Radius(Two, [1.0, 3.0], identity, EigenResidualCertificate.MaxExponent + 1), "exponent", "");
    }
}
