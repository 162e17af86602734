using Verification.Checks;
using Verification.Optimizers;
using Verification.Optimizers.Guarantees;
using Xunit;
using Verification.Optimizers.FirstOrder;

namespace Verification.Tests.Properties.Checks;

/// <summary>Bad declarations and options are rejected with an ArgumentException that names the parameter.</summary>
public class CheckInputValidationExamples
{
    private static void AssertRejects(string parameter, Action call)
    {
        var e = Assert.ThrowsAny<ArgumentException>(call);
        Assert.Equal(parameter, e.ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void DescentBound_NotPositive_IsRejected(double bound) =>
        AssertRejects("maxCurvature", () => _ = new DescentOnConvexQuadratics(bound));

    [Theory]
    [InlineData(0.0)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void SteepestDescentStepSize_NotPositiveFinite_IsRejected(double alpha) =>
        AssertRejects("stepSize", () => _ = new SteepestDescent(SteepestDescentNorm.Max, SteepestDescentScaling.NormScaled, alpha));

    [Fact]
    public void SteepestDescentNorm_Undefined_IsRejected() =>
        AssertRejects("norm", () => _ = new SteepestDescent((SteepestDescentNorm)7, SteepestDescentScaling.NormScaled, 1));

    [Fact]
    public void Budget_BelowOne_IsRejected() =>
        AssertRejects("Budget", () => OptimizerChecks.Run(new GradientDescent(0.1), new CheckOptions(Budget: 0)));

    [Fact]
    public void DuplicateDeclarations_AreRejected() =>
        AssertRejects("optimizer", () => OptimizerChecks.Run(new TwiceDeclared()));

    private sealed class TwiceDeclared : StatelessOptimizer, IDeclaresGuarantees
    {
        public override string Name => "twice";

        public IReadOnlyList<Guarantee> Guarantees { get; } = [new QuasiNewton(), new QuasiNewton()];

        public override MathNet.Numerics.LinearAlgebra.Vector<double> Update(IObjective objective, MathNet.Numerics.LinearAlgebra.Vector<double> theta) =>
            -objective.Gradient(theta);
    }
}
