using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="Splits.GeneralizedGaussNewton"/> (G = Σ_n J_nᵀ∇²a_n J_n, balles-thesis eq. 7.10) of a split whose factors
/// include a non-finite entry: its documented answer is an <see cref="ArgumentException"/> naming θ ("not finite … its
/// factors are beyond the double range"), never a sum formed from ∞, also where some product H_ik·J_kb may fall below
/// 2^-1022 (2^-600·2^-600), which elsewhere sends the sum to the scaled form. Mutation run 34: the check that every
/// factor of every sample is finite survived as "some sample", "some entry of J", "some entry of H" and "J or H".
/// The split (<see cref="ISplit"/> is public) returns fixed factors per sample, independent of θ.
/// </summary>
public sealed class SplitsRun35Examples
{
    private static readonly double Tiny = Math.ScaleB(1, -600);
    private const double Inf = double.PositiveInfinity;

    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static Matrix<double> M(double[,] entries) => Matrix<double>.Build.DenseOfArray(entries);

    public static TheoryData<string> Cases => ["J with one infinite entry", "H with one infinite entry", "one sample infinite"];

    private static (Matrix<double> J, Matrix<double> H)[] Factors(string name) => name switch
    {
        // J (M×d) with a finite tiny entry and an infinite one; H finite with a tiny entry: J or H, and some of J, finite.
        "J with one infinite entry" => [(M(new[,] { { Tiny }, { Inf } }), M(new[,] { { Tiny, 0 }, { 0, 1 } })), (M(new[,] { { 1.0 } }), M(new[,] { { 1.0 } }))],
        // J finite; H with a finite tiny entry and infinite ones: some of H finite.
        "H with one infinite entry" => [(M(new[,] { { Tiny }, { 1 } }), M(new[,] { { Tiny, Inf }, { Inf, 1 } })), (M(new[,] { { 1.0 } }), M(new[,] { { 1.0 } }))],
        // Sample 0 entirely finite (and tiny), sample 1's J infinite: some sample finite.
        _ => [(M(new[,] { { Tiny } }), M(new[,] { { Tiny } })), (M(new[,] { { Inf } }), M(new[,] { { 1.0 } }))],
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void GeneralizedGaussNewton_WithANonFiniteFactor_IsRejectedNamingTheta(string name)
    {
        var problem = new LikelihoodProblem(new LinearModel(1, bias: false), new GaussianIdentity(), new Dataset([V(1), V(1)], [0.0, 0.0]));
        var split = new FixedSplit(problem, Factors(name));
        ArgumentAssert.Rejects(() => Splits.GeneralizedGaussNewton(split, V(0)), "theta", "its factors are beyond the double range");
    }

    [Fact]
    public void GeneralizedGaussNewton_WithFiniteTinyFactors_IsTheExactSum()
    {
        var problem = new LikelihoodProblem(new LinearModel(1, bias: false), new GaussianIdentity(), new Dataset([V(1), V(1)], [0.0, 0.0]));
        var split = new FixedSplit(problem, [(M(new[,] { { Tiny } }), M(new[,] { { Math.ScaleB(1, 1000) } })), (M(new[,] { { 1.0 } }), M(new[,] { { 1.0 } }))]);
        // 2^-600·2^1000·2^-600 + 1·1·1 = 2^-200 + 1, which rounds to 1 (2^-200 is far below half an ulp of 1).
        Assert.Equal(1.0, Splits.GeneralizedGaussNewton(split, V(0))[0, 0]);
    }

    /// <summary>A split with the given J_n and ∇²_b a_n for each sample, whatever θ is (the other parts are zero).</summary>
    private sealed class FixedSplit(LikelihoodProblem problem, (Matrix<double> J, Matrix<double> H)[] factors) : ISplit
    {
        public string Name => "fixed factors (test)";

        public LikelihoodProblem Problem => problem;

        public Matrix<double> InnerJacobian(int n, Vector<double> theta) => factors[n].J;

        public IReadOnlyList<Matrix<double>> InnerHessians(int n, Vector<double> theta) =>
            Enumerable.Range(0, factors[n].J.RowCount).Select(_ => Matrix<double>.Build.Dense(1, 1)).ToArray();

        public Vector<double> OuterGradient(int n, Vector<double> theta) => Vector<double>.Build.Dense(factors[n].J.RowCount);

        public Matrix<double> OuterHessian(int n, Vector<double> theta) => factors[n].H;
    }
}
