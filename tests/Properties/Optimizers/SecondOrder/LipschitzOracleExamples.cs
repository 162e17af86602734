using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.SecondOrder;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// The LIPSCHITZ oracles of elmo-amos Alg. 1 (the per-eigenspace constants L_t^i of Assumption 2): what each returns
/// (a constant; scale·max(L_H, floor) with L_H of eq. (2); a user function), their names, and the check
/// <see cref="LipschitzOracles.Checked"/> applies to every oracle's output (n finite constants &gt; 0).
/// </summary>
public class LipschitzOracleExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>A 3-dimensional eigensystem (its values do not matter to the oracles, only its dimension).</summary>
    private static readonly EigenSystem Three = new([-1.0, 0.0, 2.0], Matrix<double>.Build.DenseIdentity(3), [0.0, -1.0, 0.0]);

    private static readonly Quadratic Bowl = Quadratic.Diagonal(V(-1, 0, 2), V(0, 1, 0));

    [Fact]
    public void Constant_ReturnsItsConstantForEveryEigenspace_AndNamesIt()
    {
        var oracle = new ConstantLipschitz(2.5);
        Assert.Equal(2.5, oracle.Lipschitz);
        Assert.Equal("const 2.5", oracle.Name);
        Assert.Equal([2.5, 2.5, 2.5], oracle.Estimate(Bowl, V(0, 0, 0), Three).ToArray());
    }

    [Fact]
    public void Constant_RejectsANonPositiveConstant_AndANullEigensystem()
    {
        ArgumentAssert.Rejects(() => new ConstantLipschitz(0), "lipschitz", "must be > 0");
        ArgumentAssert.Rejects(() => new ConstantLipschitz(double.NaN), "lipschitz", "must be finite");
        Assert.Equal("eigen", Assert.Throws<ArgumentNullException>(() => new ConstantLipschitz(1).Estimate(Bowl, V(0, 0, 0), null!)).ParamName);
    }

    /// <summary>
    /// f(θ) = ½θᵀDθ + (c/6)(uᵀθ)³ with c = 3, u = e₁ has L_H = |c|‖u‖³ = 3 (eq. 2, exact): scale 2 gives 6 per eigenspace,
    /// scale 1 gives 3 (the floor 1e-12 is far below L_H, so max(L_H, floor) = L_H).
    /// </summary>
    [Fact]
    public void HessianOracle_ReturnsScaleTimesLH_AboveTheFloor()
    {
        var cubic = new CubicPerturbedQuadratic(Matrix<double>.Build.DenseIdentity(3), 3, V(1, 0, 0));
        Assert.Equal([6.0, 6.0, 6.0], new HessianLipschitzOracle(scale: 2).Estimate(cubic, V(0, 0, 0), Three).ToArray());
        Assert.Equal([3.0, 3.0, 3.0], new HessianLipschitzOracle().Estimate(cubic, V(0, 0, 0), Three).ToArray());
    }

    /// <summary>
    /// A quadratic has L_H = 0, where eq. (7)'s x* along λ ≤ 0 is not finite: the floor stands in, scaled (3·0.25 = 0.75).
    /// </summary>
    [Fact]
    public void HessianOracle_ReturnsScaleTimesTheFloor_WhereLHIsBelowIt()
    {
        var oracle = new HessianLipschitzOracle(scale: 3, floor: 0.25);
        Assert.Equal(3, oracle.Scale);
        Assert.Equal(0.25, oracle.Floor);
        Assert.Equal([0.75, 0.75, 0.75], oracle.Estimate(Bowl, V(0, 0, 0), Three).ToArray());
    }

    [Fact]
    public void HessianOracle_IsNamedLH_WithItsScaleWhenNotOne()
    {
        Assert.Equal("L_H", new HessianLipschitzOracle().Name);
        Assert.Equal("L_H", new HessianLipschitzOracle(scale: 1, floor: 5).Name);
        Assert.Equal("2·L_H", new HessianLipschitzOracle(scale: 2).Name);
        Assert.Equal("0.5·L_H", new HessianLipschitzOracle(scale: 0.5).Name);
    }

    [Fact]
    public void HessianOracle_RejectsBadSettings_AndObjectivesWithoutLH()
    {
        ArgumentAssert.Rejects(() => new HessianLipschitzOracle(scale: 0), "scale", "must be > 0");
        ArgumentAssert.Rejects(() => new HessianLipschitzOracle(floor: -1), "floor", "must be > 0");
        var oracle = new HessianLipschitzOracle();
        Assert.Equal("eigen", Assert.Throws<ArgumentNullException>(() => oracle.Estimate(Bowl, V(0, 0, 0), null!)).ParamName);
        // Rosenbrock's third derivative is unbounded: HessianLipschitz is null.
        var rosenbrock = new ScaledRosenbrock();
        var eigen = SymmetricEigen.Decompose(rosenbrock.Hessian(ScaledRosenbrock.PaperStart), rosenbrock.Gradient(ScaledRosenbrock.PaperStart));
        ArgumentAssert.Rejects(() => oracle.Estimate(rosenbrock, ScaledRosenbrock.PaperStart, eigen),
            "objective", $"objective {rosenbrock.Name} has no rigorous Hessian-Lipschitz constant");
        // Not an IThirdOrderObjective at all, and no objective.
        ArgumentAssert.Rejects(() => oracle.Estimate(new SecondOrderOnly(Bowl), V(0, 0, 0), Three),
            "objective", "objective second-order only has no rigorous Hessian-Lipschitz constant");
        ArgumentAssert.Rejects(() => oracle.Estimate(null!, V(0, 0, 0), Three),
            "objective", "objective null has no rigorous Hessian-Lipschitz constant");
    }

    /// <summary>The user function receives the objective, θ and the eigensystem it is called with, and its output is returned.</summary>
    [Fact]
    public void FunctionOracle_PassesItsArgumentsThrough_AndKeepsItsName()
    {
        IObjective? seenObjective = null;
        Vector<double>? seenTheta = null;
        EigenSystem? seenEigen = null;
        var oracle = new FunctionLipschitz("mine", (f, theta, e) =>
        {
            (seenObjective, seenTheta, seenEigen) = (f, theta, e);
            return V(1, 2, 3);
        });
        var point = V(4, 5, 6);
        Assert.Equal("mine", oracle.Name);
        Assert.Equal([1.0, 2.0, 3.0], oracle.Estimate(Bowl, point, Three).ToArray());
        Assert.Same(Bowl, seenObjective);
        Assert.Same(point, seenTheta);
        Assert.Same(Three, seenEigen);
    }

    [Fact]
    public void FunctionOracle_RejectsAMissingFunctionOrName()
    {
        Assert.Equal("estimate", Assert.Throws<ArgumentNullException>(() => new FunctionLipschitz("x", null!)).ParamName);
        ArgumentAssert.Rejects(() => new FunctionLipschitz("", (_, _, e) => V(1)), "name", "name must not be empty.");
        ArgumentAssert.Rejects(() => new FunctionLipschitz(" \t", (_, _, e) => V(1)), "name", "name must not be empty.");
        ArgumentAssert.Rejects(() => new FunctionLipschitz(null!, (_, _, e) => V(1)), "name", "name must not be empty.");
    }

    [Fact]
    public void Checked_ReturnsAValidOutputUnchanged()
    {
        var output = V(1, 2, 3);
        var oracle = new FunctionLipschitz("fixed", (_, _, _) => output);
        Assert.Same(output, LipschitzOracles.Checked(oracle, Bowl, V(0, 0, 0), Three));
    }

    /// <summary>
    /// Every way an oracle's output can be wrong is an ArgumentException whose parameter names the oracle; a list one
    /// too long (which a consumer indexing 0..n−1 would silently truncate) included.
    /// </summary>
    [Fact]
    public void Checked_RejectsBadOutput_NamingTheOracle()
    {
        void Rejects(double[] output, string why)
        {
            var oracle = new FunctionLipschitz("bad", (_, _, _) => V(output));
            ArgumentAssert.Rejects(() => LipschitzOracles.Checked(oracle, Bowl, V(0, 0, 0), Three), "L (from oracle bad)", why);
        }
        Rejects([1, 0, 1], "must be > 0");
        Rejects([1, -2, 1], "must be > 0");
        Rejects([1, double.PositiveInfinity, 1], "must be finite");
        Rejects([1, double.NaN, 1], "must be finite");
        Rejects([1, 1, 1, 1], "has length 4, expected 3");
        Rejects([1, 1], "has length 2, expected 3");
        Assert.Equal("oracle", Assert.Throws<ArgumentNullException>(() => LipschitzOracles.Checked(null!, Bowl, V(0, 0, 0), Three)).ParamName);
        Assert.Equal("eigen", Assert.Throws<ArgumentNullException>(() =>
            LipschitzOracles.Checked(new FunctionLipschitz("ignores eigen", (_, _, _) => V(1, 2, 3)), Bowl, V(0, 0, 0), null!)).ParamName);
    }

    /// <summary>An objective that is only an <see cref="IObjective"/> (no third-order information), delegating to another.</summary>
    private sealed class SecondOrderOnly(IObjective inner) : IObjective
    {
        public string Name => "second-order only";
        public int Dimension => inner.Dimension;
        public double Value(Vector<double> theta) => inner.Value(theta);
        public Vector<double> Gradient(Vector<double> theta) => inner.Gradient(theta);
        public Matrix<double> Hessian(Vector<double> theta) => inner.Hessian(theta);
    }
}
