using MathNet.Numerics.LinearAlgebra;
using TorchSharp;
using Verification.Math.SignGeometry;
using Verification.Math.Torch.SignGeometry;
using Verification.Optimizers;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Sign;
using Verification.Tests.Properties.Torch;
using Xunit;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Balles.Sign;

/// <summary>Tensor sign descent against the reference optimizers, and input validation of the tensor entry points.</summary>
public class TorchSignGeometryExamples
{
    [Fact]
    public void SingleMatrix_GivesScalarAndVector()
    {
        using var scope = NewDisposeScope();
        var (v, x) = TorchInfToOneNorm.Compute(tensor(new double[,] { { 2, -1 }, { -1, 3 } }));
        Assert.Empty(v.shape);
        Assert.Equal(7.0, v.item<double>());
        Assert.Equal([2L], x.shape);
    }

    [Fact]
    public void NonSymmetric_AndWrongRank_AreRejectedNamingTheParameter()
    {
        using var scope = NewDisposeScope();
        Assert.Equal("h", Assert.Throws<ArgumentException>(() => TorchInfToOneNorm.Compute(tensor(new double[,] { { 1, 2 }, { 0, 1 } }))).ParamName);
        Assert.Equal("h", Assert.Throws<ArgumentException>(() => TorchInfToOneNorm.Compute(tensor(new double[] { 1, 2 }))).ParamName);
        Assert.Equal("h", Assert.Throws<ArgumentException>(() => TorchInfToOneNorm.Compute(tensor(new double[,] { { double.NaN } }))).ParamName);
        Assert.Equal("h", Assert.Throws<ArgumentException>(() => TorchInfToOneNorm.Compute(tensor(new int[,] { { 1 } }))).ParamName);
    }

    [Fact]
    public void NormScaledStep_RejectsNonPositiveConstant()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => TorchSignDescent.NormScaledStep(tensor(new double[] { 1, 2 }), tensor(0.0)));
        Assert.Equal("lInfinity", e.ParamName);
    }

    /// <summary>Seeded dense quadratics ½θᵀHθ − bᵀθ, H = BᵀB + I/4 (well away from sign ties for these steps).</summary>
    private static (Matrix<double> H, Vector<double> B, Vector<double> Theta0)[] Problems(int count, int d, int seed)
    {
        var random = new System.Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var b = Matrix<double>.Build.Dense(d, d, (_, _) => random.NextDouble() - 0.5);
            var h = b.TransposeThisAndMultiply(b) + 0.25 * Matrix<double>.Build.DenseIdentity(d);
            h = (h + h.Transpose()) / 2;
            return (h, Vector<double>.Build.Dense(d, _ => random.NextDouble() - 0.5), Vector<double>.Build.Dense(d, _ => random.NextDouble() * 4 - 2));
        }).ToArray();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Run_Float64_MatchesReferenceTrajectories(bool normScaled)
    {
        const int steps = 12, d = 5;
        var problems = Problems(4, d, normScaled ? 610 : 61);
        using var scope = NewDisposeScope();
        var hs = stack(problems.Select(p => tensor(p.H.ToArray())));
        var bs = stack(problems.Select(p => tensor(p.B.ToArray())));
        var t0 = stack(problems.Select(p => tensor(p.Theta0.ToArray())));
        var lInf = problems.Select(p => InfToOneNorm.Compute(p.H).Value).ToArray();
        var run = normScaled ? TorchSignDescent.Run(hs, bs, t0, steps, lInfinity: tensor(lInf)) : TorchSignDescent.Run(hs, bs, t0, steps, stepSize: 0.05);
        var got = TensorConvert.ToDoubles(run);
        for (int p = 0; p < problems.Length; p++)
        {
            IOptimizer opt = normScaled ? new NormScaledSignGradientDescent(lInf[p]) : new SignGradientDescent(0.05);
            var reference = Trajectory.Record(opt, new Quadratic(problems[p].H, problems[p].B), problems[p].Theta0, steps);
            for (int t = 0; t <= steps; t++)
                for (int i = 0; i < d; i++)
                {
                    double expected = reference.Points[t][i], actual = got[(p * (steps + 1) + t) * d + i];
                    // Same operations up to summation order in Hθ: the plain step is exact (±α); the scaled one carries
                    // a few ulps of ‖g‖₁ per step, 1e-12 absolute over 12 steps at |θ| ≲ 10.
                    Assert.True(System.Math.Abs(expected - actual) <= 1e-12, $"problem {p}, t = {t}, i = {i}: {actual:R} vs {expected:R}");
                }
        }
    }
}
