using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Objectives;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>Hand-picked facts about the test functions: spectra, exact constants, exact evaluation, input validation.</summary>
public class ObjectiveExamples
{
    [Fact]
    public void SpectralQuadratic_HasTheRequestedSpectrum()
    {
        double[] lambda = [-3, 0, 0, 2.5, 7];
        var f = SpectralQuadratic.FromEigenvalues(lambda, new double[5], 11);
        var values = f.A.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues.Select(c => c.Real).Order().ToArray();
        for (int i = 0; i < lambda.Length; i++)
            Assert.True(Tolerances.Close(lambda[i], values[i], 0, Tolerances.EigenRelative * 7), $"eigenvalue {i}: {values[i]} vs {lambda[i]}");
        Assert.Equal(0.0, f.HessianLipschitz);
        Assert.True(f.EigenspaceConstants.IsRigorous);
    }

    [Fact]
    public void Separable_ConstantsAreTheTermBounds()
    {
        var f = new SeparableObjective([new CosineQuadraticTerm(-2, 1), new CubicTerm(0, 3), new LorentzianTerm(-10, 1)]);
        Assert.Equal(3.0, f.HessianLipschitz);
        Assert.Equal([2.0, 3.0, 0.6495190528383291 * (1 + 1e-15)], f.EigenspaceConstants.Constants);
        Assert.Equal(double.PositiveInfinity, f.EigenvalueSupremum);
        Assert.False(f.IsExact);
        Assert.True(new SeparableObjective([new LorentzianTerm(-10, 1)]).EigenvalueSupremum == -9);
    }

    [Fact]
    public void ThirdBounds_AreAttainedNearTheirPeaks()
    {
        // The closed-form peaks: a·sin at π/2, log cosh at tanh²x = 1/3, the Lorentzian at x = 1/√3.
        Assert.True(Tolerances.Close(new CosineQuadraticTerm(2, 0).Third(Math.PI / 2), 2, 1e-15));
        double xLogCosh = Math.Atanh(1 / Math.Sqrt(3));
        Assert.True(Tolerances.Close(Math.Abs(new LogCoshTerm(1).Third(xLogCosh)), new LogCoshTerm(1).ThirdBound, 1e-14));
        Assert.True(Tolerances.Close(Math.Abs(new LorentzianTerm(0, 1).Third(1 / Math.Sqrt(3))), new LorentzianTerm(0, 1).ThirdBound, 1e-14));
    }

    [Fact]
    public void ExactEvaluation_AgreesWithDouble()
    {
        var f = new SeparableObjective([new CubicTerm(1, 2), new CubicTerm(-1, -0.5)]);
        double[] theta = [0.75, -1.5];
        var v = Vector<double>.Build.DenseOfArray(theta);
        Assert.True(Tolerances.Close(f.ExactValue(theta).Midpoint, f.Value(v), 1e-15));
        Assert.True(Tolerances.Close(f.ExactGradient(theta)[1].Midpoint, f.Gradient(v)[1], 1e-15));
        Assert.True(Tolerances.Close(f.ExactHessian(theta)[0, 0].Midpoint, f.Hessian(v)[0, 0], 1e-15));
        var q = SpectralQuadratic.FromEigenvalues([1, -2], [0.5, 1], 3);
        Assert.True(Tolerances.Close(q.ExactValue(theta).Midpoint, q.Value(v), 1e-14));
    }

    [Fact]
    public void EstimatedConstants_AreLabelledEstimates()
    {
        var f = LogisticRegression.Seeded(10, 2, 1, 0.1);
        var estimate = EigenspaceLipschitzEstimator.Estimate(f, Vector<double>.Build.Dense(2, 0.3), 20, 1, 2);
        Assert.False(estimate.IsRigorous);
        Assert.All(estimate.Constants, c => Assert.True(c >= 0 && double.IsFinite(c)));
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        Assert.Equal("eigenvalues", Assert.Throws<ArgumentException>(() => SpectralQuadratic.FromEigenvalues([double.NaN], [0], 1)).ParamName);
        Assert.Equal("linear", Assert.Throws<ArgumentException>(() => SpectralQuadratic.FromEigenvalues([1, 2], [0], 1)).ParamName);
        Assert.Equal("s", Assert.Throws<ArgumentException>(() => new LogCoshTerm(-1)).ParamName);
        Assert.Equal("terms", Assert.Throws<ArgumentException>(() => new SeparableObjective([])).ParamName);
        // One null among real terms is rejected too (run 48: "any null" → "all null" survived).
        Assert.Equal("terms", Assert.Throws<ArgumentException>(() => new SeparableObjective([new LogCoshTerm(1), null!])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => new LogisticRegression(Matrix<double>.Build.Dense(2, 2, 1), [1, 0], 0)).ParamName);
        Assert.Equal("features", Assert.Throws<ArgumentException>(() => new LogisticRegression(Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, double.NaN }, { 0.5, 2.0 } }), [1, -1], 0)).ParamName);
        // One label per row (run 48: the length check removed survived; three ±1 labels for two rows were read past the rows).
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => new LogisticRegression(Matrix<double>.Build.Dense(2, 2, 1), [1, -1, 1], 0)).ParamName);
        Assert.Equal("theta", Assert.Throws<ArgumentException>(() => LogisticRegression.Seeded(3, 2, 1, 0).Value(Vector<double>.Build.Dense(3))).ParamName);
        Assert.Throws<InvalidOperationException>(() => new SeparableObjective([new LogCoshTerm(1)]).ExactValue([0.0]));
    }

    /// <summary>
    /// The scalar terms' names carry their parameters (reports and trajectories show them): a name emptied or fixed would
    /// make two terms of different curvature indistinguishable. Round-trip digits ("R").
    /// </summary>
    [Fact]
    public void ScalarTermNames_CarryTheirParameters()
    {
        Assert.Equal("cubic(q=1.5, c=-0.1)", new CubicTerm(1.5, -0.1).Name);
        Assert.Equal("cos-quadratic(a=0.5, b=2)", new CosineQuadraticTerm(0.5, 2).Name);
    }
}
