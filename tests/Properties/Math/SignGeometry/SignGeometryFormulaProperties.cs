using Fractions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Exact;
using Verification.Numerics.SignGeometry;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// The generic sign-geometry formulas the chapter-6 statements are written with agree with independent computations: ‖H‖∞,1
/// with the exact Gray-code enumeration, positive semi-definiteness with the eigenvalues, the closed-form eigenpairs with
/// Hv = λv in exact arithmetic, the spectral-norm bounds with the eigenvalues, and the L_sep certificates with each other.
/// </summary>
public class SignGeometryFormulaProperties
{
    private static Gen<double[,]> Symmetric(int d) => Gen.Choose(-6, 6).ArrayOf(d * (d + 1) / 2).Select(u =>
    {
        var h = new double[d, d];
        int k = 0;
        for (int i = 0; i < d; i++)
            for (int j = i; j < d; j++)
                h[i, j] = h[j, i] = u[k++] / 2.0;
        return h;
    });

    private static Gen<double[,]> AnySymmetric { get; } = Gen.Choose(1, 5).SelectMany(Symmetric);

    private static Gen<double[,]> Gram { get; } = Gen.Choose(1, 4).SelectMany(d => Gen.Choose(1, d).SelectMany(rank =>
        Gen.Choose(-3, 3).ArrayOf(rank * d).Select(b =>
        {
            var h = new double[d, d];
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++)
                    for (int r = 0; r < rank; r++)
                        h[i, j] += b[r * d + i] * b[r * d + j];
            return h;
        })));

    [Property(Replay = "(20261123,1442695040888963407)", MaxTest = 150)]
    public Property InfToOne_EqualsTheExactEnumeration() => Prop.ForAll(AnySymmetric.ToArbitrary(), h =>
    {
        var generic = SignGeometryFormulas.InfToOne(RealMatrix<RationalInterval>.Constant(h));
        var exact = InfToOneNormExact.Compute(InfToOneNormExact.ToFractions(h)).Value;
        return (generic.Lower == exact && generic.Upper == exact).Label($"generic {generic}, exact {exact}");
    });

    [Property(Replay = "(20261123,1442695040888963407)", MaxTest = 200)]
    public Property PositiveSemidefinite_AgreesWithTheEigenvalues() => Prop.ForAll(AnySymmetric.ToArbitrary(), h =>
    {
        double min = Matrix<double>.Build.DenseOfArray(h).Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues.Min(e => e.Real);
        // Entries are halves of integers ≤ 6: a negative eigenvalue of such a matrix is far from rounding (|λ| ≥ 1e-6 here),
        // so the eigenvalue sign with a 1e-9 margin is an independent oracle wherever it is not within the margin of 0.
        bool exact = SignGeometryFormulas.IsPositiveSemidefinite(RealMatrix<RationalInterval>.Constant(h));
        bool inDouble = SignGeometryFormulas.IsPositiveSemidefinite(RealMatrix<Float64>.Constant(h));
        if (Math.Abs(min) <= 1e-9)
            return (exact && inDouble).Label($"λ_min ≈ 0 ({min:R}): a singular PSD matrix must be accepted");
        return (exact == min > 0 && inDouble == exact).Label($"λ_min = {min:R}, exact {exact}, double {inDouble}");
    });

    [Property(Replay = "(20261123,1442695040888963407)", MaxTest = 100)]
    public Property GramMatrices_ArePositiveSemidefinite() => Prop.ForAll(Gram.ToArbitrary(), h =>
        SignGeometryFormulas.IsPositiveSemidefinite(RealMatrix<Float64>.Constant(h)) && SignGeometryFormulas.IsPositiveSemidefinite(RealMatrix<RationalInterval>.Constant(h)));

    [Property(Replay = "(20261123,1442695040888963407)", MaxTest = 200)]
    public Property Eigenpairs2x2_SatisfyTheEigenEquationExactly() =>
        Prop.ForAll(Gen.Choose(-8, 8).ArrayOf(3).Select(v => v.Select(x => x / 4.0).ToArray()).ToArbitrary(), v =>
        {
            using var bits = EnclosureSettings.Use(512);
            var (a, b, d) = (RationalInterval.Exact(v[0]), RationalInterval.Exact(v[1]), RationalInterval.Exact(v[2]));
            bool ok = true;
            foreach (var (lambda, u) in SignGeometryFormulas.Eigenpairs2x2(a, b, d))
            {
                var r0 = a * u[0] + b * u[1] - lambda * u[0];
                var r1 = b * u[0] + d * u[1] - lambda * u[1];
                var tiny = ExactDouble.Pow2(-400);
                ok &= r0.Lower <= Fraction.Zero && r0.Upper >= Fraction.Zero && r0.Width < tiny;
                ok &= r1.Lower <= Fraction.Zero && r1.Upper >= Fraction.Zero && r1.Width < tiny;
                ok &= !(u[0].IsExactlyZero && u[1].IsExactlyZero);
            }
            return ok.Label($"[[{v[0]}, {v[1]}], [{v[1]}, {v[2]}]]");
        });

    [Property(Replay = "(20261123,1442695040888963407)", MaxTest = 100)]
    public Property EigenpairsRankOne_SatisfyTheEigenEquationExactly() =>
        Prop.ForAll(Gen.Choose(-6, 6).ArrayOf(4).Where(u => u.Any(x => x != 0)).ToArbitrary(), Gen.Choose(-9, 9).ToArbitrary(), (u, c) =>
        {
            var uu = u.Select(x => RationalInterval.Exact((double)x)).ToArray();
            var cc = RationalInterval.Exact(c / 3.0);
            var h = RealMatrix<RationalInterval>.Create(4, 4, (i, j) => cc * uu[i] * uu[j]);
            var pairs = SignGeometryFormulas.EigenpairsRankOne(cc, uu);
            bool ok = pairs.Count == 4;
            foreach (var (lambda, v) in pairs)
            {
                var hv = h * v;
                for (int i = 0; i < 4; i++)
                    ok &= (hv[i] - lambda * v[i]).IsExactlyZero;
                ok &= v.Any(x => !x.IsExactlyZero);
            }
            return ok.Label($"c = {c}/3, u = [{string.Join(", ", u)}]");
        });

    [Property(Replay = "(20261123,1442695040888963407)", MaxTest = 150)]
    public Property SpectralNormBounds_EncloseTheSpectralNorm() => Prop.ForAll(AnySymmetric.ToArbitrary(), h =>
    {
        double norm = Matrix<double>.Build.DenseOfArray(h).Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues.Max(e => Math.Abs(e.Real));
        var a = RealMatrix<RationalInterval>.Constant(h);
        var lower = SpectralNormFormulas.LowerBound(a);
        var upper = SpectralNormFormulas.UpperBound(a);
        var lowerDouble = SpectralNormFormulas.LowerBound(RealMatrix<Float64>.Constant(h)).Value;
        var upperDouble = SpectralNormFormulas.UpperBound(RealMatrix<Float64>.Constant(h)).Value;
        // Rigorous: lower ≤ ‖A‖₂ ≤ upper (the eigenvalue oracle is accurate to ~1e-15·‖A‖, far inside the 1e-12 margin);
        // tight: both within 1e-12 of the norm in doubles (the witness is an eigenbasis to rounding).
        double margin = 1e-12 * (1 + norm);
        bool rigorous = lower.LowerAsDouble <= norm + margin && upper.UpperAsDouble >= norm - margin && lower.Upper <= upper.Lower + ExactDouble.ToFraction(margin);
        bool tight = Math.Abs(lowerDouble - norm) <= margin && Math.Abs(upperDouble - norm) <= margin;
        return (rigorous && tight).Label($"‖A‖₂ = {norm:R}: exact [{lower}, {upper}], double [{lowerDouble:R}, {upperDouble:R}]");
    });

    /// <summary>
    /// The certificates of L_sep over the whole range: a Gram matrix scaled by 2^k, k from −1060 (entries subnormal) to
    /// 1000. Its witness must be accepted by both bounds and bracket L_sep rigorously (feasible l, ⟨H, Y⟩ ≤ Σl in exact
    /// rationals); where the scaled barrier's slack stays normal (k ≥ −900), as tightly as the scale-one property asks
    /// (1e-8 of Σ|H_ij|, relative). Before the witness scaled its rows by a power of two, k below about −990 gave a zero
    /// dual factor, which LowerBound rejects.
    /// </summary>
    [Property(Replay = "(20261203,1442695040888963407)", MaxTest = 40)]
    public Property SeparableCertificates_OfAScaledGram_AreValidOverTheWholeRange() =>
        Prop.ForAll(Gram.ToArbitrary(), Gen.Choose(-1060, 1000).ToArbitrary(), (gram, k) =>
        {
            int d = gram.GetLength(0);
            var h = new double[d, d];
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++)
                    h[i, j] = Math.ScaleB(gram[i, j], k);
            var witness = SeparableWitness.Of(h);
            var a = RealMatrix<RationalInterval>.Constant(h);
            var (feasible, upper) = SeparableSmoothnessFormulas.UpperBound(a, witness);
            var lower = SeparableSmoothnessFormulas.LowerBound(a, witness);
            bool valid = feasible && lower.Upper <= upper.Lower;
            var scale = ExactDouble.ToFraction(Math.ScaleB(1 + gram.Cast<double>().Sum(Math.Abs), k));
            bool tight = k < -900 || upper.Upper - lower.Lower <= new Fraction(1, 100_000_000) * scale;
            return (valid && tight).Label($"k = {k}: feasible {feasible}, lower {lower.LowerAsDouble:R}, upper {upper.UpperAsDouble:R}");
        });

    [Property(Replay = "(20261123,1442695040888963407)", MaxTest = 40)]
    public Property SeparableCertificates_BracketLsepTightly() => Prop.ForAll(Gram.ToArbitrary(), h =>
    {
        var witness = SeparableWitness.Of(h);
        var a = RealMatrix<RationalInterval>.Constant(h);
        var (feasible, upper) = SeparableSmoothnessFormulas.UpperBound(a, witness);
        var lower = SeparableSmoothnessFormulas.LowerBound(a, witness);
        var bracket = SeparableSmoothness.Bracket(Matrix<double>.Build.DenseOfArray(h));
        // The dual from the barrier point is within its gap (≤ 1e-10 of Σ|H_ij|) of the primal, like the solver's own bracket.
        double scale = 1 + h.Cast<double>().Sum(Math.Abs);
        bool ok = feasible && lower.Upper <= upper.Lower
                  && upper.UpperAsDouble - lower.LowerAsDouble <= 1e-8 * scale
                  && lower.LowerAsDouble <= bracket.Upper && upper.UpperAsDouble >= bracket.Lower;
        return ok.Label($"feasible {feasible}, lower {lower}, upper {upper}, solver bracket [{bracket.Lower:R}, {bracket.Upper:R}]");
    });
}
