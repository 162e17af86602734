using Verification.Numerics.Exact;

namespace Verification.Optimizers.Objectives;

/// <summary>Exact dot products and quadratic forms over point rational intervals, for <see cref="IExactObjective"/>.</summary>
internal static class ExactLinearAlgebra
{
    internal static RationalInterval[] Exact(IReadOnlyList<double> values) => values.Select(RationalInterval.Exact).ToArray();

    internal static RationalInterval Dot(IReadOnlyList<RationalInterval> a, IReadOnlyList<RationalInterval> b)
    {
        var sum = RationalInterval.Zero;
        for (int i = 0; i < a.Count; i++)
            sum += a[i] * b[i];
        return sum;
    }

    internal static RationalInterval[] Times(RationalInterval[,] m, IReadOnlyList<RationalInterval> x)
    {
        int n = x.Count;
        var y = new RationalInterval[n];
        for (int i = 0; i < n; i++)
        {
            var s = RationalInterval.Zero;
            for (int j = 0; j < n; j++)
                s += m[i, j] * x[j];
            y[i] = s;
        }
        return y;
    }

    internal static RationalInterval[,] Exact(MathNet.Numerics.LinearAlgebra.Matrix<double> m)
    {
        var r = new RationalInterval[m.RowCount, m.ColumnCount];
        for (int i = 0; i < m.RowCount; i++)
            for (int j = 0; j < m.ColumnCount; j++)
                r[i, j] = RationalInterval.Exact(m[i, j]);
        return r;
    }
}
