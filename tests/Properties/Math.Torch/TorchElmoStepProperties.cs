using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TorchSharp;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Math.Torch;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Math.Torch;

/// <summary>
/// Properties of the batched tensor ELMO step (eq. 7) of its own; its agreement with <c>Elmo.Step</c> on every device is in
/// <see cref="AgreementTable"/> ("elmo/step/…").
/// </summary>
public class TorchElmoStepProperties
{
    [Property]
    public Property Step_Float64_IsFiniteAndNonNegative() =>
        Prop.ForAll(TorchGenerators.EigenspaceBatches, batch =>
        {
            var x = Step(batch, ScalarType.Float64, CPU);
            return x.All(v => double.IsFinite(v) && v >= 0);
        });

    internal static double[] Step(EigenspaceInput[] batch, ScalarType type, Device device)
    {
        using var scope = NewDisposeScope();
        var lambda = TensorConvert.Vector(batch.Select(e => e.Lambda), type, device);
        var grad = TensorConvert.Vector(batch.Select(e => e.GradMagnitude), type, device);
        var lip = TensorConvert.Vector(batch.Select(e => e.Lipschitz), type, device);
        return TensorConvert.ToDoubles(TorchElmo.Step(lambda, grad, lip));
    }
}
