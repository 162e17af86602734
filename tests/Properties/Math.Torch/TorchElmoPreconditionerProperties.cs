using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TorchSharp;
using Verification.Numerics.Torch;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Numerics.Torch;

/// <summary>
/// Lemma 3.2's identity Δθ* = −Φ^ELMO·∇f within the tensor implementation (Φ^ELMO and Δθ* against the reference are in
/// <see cref="AgreementTable"/>: "elmo/preconditioner", "elmo/step-vector").
/// </summary>
public class TorchElmoPreconditionerProperties
{
    [Property]
    public Property StepVector_Float64_EqualsMinusPreconditionerTimesGradient() =>
        Prop.ForAll(TorchGenerators.SpectralProblems.ToArbitrary(), p =>
        {
            double[] step, preconditioned;
            using (NewDisposeScope())
            {
                var (h, g, l) = p.ToTensors(ScalarType.Float64);
                step = TensorConvert.ToDoubles(TorchElmo.StepVector(h, g, l));
                preconditioned = TensorConvert.ToDoubles(-TorchElmoPreconditioner.Compute(h, g, l).mv(g));
            }
            double scale = step.Concat(preconditioned).Max(Math.Abs);
            Tolerances.AssertClose("Δθ* vs −Φ∇f (float64)", step, preconditioned, Tolerances.Uniform(step.Length, scale),
                Tolerances.Torch.IdentityFloat64, _ => p.ToString());
        });
}
