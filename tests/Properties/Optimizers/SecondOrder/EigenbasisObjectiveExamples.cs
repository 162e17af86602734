using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.SecondOrder;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// f in the coordinates of an orthonormal basis V through θ_t (what AMOS's eigenspace assignment hands its element-wise
/// optimizers; elmo-amos eq. (3)'s curvature of eigenspace i is the diagonal v_iᵀHv_i): f̃(z) = f(θ_t + V(z − z_t)),
/// z_t = Vᵀθ_t, ∇f̃ = Vᵀ∇f, H̃ = VᵀHV, checked on a quadratic with the exact basis V = [[0, −1], [1, 0]] (a quarter turn),
/// where every product is exact.
/// </summary>
public class EigenbasisObjectiveExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static readonly Matrix<double> QuarterTurn = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, -1 }, { 1, 0 } });

    /// <summary>f(θ) = ½θᵀHθ − bᵀθ, H = [[2, 1], [1, 3]], b = (1, −1): ∇f = Hθ − b.</summary>
    private static readonly Quadratic F = new(Matrix<double>.Build.DenseOfArray(new double[,] { { 2, 1 }, { 1, 3 } }), V(1, -1), "q");

    private static EigenbasisObjective Create(IObjective objective, Matrix<double> basis, Vector<double> anchor) => new(objective, basis, anchor);

    private static Vector<double> Origin(EigenbasisObjective frame) => frame.Origin;

    /// <summary>θ_t = (1, 2): z_t = Vᵀθ_t = (0·1 + 1·2, −1·1 + 0·2) = (2, −1).</summary>
    [Fact]
    public void Origin_IsVTransposeTheta_AndNameAndDimensionAreTheObjectives()
    {
        var frame = Create(F, QuarterTurn, V(1, 2));
        Assert.Equal([2.0, -1.0], Origin(frame).ToArray());
        Assert.Equal("eigenbasis(q)", frame.Name);
        Assert.Equal(2, frame.Dimension);
    }

    /// <summary>
    /// z = z_t + (1, 0) is θ = θ_t + V·(1, 0) = (1, 2) + (0, 1) = (1, 3): f̃(z) = f(1, 3) = ½(2 + 6 + 27) − (1 − 3) = 19.5,
    /// ∇f̃(z) = Vᵀ(H(1, 3) − b) = Vᵀ(4, 11) = (11, −4), and at z_t itself f(1, 2) = ½(2 + 4 + 12) − (1 − 2) = 10.
    /// </summary>
    [Fact]
    public void ValueAndGradient_AreFAtThetaPlusVTimesTheOffset()
    {
        var frame = Create(F, QuarterTurn, V(1, 2));
        var z = V(3, -1);
        Assert.Equal(19.5, frame.Value(z));
        Assert.Equal([11.0, -4.0], frame.Gradient(z).ToArray());
        Assert.Equal(10.0, frame.Value(V(2, -1)));
        Assert.Equal(F.Gradient(V(1, 2)).ToArray(), (QuarterTurn * frame.Gradient(V(2, -1))).ToArray());
    }

    /// <summary>
    /// H = [[1, 2^-1074], [2^-1074, 1]]: H̃ = VᵀHV = [[1, −2^-1074], [−2^-1074, 1]] exactly (products by 0 and ±1). The
    /// average of an entry with its transpose must keep the smallest subnormal: (a + b)·½ = a, whereas a/2 + b/2 rounds each
    /// half to 0 (run 48: three mutants taking the halves where the sum is finite survived).
    /// </summary>
    [Fact]
    public void Hessian_KeepsASubnormalOffDiagonalEntry()
    {
        var h = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, double.Epsilon }, { double.Epsilon, 1 } });
        var frame = Create(new Quadratic(h, V(0, 0), "tiny"), QuarterTurn, V(1, 2));
        Assert.Equal(Matrix<double>.Build.DenseOfArray(new double[,] { { 1, -double.Epsilon }, { -double.Epsilon, 1 } }), frame.Hessian(V(5, 7)));
    }

    /// <summary>H̃ = VᵀHV = [[0, 1], [−1, 0]]·[[2, 1], [1, 3]]·[[0, −1], [1, 0]] = [[3, −1], [−1, 2]] (exact, symmetric).</summary>
    [Fact]
    public void Hessian_IsVTransposeHV()
    {
        var frame = Create(F, QuarterTurn, V(1, 2));
        Assert.Equal(Matrix<double>.Build.DenseOfArray(new double[,] { { 3, -1 }, { -1, 2 } }), frame.Hessian(V(5, 7)));
    }

    /// <summary>
    /// At z = z_t the objective is queried at θ_t itself, bit for bit: with θ_t = (−0.0, 1) the formed point
    /// θ_t + V·0 would be (+0.0, 1); the anchor's −0.0 must arrive.
    /// </summary>
    [Fact]
    public void AtTheOrigin_TheObjectiveSeesTheAnchorExactly()
    {
        var recorder = new Recording(F);
        var anchor = V(-0.0, 1);
        var frame = Create(recorder, QuarterTurn, anchor);
        frame.Value(Origin(frame));
        Assert.NotNull(recorder.Seen);
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(recorder.Seen![0]));
        Assert.Equal(1.0, recorder.Seen[1]);
    }

    /// <summary>z is checked in the frame's own terms (named z), before the objective could report θ.</summary>
    [Fact]
    public void RejectsANonFiniteOrWrongLengthZ_NamingIt()
    {
        var frame = Create(F, QuarterTurn, V(1, 2));
        ArgumentAssert.Rejects(() => frame.Value(V(double.NaN, 0)), "z", "must be finite");
        ArgumentAssert.Rejects(() => frame.Gradient(V(0, double.PositiveInfinity)), "z", "must be finite");
        ArgumentAssert.Rejects(() => frame.Hessian(V(0, 0, 0)), "z", "z has length 3, expected 2");
    }

    /// <summary>An objective that remembers the last θ it was asked for.</summary>
    private sealed class Recording(IObjective inner) : IObjective
    {
        public Vector<double>? Seen { get; private set; }
        public string Name => inner.Name;
        public int Dimension => inner.Dimension;
        public double Value(Vector<double> theta) { Seen = theta.Clone(); return inner.Value(theta); }
        public Vector<double> Gradient(Vector<double> theta) { Seen = theta.Clone(); return inner.Gradient(theta); }
        public Matrix<double> Hessian(Vector<double> theta) { Seen = theta.Clone(); return inner.Hessian(theta); }
    }

    /// <summary>
    /// ∇f = (M, M), M = double.MaxValue, in the basis V = [[c, −c], [c, c]], c = fl(√½): Vᵀ∇f = (2cM, 0), whose first entry
    /// (≈ 1.414M) is beyond the range while the second is 0; rejected naming z, the finite 0 beside it notwithstanding.
    /// </summary>
    [Fact]
    public void Gradient_WithOneEntryBeyondTheRange_IsRejected()
    {
        double c = Math.Sqrt(0.5), m = double.MaxValue;
        var basis = Matrix<double>.Build.DenseOfArray(new[,] { { c, -c }, { c, c } });
        var frame = Create(new NaturalGradient.GivenCurvature([0, 0], [m, m]), basis, V(0, 0));
        ArgumentAssert.Rejects(() => frame.Gradient(V(0, 0)), "z", "beyond the double range");
    }
}
