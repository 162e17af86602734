using FsCheck;
using FsCheck.Fluent;
using TorchSharp;
using Verification.Math.Torch;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Torch;

/// <summary>
/// The same agreement on a CUDA device (skipped with a reason where there is none). CUDA's double sqrt and division
/// are correctly rounded and its hypot is within 1 ulp, so the CPU float64 bounds apply unchanged.
/// </summary>
public class TorchCudaProperties
{
    private static Config Quick => Config.QuickThrowOnFailure.WithMaxTest(50);

    [CudaFact]
    public void Step_Float64_OnCuda_MatchesReference() =>
        Prop.ForAll(TorchGenerators.EigenspaceBatches,
            batch => TorchElmoStepProperties.AssertAgrees(batch, ScalarType.Float64, TorchTolerances.StepFloat64, CUDA)).Check(Quick);

    [CudaFact]
    public void Step_Float32_OnCuda_MatchesReference() =>
        Prop.ForAll(TorchGenerators.SingleEigenspaceBatches,
            batch => TorchElmoStepProperties.AssertAgrees(batch, ScalarType.Float32, TorchTolerances.StepFloat32, CUDA)).Check(Quick);

    [CudaFact]
    public void CubicModels_Float64_OnCuda_MatchReference() =>
        Prop.ForAll(TorchGenerators.CubicBatches, batch =>
        {
            TorchCubicModelsProperties.AssertAgrees(batch, upper: true, ScalarType.Float64, TorchTolerances.CubicFloat64, CUDA);
            TorchCubicModelsProperties.AssertAgrees(batch, upper: false, ScalarType.Float64, TorchTolerances.CubicFloat64, CUDA);
        }).Check(Quick);

    [CudaFact]
    public void Preconditioner_Float64_OnCuda_MatchesReference() =>
        Prop.ForAll(TorchGenerators.SpectralProblems, p => TorchElmoPreconditionerProperties.AssertPreconditionerAgrees(p, CUDA)).Check(Quick);
}
