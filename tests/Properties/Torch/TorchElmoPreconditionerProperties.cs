using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TorchSharp;
using Verification.Math;
using Verification.Math.Torch;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Torch;

/// <summary>
/// Φ^ELMO (Lemma 3.2) and the full step Δθ* = Σ x*_i v_i (Alg. 1) from <c>torch.linalg.eigh</c> agree with the
/// MathNet-based reference, and the tensor side satisfies Lemma 3.2's identity Δθ* = −Φ^ELMO·∇f.
/// </summary>
public class TorchElmoPreconditionerProperties
{
    [Property]
    public Property Preconditioner_Float64_MatchesReference() =>
        Prop.ForAll(TorchGenerators.SpectralProblems, p => AssertPreconditionerAgrees(p, CPU));

    [Property]
    public Property StepVector_Float64_MatchesReference() =>
        Prop.ForAll(TorchGenerators.SpectralProblems, p =>
        {
            var expected = Elmo.StepVector(p.Hessian, p.Gradient, p.Lipschitz).ToArray();
            double[] actual;
            using (NewDisposeScope())
            {
                var (h, g, l) = Tensors(p, ScalarType.Float64);
                actual = TensorConvert.ToDoubles(TorchElmo.StepVector(h, g, l));
            }
            AssertCloseToLargest("Δθ* (float64)", expected, actual, TorchTolerances.SpectralFloat64, p);
        });

    [Property]
    public Property StepVector_Float64_EqualsMinusPreconditionerTimesGradient() =>
        Prop.ForAll(TorchGenerators.SpectralProblems, p =>
        {
            double[] step, preconditioned;
            using (NewDisposeScope())
            {
                var (h, g, l) = Tensors(p, ScalarType.Float64);
                step = TensorConvert.ToDoubles(TorchElmo.StepVector(h, g, l));
                preconditioned = TensorConvert.ToDoubles(-TorchElmoPreconditioner.Compute(h, g, l).mv(g));
            }
            AssertCloseToLargest("Δθ* vs −Φ∇f (float64)", step, preconditioned, TorchTolerances.IdentityFloat64, p);
        });

    /// <summary>Float64 Φ^ELMO on <paramref name="device"/> vs <see cref="ElmoPreconditioner.Compute"/>.</summary>
    internal static void AssertPreconditionerAgrees(SpectralProblem p, Device device)
    {
        var expected = ElmoPreconditioner.Compute(p.Hessian, p.Gradient, p.Lipschitz).ToRowMajorArray();
        double[] actual;
        using (NewDisposeScope())
        {
            var (h, g, l) = Tensors(p, ScalarType.Float64, device);
            actual = TensorConvert.ToDoubles(TorchElmoPreconditioner.Compute(h, g, l));
        }
        AssertCloseToLargest($"Φ^ELMO (float64, {device.type})", expected, actual, TorchTolerances.SpectralFloat64, p);
    }

    internal static (Tensor Hessian, Tensor Gradient, Tensor Lipschitz) Tensors(SpectralProblem p, ScalarType type, Device? device = null) =>
        (TensorConvert.Matrix(p.Hessian, type, device), TensorConvert.Vector(p.Gradient, type, device), TensorConvert.Vector(p.Lipschitz, type, device));

    /// <summary>Entrywise agreement relative to the largest |entry| of either side.</summary>
    internal static void AssertCloseToLargest(string what, double[] expected, double[] actual, double tolerance, object input)
    {
        double scale = expected.Concat(actual).Max(System.Math.Abs);
        TorchTolerances.AssertClose(what, expected, actual, TorchTolerances.Uniform(expected.Length, scale), tolerance, _ => input.ToString()!);
    }
}
