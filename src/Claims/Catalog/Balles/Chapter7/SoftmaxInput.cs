using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math.Curvature.AutoDiff;
using Verification.Math.Curvature.Exact;
using Verification.Math.Curvature.Likelihoods;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Balles.Chapter7;

/// <summary>Logits f ∈ ℝ^C (C = 2…4, entries in [−5, 5] on a 1/8 grid so they are short rationals), indices i, j and a label y.</summary>
internal sealed record SoftmaxInput(double[] F, int I, int J, int Y)
{
    internal static Gen<SoftmaxInput> Generator { get; } =
        from c in Gen.Choose(2, 4)
        from f in Gen.ArrayOf(Gen.Frequency(
            (6, EdgeDoubles.Unit.Select(u => System.Math.Round((10 * u - 5) * 8) / 8)),
            (2, Gen.Elements(0.0, 2.0, 1.0, -1.0))), c)
        from i in Gen.Choose(0, c - 1)
        from j in Gen.Choose(0, c - 1)
        from y in Gen.Choose(0, c - 1)
        select new SoftmaxInput(f, i, j, y);

    internal static IEnumerable<SoftmaxInput> Edges() =>
    [
        new([1, 0], 0, 1, 0),
        new([0, 0], 0, 1, 1),
        new([2, 0], 0, 1, 0),
        new([-1, 0.5, 3], 2, 0, 1),
        new([0.125, -0.25, 0, 4], 1, 3, 3),
    ];

    internal SoftmaxInput Perturb(System.Random random)
    {
        var f = (double[])F.Clone();
        int k = random.Next(f.Length);
        f[k] = System.Math.Clamp(System.Math.Round((f[k] + (random.NextDouble() - 0.5)) * 8) / 8, -5, 5);
        return this with { F = f };
    }

    /// <summary>∂²/∂f_a∂f_b of log Σ_c e^{f_c}, by hyper-dual forward mode (independent of any closed form).</summary>
    internal double LogSumExpSecond(int a, int b)
    {
        var x = F.Select((v, k) => new HyperDual(v, k == a ? 1 : 0, k == b ? 1 : 0, 0)).ToArray();
        return LogSumExp.Of(x).E12;
    }

    /// <summary>∇²_f(−log p(y|f)) by forward mode on the categorical log-density.</summary>
    internal Matrix<double> NegativeLogHessian()
    {
        var like = new CategoricalSoftmax(F.Length);
        return Verification.Math.Curvature.AutoDiff.ForwardDerivatives.Hessian(
            x => -like.LogDensity(Y, x), Vector<double>.Build.DenseOfArray(F));
    }

    /// <summary>Σ_c e^{f_c} without a shift (as the formulas are written; |f| ≤ 5 keeps it far from overflow).</summary>
    internal double Sum => F.Sum(System.Math.Exp);

    /// <summary>Exact enclosures of e^{f_c} and of their sum.</summary>
    internal (RationalInterval[] E, RationalInterval S) ExactExps(int bits)
    {
        var e = F.Select(v => ExactExp.Of(v, bits)).ToArray();
        var s = e.Aggregate(RationalInterval.Zero, (a, b) => a + b);
        return (e, s);
    }

    internal IReadOnlyList<NamedValue> Describe() =>
        [NamedValue.Of("f", F), NamedValue.Text("i", I.ToString(System.Globalization.CultureInfo.InvariantCulture)),
         NamedValue.Text("j", J.ToString(System.Globalization.CultureInfo.InvariantCulture)),
         NamedValue.Text("y", Y.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}
