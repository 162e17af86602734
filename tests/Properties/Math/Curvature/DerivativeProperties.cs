using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.AutoDiff;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// Every closed-form derivative of the curvature reference against the Taylor slope test and finite differences:
/// ∇_f log p and ∇²_f log p of each likelihood, J and ∇²f^(m) of each model, ∇R and ∇²R of the composed risk, and the
/// hyper-dual forward mode against the closed forms.
/// </summary>
public class DerivativeProperties
{
    private const int Cases = 12;

    /// <summary>Forward mode and closed forms both round a few dozen operations: 1e-12 relative to max(1, |entries|).</summary>
    private const double ForwardTolerance = 1e-12;

    [Fact]
    public void LikelihoodGradientAndHessian_PassSlopeAndFiniteDifferenceTests()
    {
        var r = new System.Random(71);
        foreach (var l in FisherTestData.Likelihoods)
            for (int c = 0; c < Cases; c++)
            {
                var f = FisherTestData.Output(r, l);
                double y = FisherTestData.Label(r, l);
                // Stay inside the domain along the direction: the controls' steps are kept small by their own scale.
                var v = FisherTestData.Uniform(r, f.Count, 1) * (l.IsNaturalParameterization ? 1 : 0.02);
                DerivativeCheck.Check(l.Name, z => l.LogDensity(y, z), z => l.Gradient(y, z), z => l.Hessian(y, z), f, v);
                var fd = ForwardDerivatives.Hessian(z => l.LogDensity(y, z), f);
                AssertMatrix(l.Name + " forward-mode ∇²_f log p", l.Hessian(y, f), fd);
            }
    }

    [Fact]
    public void ModelJacobianAndOutputHessians_PassSlopeAndFiniteDifferenceTests()
    {
        var r = new System.Random(72);
        foreach (int outputs in new[] { 1, 2 })
            foreach (var model in FisherTestData.Models(outputs))
                for (int c = 0; c < Cases / 2; c++)
                {
                    var x = FisherTestData.Uniform(r, model.InputDimension, 1.5);
                    var theta = FisherTestData.Uniform(r, model.ParameterDimension, 1);
                    var v = FisherTestData.Uniform(r, model.ParameterDimension, 1);
                    for (int m = 0; m < outputs; m++)
                    {
                        int mm = m;
                        DerivativeCheck.Check($"{model.Name} f^({m})", t => model.Output(x, t)[mm], t => model.Jacobian(x, t).Row(mm),
                            t => model.OutputHessian(x, t, mm), theta, v);
                        AssertMatrix($"{model.Name} forward-mode ∇²f^({m})", model.OutputHessian(x, theta, m),
                            ForwardDerivatives.Hessian(t => model.Output(x, t)[mm], theta));
                    }
                }
    }

    [Fact]
    public void RiskGradientAndHessian_PassSlopeTestAndAgreeWithForwardMode()
    {
        var r = new System.Random(73);
        foreach (var l in FisherTestData.Likelihoods)
            foreach (var model in FisherTestData.Models(l.OutputDimension))
            {
                var (p, theta) = FisherTestData.Problem(r, model, l, 3);
                var v = FisherTestData.Uniform(r, p.Dimension, l.IsNaturalParameterization ? 1 : 0.01);
                DerivativeCheck.Check($"R for {model.Name}, {l.Name}", p.Risk, p.RiskGradient, p.Hessian, theta, v);
                AssertMatrix($"∇²R closed form vs forward mode for {model.Name}, {l.Name}", p.Hessian(theta), p.HessianForward(theta));
                var g = ForwardDerivatives.Gradient(t => Enumerable.Range(0, p.Count).Aggregate(HyperDual.Constant(0),
                    (s, n) => s - l.LogDensity(p.Data.Labels[n], model.Output(p.Data.Inputs[n], t))), theta);
                AssertMatrix($"∇R closed form vs forward mode for {model.Name}, {l.Name}", p.RiskGradient(theta).ToColumnMatrix(), g.ToColumnMatrix());
            }
    }

    internal static void AssertMatrix(string what, Matrix<double> expected, Matrix<double> actual, double tolerance = ForwardTolerance)
    {
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(expected.ColumnCount, actual.ColumnCount);
        double scale = Math.Max(1, Math.Max(expected.Enumerate().Max(Math.Abs), actual.Enumerate().Max(Math.Abs)));
        double worst = (expected - actual).Enumerate().Max(Math.Abs);
        Assert.True(worst <= tolerance * scale, $"{what}: max |diff| {worst:E3} > {tolerance:E0} × {scale:E3}\nexpected {expected}\nactual {actual}");
    }
}
