using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Numerics.SignGeometry;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>The double enumeration of ‖H‖∞,1 against the exact rational one, and its bounds (balles-thesis §6.4.2).</summary>
public class InfToOneNormEnumerationProperties
{
    /// <summary>Symmetric matrices d = 1…8 with integer, dyadic and wide-range entries (scaled by 2^±30 at times).</summary>
    internal static Gen<double[,]> Symmetric { get; } =
        from d in Gen.Choose(1, 8)
        from e in Gen.Elements(0, 0, 0, -30, 30)
        from u in Gen.Frequency(
            (3, Gen.Choose(-5, 5).Select(i => (double)i)),
            (2, Gen.Choose(-1000, 1000).Select(i => i / 97.0)),
            (1, Gen.Constant(0.0))).ArrayOf(d * (d + 1) / 2)
        select Build(d, e, u);

    private static double[,] Build(int d, int e, double[] u)
    {
        var h = new double[d, d];
        int k = 0;
        for (int i = 0; i < d; i++)
            for (int j = i; j < d; j++)
                h[i, j] = h[j, i] = Math.ScaleB(u[k++], e);
        return h;
    }

    [Property(MaxTest = 150)]
    public Property Double_MatchesExactRational() => Prop.ForAll(Symmetric.ToArbitrary(), h =>
    {
        double value = InfToOneNorm.Compute(Matrix<double>.Build.DenseOfArray(h)).Value;
        var exact = InfToOneNormExact.Compute(InfToOneNormExact.ToFractions(h)).Value;
        double reference = ExactDouble.ToDouble(exact);
        return (Math.Abs(value - reference) <= Tolerances.Sign.InfToOneRelative * reference)
            .Label($"double {value:R} vs exact {reference:R}");
    });

    [Property(MaxTest = 150)]
    public Property Bounds_BracketTheNorm() => Prop.ForAll(Symmetric.ToArbitrary(), h =>
    {
        var m = Matrix<double>.Build.DenseOfArray(h);
        double value = InfToOneNorm.Compute(m).Value;
        double scale = SignGeometryBounds.EntrywiseL1(m);
        double slack = Tolerances.Sign.EigenBoundRelative * scale;
        double l2 = SignGeometryBounds.SpectralNorm(m);
        return (value <= scale * (1 + 1e-15)).Label("C.48: ‖H‖∞,1 ≤ Σ|H_ij|")
            .And((value <= SignGeometryBounds.Prop65Bound(m) + slack).Label("Prop. 6.5"))
            .And((SignGeometryBounds.Eq621LowerBound(m) <= value + slack).Label("eq. 6.21"))
            .And((l2 <= value + slack && value <= h.GetLength(0) * l2 + slack).Label("eq. 6.22"));
    });
}
