using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TorchSharp;
using Verification.Math;
using Verification.Math.Torch;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Torch;

/// <summary>
/// The batched cubic models M (eq. 3) and m (eq. 4) agree with <see cref="CubicUpperModel"/> and
/// <see cref="CubicLowerModel"/>, to a bound relative to the size of the terms (they may cancel).
/// </summary>
public class TorchCubicModelsProperties
{
    [Property]
    public Property Upper_Float64_MatchesReference() =>
        Prop.ForAll(TorchGenerators.CubicBatches, batch => AssertAgrees(batch, upper: true, ScalarType.Float64, TorchTolerances.CubicFloat64));

    [Property]
    public Property Lower_Float64_MatchesReference() =>
        Prop.ForAll(TorchGenerators.CubicBatches, batch => AssertAgrees(batch, upper: false, ScalarType.Float64, TorchTolerances.CubicFloat64));

    [Property]
    public Property Upper_Float32_MatchesReference() =>
        Prop.ForAll(TorchGenerators.SingleCubicBatches, batch => AssertAgrees(batch, upper: true, ScalarType.Float32, TorchTolerances.CubicFloat32));

    [Property]
    public Property Lower_Float32_MatchesReference() =>
        Prop.ForAll(TorchGenerators.SingleCubicBatches, batch => AssertAgrees(batch, upper: false, ScalarType.Float32, TorchTolerances.CubicFloat32));

    internal static void AssertAgrees(CubicInput[] batch, bool upper, ScalarType type, double tolerance, Device? device = null)
    {
        double[] actual;
        using (NewDisposeScope())
        {
            var g = TensorConvert.Vector(batch.Select(c => c.G), type, device);
            var lambda = TensorConvert.Vector(batch.Select(c => c.Lambda), type, device);
            var lip = TensorConvert.Vector(batch.Select(c => c.Lipschitz), type, device);
            var x = TensorConvert.Vector(batch.Select(c => c.X), type, device);
            actual = TensorConvert.ToDoubles(upper
                ? TorchCubicModels.Upper(g, lambda, lip, x)
                : TorchCubicModels.Lower(g, lambda, lip, x));
        }
        var expected = batch.Select(c => upper
            ? CubicUpperModel.Evaluate(c.G, c.Lambda, c.Lipschitz, c.X)
            : CubicLowerModel.Evaluate(c.G, c.Lambda, c.Lipschitz, c.X)).ToArray();
        TorchTolerances.AssertClose($"{(upper ? "M (eq. 3)" : "m (eq. 4)")} ({type})", expected, actual,
            batch.Select(c => c.TermScale).ToArray(), tolerance, i => batch[i].ToString());
    }
}
