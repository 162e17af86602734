using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Lodo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>G(θ) of lodo.md eq. (2): matrix-free products, the dense matrix, the initialization and the hypergradient.</summary>
public class BlockPermutationPreconditionerProperties
{
    /// <summary>A small network: n, k, N, extra width, α₀, seed.</summary>
    public sealed record Network(int N, int K, int Depth, int Extra, double Alpha0, int Seed)
    {
        public BlockPermutationPreconditioner Build() =>
            BlockPermutationPreconditioner.Random(N, K, Depth, Alpha0, Seed, (N + K - 1) / K * K + K * Extra);

        public Vector<double> Theta(BlockPermutationPreconditioner g)
        {
            var r = new System.Random(Seed + 17);
            return Vector<double>.Build.Dense(g.ParameterCount, _ => r.Next(5) == 0 ? 0 : r.NextDouble() * 2 - 1);
        }

        public Vector<double> Vector(int salt)
        {
            var r = new System.Random(Seed * 31 + salt);
            return Vector<double>.Build.Dense(N, _ => r.NextDouble() * 4 - 2);
        }
    }

    public static Arbitrary<Network> Networks() => Arb.From(
        from n in Gen.Choose(1, 7)
        from k in Gen.Choose(1, 4)
        from depth in Gen.Choose(1, 4)
        from extra in Gen.Choose(0, 2)
        from alpha in Gen.Elements(1.0, 0.27, 2.5, 0.001, -1.0)
        from seed in Gen.Choose(0, 100000)
        select new Network(n, k, depth, extra, alpha, seed));

    [Property(Arbitrary = [typeof(BlockPermutationPreconditionerProperties)], MaxTest = 40)]
    public void Apply_EqualsDenseTimesVector(Network net)
    {
        var g = net.Build();
        var theta = net.Theta(g);
        var v = net.Vector(1);
        var (ok, report) = Tolerances.Lodo.Compare((g.Dense(theta) * v).ToArray(), g.Apply(theta, v).ToArray(), Tolerances.Lodo.Product);
        Assert.True(ok, report);
    }

    [Property(Arbitrary = [typeof(BlockPermutationPreconditionerProperties)], MaxTest = 30)]
    public void Initial_OrthogonalBlocks_GiveAlpha0Identity(Network net)
    {
        var g = net.Build();
        var dense = g.Dense(g.Initial(new System.Random(net.Seed)));
        var expected = Matrix<double>.Build.DenseIdentity(net.N) * net.Alpha0;
        var (ok, report) = Tolerances.Lodo.Compare(expected.ToRowMajorArray(), dense.ToRowMajorArray(), Tolerances.Lodo.Product * Math.Max(1, Math.Abs(net.Alpha0)));
        Assert.True(ok, report);
    }

    [Property(Arbitrary = [typeof(BlockPermutationPreconditionerProperties)], MaxTest = 30)]
    public void BilinearGradient_MatchesCentralDifferences(Network net)
    {
        var g = net.Build();
        var theta = net.Theta(g);
        var a = net.Vector(2);
        var u = net.Vector(3);
        var grad = g.BilinearGradient(theta, a, u);
        const double h = 1e-5;
        var fd = Enumerable.Range(0, g.ParameterCount).Select(j =>
        {
            var p = theta.Clone(); p[j] += h;
            var m = theta.Clone(); m[j] -= h;
            return (a.DotProduct(g.Apply(p, u)) - a.DotProduct(g.Apply(m, u))) / (2 * h);
        }).ToArray();
        var (ok, report) = Tolerances.Lodo.Compare(fd, grad.ToArray(), Tolerances.Lodo.FiniteDifference);
        Assert.True(ok, report);
    }

    [Property(Arbitrary = [typeof(BlockPermutationPreconditionerProperties)], MaxTest = 20)]
    public void BilinearGradient_TaylorRemainderIsSecondOrder(Network net)
    {
        var g = net.Build();
        var theta = net.Theta(g);
        var a = net.Vector(4);
        var u = net.Vector(5);
        var r = new System.Random(net.Seed);
        var d = Vector<double>.Build.Dense(g.ParameterCount, _ => r.NextDouble() * 2 - 1);
        double phi0 = a.DotProduct(g.Apply(theta, u));
        double slope0 = g.BilinearGradient(theta, a, u).DotProduct(d);
        double Remainder(double h) => Math.Abs(a.DotProduct(g.Apply(theta + h * d, u)) - phi0 - h * slope0);
        var hs = new[] { 1.0 / 64, 1.0 / 128, 1.0 / 256, 1.0 / 512 };
        var rs = hs.Select(Remainder).ToArray();
        // φ is a polynomial in θ; a zero second-order term (e.g. N = 1 with a 1×1 block and d hitting only linear terms) is exact.
        // A correct gradient leaves a remainder of order ≥ 2 (slope ≥ 2; 4 when the quadratic term along d vanishes, as in
        // the replay (3328110462120646601,10636753892952905545,60): N = 2, k = 1, depth 4, seed 1469); a wrong one gives slope ≈ 1.
        TaylorSlope.AssertReachesOrder("bilinear gradient (r ~ h²)", 2, hs, rs, roundingFloor: 1e-13 * Math.Max(1, Math.Abs(phi0)));
    }

    [Property(Arbitrary = [typeof(BlockPermutationPreconditionerProperties)], MaxTest = 30)]
    public void Dense_IsSymmetricPositiveSemiDefinite_ForPositiveAlpha0(Network net)
    {
        var g = net.Build();
        var dense = g.Dense(net.Theta(g));
        double scale = Math.Max(1e-300, dense.Enumerate().Max(Math.Abs));
        Assert.True((dense - dense.Transpose()).Enumerate().Max(Math.Abs) <= Tolerances.Lodo.Product * scale);
        double min = ((dense + dense.Transpose()) * 0.5).Evd().EigenValues.Min(z => z.Real);
        if (net.Alpha0 > 0)
            Assert.True(min >= -Tolerances.Lodo.Product * scale, $"λ_min = {min:R}");
        else
            Assert.True(min <= Tolerances.Lodo.Product * scale, $"α₀ < 0 makes G negative semi-definite, λ_min = {min:R}");
    }

    [Fact]
    public void OperationCount_Is2NWidthTimesKPlus1_Plus2n()
    {
        // Each of the 2N passes costs ñ·k multiply–adds and ñ moves; the embedding and the α₀ scaling cost n each.
        foreach (var (n, k, depth) in new[] { (5, 2, 3), (100, 4, 16), (17, 3, 2) })
        {
            var g = BlockPermutationPreconditioner.Random(n, k, depth, 1.0, 7);
            var counter = new OperationCounter();
            g.Apply(Vector<double>.Build.Dense(g.ParameterCount), Vector<double>.Build.Dense(n, 1.0), counter);
            Assert.Equal(2L * depth * g.Width * (k + 1) + 2L * n, counter.Total);
        }
    }

    [Fact]
    public void PaperWidth_IsFloorTwoNOverKTimesK()
    {
        Assert.Equal(200, BlockPermutationPreconditioner.PaperWidth(100, 4));
        Assert.Equal(4, BlockPermutationPreconditioner.PaperWidth(2, 4)); // ⌊4/4⌋·4 = 4 ≥ n
        Assert.Equal(4, BlockPermutationPreconditioner.PaperWidth(3, 4)); // ⌊6/4⌋·4 = 4 ≥ 3
        Assert.Equal(8, BlockPermutationPreconditioner.PaperWidth(5, 4)); // ⌊10/4⌋·4 = 8
    }
}
