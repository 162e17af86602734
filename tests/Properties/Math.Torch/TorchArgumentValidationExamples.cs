using TorchSharp;
using Verification.Numerics.Torch;
using Xunit;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Numerics.Torch;

/// <summary>
/// Misuse of the tensor API is an <see cref="ArgumentException"/> that names the parameter (and shows the value),
/// raised before any libtorch computation.
/// </summary>
public class TorchArgumentValidationExamples
{
    private static Tensor V(params double[] values) => TensorConvert.Vector(values, ScalarType.Float64);

    private static void AssertRejects(string parameter, string valueText, Action call)
    {
        using var scope = NewDisposeScope();
        var ex = Assert.ThrowsAny<ArgumentException>(call);
        Assert.Equal(parameter, ex.ParamName);
        Assert.Contains(valueText, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Step_NonFiniteLambda_NamesLambdaAndValue(double bad, string text) =>
        AssertRejects("lambda", text, () => TorchElmo.Step(V(1, bad), V(1, 1), V(1, 1)));

    [Fact]
    public void Step_NegativeGradMagnitude_NamesParameterIndexAndValue() =>
        AssertRejects("gradMagnitude", "gradMagnitude[1] must be ≥ 0, got -0.5", () => TorchElmo.Step(V(1, 1), V(1, -0.5), V(1, 1)));

    [Fact]
    public void Step_NegativeLipschitz_NamesLipschitzAndValue() =>
        AssertRejects("lipschitz", "-2", () => TorchElmo.Step(V(1, 1), V(1, 1), V(1, -2)));

    [Fact]
    public void Step_ZeroLipschitz_IsRejected() =>
        AssertRejects("lipschitz", "must be > 0, got 0", () => TorchElmo.Step(V(1), V(1), V(0)));

    [Fact]
    public void Step_ShapeMismatch_NamesParameterAndShapes() =>
        AssertRejects("gradMagnitude", "[3]", () => TorchElmo.Step(V(1, 1), V(1, 1, 1), V(1, 1)));

    [Fact]
    public void Step_DtypeMismatch_NamesParameter() =>
        AssertRejects("lipschitz", "Float32", () => TorchElmo.Step(V(1), V(1), TensorConvert.Vector([1.0], ScalarType.Float32)));

    [Fact]
    public void Step_IntegerTensor_IsWrongDtype() =>
        AssertRejects("lambda", "Int64", () => TorchElmo.Step(tensor(new long[] { 1 }), V(1), V(1)));

    [Fact]
    public void Step_NullTensor_IsArgumentNull() =>
        AssertRejects("lambda", "lambda", () => TorchElmo.Step(null!, V(1), V(1)));

    [Fact]
    public void CubicModel_NegativeLipschitz_IsRejected() =>
        AssertRejects("lipschitz", "-1", () => TorchCubicModels.Upper(V(1), V(1), V(-1), V(1)));

    [Fact]
    public void CubicModel_NaNPoint_IsRejected() =>
        AssertRejects("x", "NaN", () => TorchCubicModels.Lower(V(1), V(1), V(1), V(double.NaN)));

    [Fact]
    public void Preconditioner_NonSymmetricHessian_NamesHessianAndEntries() =>
        AssertRejects("hessian", "[0,1] = 1 but [1,0] = 2",
            () => TorchElmoPreconditioner.Compute(tensor(new double[] { 1, 1, 2, 1 }, 2, 2), V(1, 1), V(1, 1)));

    [Fact]
    public void Preconditioner_NonSquareHessian_IsRejected() =>
        AssertRejects("hessian", "[2×3]",
            () => TorchElmoPreconditioner.Compute(zeros(2, 3, ScalarType.Float64), V(1, 1), V(1, 1)));

    [Fact]
    public void Preconditioner_InfiniteHessianEntry_NamesIndex() =>
        AssertRejects("hessian", "hessian[1,1] must be finite",
            () => TorchElmoPreconditioner.Compute(tensor(new double[] { 1, 0, 0, double.PositiveInfinity }, 2, 2), V(1, 1), V(1, 1)));

    [Fact]
    public void Preconditioner_GradientLengthMismatch_IsRejected() =>
        AssertRejects("gradient", "length 3, expected 2",
            () => TorchElmoPreconditioner.Compute(eye(2, dtype: ScalarType.Float64), V(1, 1, 1), V(1, 1)));

    [Fact]
    public void StepVector_LipschitzLengthMismatch_IsRejected() =>
        AssertRejects("lipschitz", "[1]", () => TorchElmo.StepVector(eye(2, dtype: ScalarType.Float64), V(1, 1), V(1)));

    [Fact]
    public void StepVector_NegativeLipschitz_IsRejected() =>
        AssertRejects("lipschitz", "-3", () => TorchElmo.StepVector(eye(2, dtype: ScalarType.Float64), V(1, 1), V(1, -3)));

    [Fact]
    public void Hessian_NaNPoint_IsRejectedBeforeCallingTheFunction()
    {
        bool called = false;
        AssertRejects("point", "NaN", () => TorchHessian.Hessian(x => { called = true; return x.sum(); }, V(1, double.NaN)));
        Assert.False(called);
    }

    [Fact]
    public void Hessian_NonScalarFunction_NamesFunction() =>
        AssertRejects("function", "[2]", () => TorchHessian.Hessian(x => x.Times(2), V(1, 2)));

    [Fact]
    public void Hessian_MatrixPoint_IsRejected() =>
        AssertRejects("point", "[2×2]", () => TorchHessian.Gradient(x => x.sum(), eye(2, dtype: ScalarType.Float64)));

    [Fact]
    public void HessianVectorProduct_DirectionShapeMismatch_IsRejected() =>
        AssertRejects("direction", "[3]", () => TorchHessian.HessianVectorProduct(x => x.sum(), V(1, 2), V(1, 2, 3)));

    [Fact]
    public void Device_UnknownRequest_NamesRequestAndValue() =>
        AssertRejects("requested", "'gpu0'", () => TorchDevice.Resolve("gpu0"));
}
