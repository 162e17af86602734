using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Curvature.Models;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.Models;

/// <summary>
/// Every guard of the models (issue 15, item 1): the sizes of <see cref="LinearModel"/>, <see cref="TanhMlp"/> and
/// <see cref="CurvedLinearModel"/>, its curvature κ, the output index m and the checks of x and θ reject bad input with an
/// <see cref="ArgumentException"/> naming the parameter and its range; the smallest accepted value gives the model's
/// closed form (eq. D.18 for the linear model, f = xᵀθ + (κ/2)‖θ‖² with ∇²f = κI for the curved-linear one, Prop. 7.2).
/// </summary>
public sealed class ModelsRejectionExamples
{
    private static Vector<double> V(params double[] values) => Vector<double>.Build.DenseOfArray(values);

    [Fact]
    public void LinearModel_RejectsZeroInputsAndOutputs()
    {
        ArgumentAssert.Rejects(() => new LinearModel(0), "inputs", "inputs must be ≥ 1, got 0");
        ArgumentAssert.Rejects(() => new LinearModel(1, 0), "outputs", "outputs must be ≥ 1, got 0");
        var smallest = new LinearModel(1, 1); // f = w·x + b, θ = (w, b): at x = 3, θ = (2, 5) f = 11 exactly
        Assert.Equal(2, smallest.ParameterDimension);
        Assert.Equal(11.0, smallest.Output(V(3), V(2, 5))[0]);
    }

    [Fact]
    public void TanhMlp_RejectsZeroInputsHiddenAndOutputs()
    {
        ArgumentAssert.Rejects(() => new TanhMlp(0, 1), "inputs", "inputs must be ≥ 1, got 0");
        ArgumentAssert.Rejects(() => new TanhMlp(1, 0), "hidden", "hidden must be ≥ 1, got 0");
        ArgumentAssert.Rejects(() => new TanhMlp(1, 1, 0), "outputs", "outputs must be ≥ 1, got 0");
        var smallest = new TanhMlp(1, 1, 1); // θ = (W₁ = (w, b), W₂ = (v, c)): d = 2 + 2; W₁ = 0 gives h = 0, so f = c
        Assert.Equal(4, smallest.ParameterDimension);
        Assert.Equal(7.0, smallest.Output(V(1), V(0, 0, 0, 7))[0]);
    }

    [Fact]
    public void CurvedLinearModel_RejectsZeroInputsAndANonFiniteCurvature()
    {
        ArgumentAssert.Rejects(() => new CurvedLinearModel(0, 1), "inputs", "inputs must be ≥ 1, got 0");
        ArgumentAssert.Rejects(() => new CurvedLinearModel(1, double.NaN), "curvature", "curvature must be finite");
        ArgumentAssert.Rejects(() => new CurvedLinearModel(1, double.PositiveInfinity), "curvature", "curvature must be finite");
        var smallest = new CurvedLinearModel(1, 2); // f = xθ + (κ/2)θ² = 3 + 1 at x = 3, θ = 1, κ = 2
        Assert.Equal(4.0, smallest.Output(V(3), V(1))[0]);
    }

    /// <summary>m ranges over [0, M − 1]: M and −1 are rejected, M − 1 gives ∇²f^(m) = κI of the curved-linear model.</summary>
    [Fact]
    public void OutputHessian_RejectsAnOutputIndexOutsideTheOutputs()
    {
        var model = new CurvedLinearModel(2, 3);
        ArgumentAssert.Rejects(() => model.OutputHessian(V(1, 1), V(0, 0), 1), "m", "m must be in [0, 0], got 1");
        ArgumentAssert.Rejects(() => model.OutputHessian(V(1, 1), V(0, 0), -1), "m", "m must be in [0, 0], got -1");
        Assert.Equal(3 * Matrix<double>.Build.DenseIdentity(2), model.OutputHessian(V(1, 1), V(0, 0), 0));
        var two = new LinearModel(1, 2);
        ArgumentAssert.Rejects(() => two.OutputHessian(V(1), V(0, 0, 0, 0), 2), "m", "m must be in [0, 1], got 2");
        Assert.Equal(Matrix<double>.Build.Dense(4, 4), two.OutputHessian(V(1), V(0, 0, 0, 0), 1)); // linear in θ: ∇²f = 0
    }

    /// <summary>x and θ must be finite and of the model's lengths, in each of Output, Jacobian and OutputHessian.</summary>
    [Fact]
    public void OutputJacobianAndHessian_RejectABadInputOrParameter()
    {
        var model = new LinearModel(1, 1);
        foreach (var call in new Action<Vector<double>, Vector<double>>[]
        {
            (x, t) => model.Output(x, t), (x, t) => model.Jacobian(x, t), (x, t) => model.OutputHessian(x, t, 0),
        })
        {
            ArgumentAssert.Rejects(() => call(V(double.NaN), V(1, 2)), "x", "x[0] must be finite, got NaN");
            ArgumentAssert.Rejects(() => call(V(1, 2), V(1, 2)), "x", "x has length 2, expected 1");
            ArgumentAssert.Rejects(() => call(V(1), V(1, double.NegativeInfinity)), "theta", "theta[1] must be finite");
            ArgumentAssert.Rejects(() => call(V(1), V(1, 2, 3)), "theta", "theta has length 3, expected 2");
        }
        Assert.Equal(V(1, 1), model.Jacobian(V(1), V(1, 2)).Row(0)); // J = (x, 1)
    }

    private static Real[] R(params double[] values) => [.. values.Select(v => new Real(v))];

    /// <summary>
    /// The generic (forward-mode) Output checks x and θ as the double one does: a θ one entry short read past its end
    /// (IndexOutOfRangeException) and one entry long had its tail ignored, for each of the three models; a non-finite x or
    /// θ value gave a silent NaN. The right lengths give the closed form.
    /// </summary>
    [Fact]
    public void GenericOutput_RejectsAParameterOfTheWrongLengthAndNonFiniteValues()
    {
        IModel[] models = [new LinearModel(1, 1), new TanhMlp(1, 1, 1), new CurvedLinearModel(2, 3)];
        foreach (var model in models)
        {
            int d = model.ParameterDimension, inputs = model.InputDimension;
            var x = V([.. Enumerable.Repeat(1.0, inputs)]);
            var theta = new double[d];
            ArgumentAssert.Rejects(() => model.Output(x, R(new double[d - 1])), "theta", $"theta has length {d - 1}, expected {d}");
            ArgumentAssert.Rejects(() => model.Output(x, R(new double[d + 1])), "theta", $"theta has length {d + 1}, expected {d}");
            ArgumentAssert.Rejects(() => model.Output(V(new double[inputs + 1]), R(theta)), "x", $"x has length {inputs + 1}, expected {inputs}");
            var nanX = V([.. Enumerable.Repeat(double.NaN, inputs)]);
            ArgumentAssert.Rejects(() => model.Output(nanX, R(theta)), "x", "x[0] must be finite, got NaN");
            var infinite = new double[d];
            infinite[d - 1] = double.PositiveInfinity;
            ArgumentAssert.Rejects(() => model.Output(x, R(infinite)), "theta", $"theta[{d - 1}] must be finite, got Infinity");
            Assert.Throws<ArgumentNullException>("theta", () => model.Output<Real>(x, null!));
        }
        Assert.Equal(11.0, models[0].Output(V(3), R(2, 5))[0].Value); // f = w·x + b
        Assert.Equal(7.0, models[1].Output(V(1), R(0, 0, 0, 7))[0].Value); // W₁ = 0: h = 0, f = c
        Assert.Equal(2 + 3.0 / 2 * 2, models[2].Output(V(1, 1), R(1, 1))[0].Value); // xᵀθ + (κ/2)‖θ‖²
    }
}
