using MathNet.Numerics.LinearAlgebra;
using Verification.Math.Exact;
using Verification.Optimizers;
using Verification.Optimizers.Objectives;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// One test function for the claims of §3.1 and M.2, with what certification needs: exact evaluation where the function
/// is a polynomial (null otherwise), an exact enclosure of its rigorous L_H (eq. 2), and, for separable functions, the
/// per-coordinate bounds sup|φ_i'''|.
/// </summary>
internal sealed record TestFunction(
    IThirdOrderObjective Objective,
    Func<IReadOnlyList<double>, RationalInterval>? ExactValue,
    Func<IReadOnlyList<double>, RationalInterval[]>? ExactGradient,
    Func<IReadOnlyList<double>, RationalInterval[,]>? ExactHessian,
    RationalInterval HessianLipschitz,
    double[]? SeparableBounds)
{
    internal int Dimension => Objective.Dimension;

    internal string Name => Objective.Name;

    internal bool IsExact => ExactValue is not null;
}

/// <summary>The fixed list of test functions the function-level ELMO claims search over (indices are inputs).</summary>
internal static class ElmoTestFunctions
{
    internal static IReadOnlyList<TestFunction> All { get; } = Build();

    private static List<TestFunction> Build()
    {
        var list = new List<TestFunction>();
        void AddExact(IExactObjective f, RationalInterval lh, double[]? bounds = null) =>
            list.Add(new TestFunction(f, f.ExactValue, f.ExactGradient, f.ExactHessian, lh, bounds));

        AddExact(SpectralQuadratic.FromEigenvalues([-2, 0, 1.5], [1, -0.5, 0.25], 3), RationalInterval.Zero);
        AddExact(SpectralQuadratic.FromEigenvalues([-1, 0.5], [0.5, 1], null), RationalInterval.Zero);
        list.Add(CubicPerturbed([1, 2], 3, [1, 1]));
        list.Add(CubicPerturbed([-1, 0.5, 2], -2, [0.75, -0.5, 0.25]));
        var cubic = new SeparableObjective([new CubicTerm(1, 2), new CubicTerm(-1, -0.5), new CubicTerm(0.5, 1)]);
        AddExact(cubic, RationalInterval.Exact(cubic.HessianLipschitz!.Value), [.. cubic.Terms.Select(t => t.ThirdBound)]);
        var mixed = new SeparableObjective([new CosineQuadraticTerm(2, 0.25), new LogCoshTerm(1.5), new LorentzianTerm(-1, 3)]);
        list.Add(new TestFunction(mixed, null, null, null, RationalInterval.Exact(mixed.HessianLipschitz!.Value), [.. mixed.Terms.Select(t => t.ThirdBound)]));
        var logistic = LogisticRegression.Seeded(12, 3, 5, 0.1);
        list.Add(new TestFunction(logistic, null, null, null, RationalInterval.Exact(logistic.HessianLipschitz!.Value), null));
        return list;
    }

    /// <summary>
    /// <see cref="CubicPerturbedQuadratic"/> with D = diag(<paramref name="d"/>): f = ½θᵀDθ + (c/6)(uᵀθ)³, evaluated exactly
    /// here from its coefficients; L_H = |c|‖u‖³ enclosed with an exact √.
    /// </summary>
    private static TestFunction CubicPerturbed(double[] d, double c, double[] u)
    {
        var f = new CubicPerturbedQuadratic(Matrix<double>.Build.DenseOfDiagonalArray(d), c, Vector<double>.Build.DenseOfArray(u));
        int n = d.Length;
        RationalInterval P(IReadOnlyList<double> t)
        {
            var s = RationalInterval.Zero;
            for (int i = 0; i < n; i++) s += RationalInterval.Exact(u[i]) * RationalInterval.Exact(t[i]);
            return s;
        }
        var ci = RationalInterval.Exact(c);
        RationalInterval Value(IReadOnlyList<double> t)
        {
            var q = RationalInterval.Zero;
            for (int i = 0; i < n; i++) q += RationalInterval.Exact(d[i]) * RationalInterval.Exact(t[i]) * RationalInterval.Exact(t[i]);
            var p = P(t);
            return q / RationalInterval.Exact(2.0) + ci * p * p * p / RationalInterval.Exact(6.0);
        }
        RationalInterval[] Gradient(IReadOnlyList<double> t)
        {
            var p = P(t);
            return [.. Enumerable.Range(0, n).Select(i => RationalInterval.Exact(d[i]) * RationalInterval.Exact(t[i]) + ci * p * p / RationalInterval.Exact(2.0) * RationalInterval.Exact(u[i]))];
        }
        RationalInterval[,] Hessian(IReadOnlyList<double> t)
        {
            var p = P(t);
            var h = new RationalInterval[n, n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    h[i, j] = (i == j ? RationalInterval.Exact(d[i]) : RationalInterval.Zero) + ci * p * RationalInterval.Exact(u[i]) * RationalInterval.Exact(u[j]);
            return h;
        }
        var uu = RationalInterval.Zero;
        foreach (var x in u) uu += RationalInterval.Exact(x) * RationalInterval.Exact(x);
        var lh = RationalInterval.Exact(System.Math.Abs(c)) * uu * uu.Sqrt(256);
        return new TestFunction(f, Value, Gradient, Hessian, lh, null);
    }
}
