using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TorchSharp;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Math;
using Verification.Math.Torch;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Torch;

/// <summary>The batched tensor ELMO step (eq. 7) agrees with the double reference <see cref="Elmo.Step"/>.</summary>
public class TorchElmoStepProperties
{
    [Property]
    public Property Step_Float64_MatchesReferenceWithinUlps() =>
        Prop.ForAll(TorchGenerators.EigenspaceBatches, batch => AssertAgrees(batch, ScalarType.Float64, TorchTolerances.StepFloat64));

    [Property]
    public Property Step_Float32_MatchesReferenceWithinRelativeBound() =>
        Prop.ForAll(TorchGenerators.SingleEigenspaceBatches, batch => AssertAgrees(batch, ScalarType.Float32, TorchTolerances.StepFloat32));

    [Property]
    public Property Step_Float64_IsFiniteAndNonNegative() =>
        Prop.ForAll(TorchGenerators.EigenspaceBatches, batch =>
        {
            var x = Step(batch, ScalarType.Float64, CPU);
            return x.All(v => double.IsFinite(v) && v >= 0);
        });

    /// <summary>Runs one batch through <see cref="TorchElmo.Step"/> and compares it to the reference elementwise.</summary>
    internal static void AssertAgrees(EigenspaceInput[] batch, ScalarType type, double tolerance, Device? device = null)
    {
        var actual = Step(batch, type, device ?? CPU);
        var expected = batch.Select(e => Elmo.Step(e.Lambda, e.GradMagnitude, e.Lipschitz)).ToArray();
        TorchTolerances.AssertClose($"ELMO step ({type})", expected, actual,
            TorchTolerances.MaxMagnitude(expected, actual), tolerance, i => batch[i].ToString());
    }

    internal static double[] Step(EigenspaceInput[] batch, ScalarType type, Device device)
    {
        using var scope = NewDisposeScope();
        var lambda = TensorConvert.Vector(batch.Select(e => e.Lambda), type, device);
        var grad = TensorConvert.Vector(batch.Select(e => e.GradMagnitude), type, device);
        var lip = TensorConvert.Vector(batch.Select(e => e.Lipschitz), type, device);
        return TensorConvert.ToDoubles(TorchElmo.Step(lambda, grad, lip));
    }
}
