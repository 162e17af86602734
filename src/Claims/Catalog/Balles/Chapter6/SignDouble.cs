namespace Verification.Claims.Catalog.Balles.Chapter6;

/// <summary>Double-precision counterparts of <see cref="SignExact"/> for the claims' <c>Sides</c>.</summary>
internal static class SignDouble
{
    internal static double[] MatVec(double[,] h, double[] x)
    {
        int d = x.Length;
        var y = new double[d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                y[i] += h[i, j] * x[j];
        return y;
    }

    internal static double Dot(double[] a, double[] b) => a.Select((v, i) => v * b[i]).Sum();

    internal static double Quad(double[,] h, double[] x) => Dot(x, MatVec(h, x));

    internal static double L1(double[] x) => x.Sum(System.Math.Abs);

    internal static double LInf(double[] x) => x.Length == 0 ? 0 : x.Max(System.Math.Abs);

    internal static double[] Sub(double[] a, double[] b) => a.Select((v, i) => v - b[i]).ToArray();

    internal static double InfToOne(double[,] h) =>
        Verification.Math.SignGeometry.InfToOneNorm.Compute(MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(h)).Value;

    internal static double OneToInf(double[,] h) => h.Cast<double>().Max(System.Math.Abs);

    internal static double EntrywiseL1(double[,] h) => h.Cast<double>().Sum(System.Math.Abs);

    internal static double Trace(double[,] h) => Enumerable.Range(0, h.GetLength(0)).Sum(i => h[i, i]);

    internal static double DiagL1(double[,] h) => Enumerable.Range(0, h.GetLength(0)).Sum(i => System.Math.Abs(h[i, i]));
}
