using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using TorchSharp;
using Verification.Math.SignGeometry;
using Verification.Math.Torch;
using Verification.Math.Torch.SignGeometry;
using Verification.Tests.Properties.Torch;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Balles.Sign;

/// <summary>The batched tensor enumeration of ‖H‖∞,1 (eq. 6.18) agrees with the double reference <see cref="InfToOneNorm"/>.</summary>
public class TorchSignGeometryProperties
{
    /// <summary>
    /// float32: every ‖Hx‖₁ is a d-term sum of products rounded in single precision, ≤ ~2d ulp of Σ|H_ij|;
    /// 64·2⁻²³ relative covers d ≤ 8 with margin (the maximizing vertex may differ where two vertices tie to that level).
    /// </summary>
    private const double Float32Relative = 64 * TorchTolerances.SingleUlp;

    private static Gen<double[][,]> Mixed { get; } =
        from b in Gen.Choose(1, 4)
        from d in Gen.Choose(1, 8)
        from ms in Gen.Choose(-5, 5).ArrayOf(d * d).Select(u => Sym(d, u)).ArrayOf(b)
        select ms;

    private static double[,] Sym(int d, int[] u)
    {
        var h = new double[d, d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                h[i, j] = u[System.Math.Min(i, j) * d + System.Math.Max(i, j)];
        return h;
    }

    [Property(MaxTest = 60)]
    public Property Float64_MatchesReference() => Prop.ForAll(Mixed.ToArbitrary(), batch => Agrees(batch, ScalarType.Float64, SignTolerances.InfToOneRelative));

    [Property(MaxTest = 60)]
    public Property Float32_MatchesReferenceWithinSingleBound() => Prop.ForAll(Mixed.ToArbitrary(), batch => Agrees(batch, ScalarType.Float32, Float32Relative));

    private static Property Agrees(double[][,] batch, ScalarType type, double rtol)
    {
        using var scope = NewDisposeScope();
        var h = stack(batch.Select(m => tensor(m, ScalarType.Float64).to(type))).to(type);
        var (values, maximizers) = TorchInfToOneNorm.Compute(h);
        var got = TensorConvert.ToDoubles(values);
        var x = TensorConvert.ToDoubles(maximizers);
        int d = batch[0].GetLength(0);
        var ok = true.ToProperty();
        for (int b = 0; b < batch.Length; b++)
        {
            var m = Matrix<double>.Build.DenseOfArray(batch[b]);
            double expected = InfToOneNorm.Compute(m).Value;
            double atVertex = InfToOneNorm.AtVertex(m, Vector<double>.Build.DenseOfArray(x.Skip(b * d).Take(d).ToArray()));
            ok = ok.And((System.Math.Abs(got[b] - expected) <= rtol * System.Math.Max(expected, 1e-300))
                    .Label($"[{b}] tensor {got[b]:R} vs reference {expected:R} ({type})"))
                .And((System.Math.Abs(atVertex - expected) <= rtol * System.Math.Max(expected, 1e-300))
                    .Label($"[{b}] tensor maximizer gives {atVertex:R}, reference maximum {expected:R}"));
        }
        return ok;
    }
}
