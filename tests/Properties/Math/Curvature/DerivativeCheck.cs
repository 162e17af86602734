using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Xunit.Sdk;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The two checks every analytic derivative of the curvature code gets: the Taylor-remainder slope test (Manopt's
/// checkgradient/checkhessian: r₁(h) = φ(h) − φ(0) − h∇ᵀv ~ h², r₂(h) = r₁(h) − h²/2·vᵀHv ~ h³) and central finite
/// differences.
/// </summary>
internal static class DerivativeCheck
{
    /// <summary>The shared steps 2⁻⁶…2⁻¹⁰ along a unit direction (<see cref="TaylorSlope.Steps"/>; asymptotic regime, far above rounding).</summary>
    private static IReadOnlyList<double> Steps => TaylorSlope.Steps;

    /// <summary>
    /// A remainder below 1e-11 of the function's scale is rounding noise: the expansion is exact to that order (a linear or
    /// quadratic function), the slope is then meaningless and the finite-difference check decides.
    /// </summary>
    private const double NoiseFloor = 1e-11;

    /// <summary>
    /// Central differences with h = 1e-5·max(1, |x_i|): truncation ~h²·|f'''| ≈ 1e-10 and rounding ~ε|f|/h ≈ 1e-11, so 1e-6
    /// relative to max(1, |entries|) separates a correct derivative from a wrong one by orders of magnitude.
    /// </summary>
    private const double FiniteDifferenceTolerance = 1e-6;

    /// <summary>Slope test of (∇φ, ∇²φ) at x along v, and finite differences of φ against ∇φ and of ∇φ against ∇²φ.</summary>
    public static void Check(string what, Func<Vector<double>, double> value, Func<Vector<double>, Vector<double>> gradient,
        Func<Vector<double>, Matrix<double>> hessian, Vector<double> x, Vector<double> direction)
    {
        var v = direction / direction.L2Norm();
        double f0 = value(x);
        var g = gradient(x);
        var h = hessian(x);
        double gv = g.DotProduct(v), vhv = v.DotProduct(h * v);
        var r1 = new double[Steps.Count];
        var r2 = new double[Steps.Count];
        for (int k = 0; k < Steps.Count; k++)
        {
            double s = Steps[k];
            double f = value(x + s * v);
            r1[k] = Math.Abs(f - f0 - s * gv);
            r2[k] = Math.Abs(f - f0 - s * gv - s * s / 2 * vhv);
        }
        double scale = Math.Max(1, Math.Abs(f0) + Math.Abs(gv) + Math.Abs(vhv));
        AssertSlope(what + ": gradient (r₁ ~ h²)", r1, 2, scale, x, v);
        AssertSlope(what + ": Hessian (r₂ ~ h³)", r2, 3, scale, x, v);

        for (int i = 0; i < x.Count; i++)
        {
            double step = 1e-5 * Math.Max(1, Math.Abs(x[i]));
            var e = Vector<double>.Build.Dense(x.Count);
            e[i] = step;
            double fd = (value(x + e) - value(x - e)) / (2 * step);
            AssertClose($"{what}: ∂/∂x_{i} by central differences", g[i], fd, x);
            var column = (gradient(x + e) - gradient(x - e)) / (2 * step);
            for (int j = 0; j < x.Count; j++)
                AssertClose($"{what}: ∂²/∂x_{j}∂x_{i} by central differences of the gradient", h[j, i], column[j], x);
        }
    }

    private static void AssertClose(string what, double analytic, double numeric, Vector<double> x)
    {
        double scale = Math.Max(1, Math.Max(Math.Abs(analytic), Math.Abs(numeric)));
        if (!(Math.Abs(analytic - numeric) <= FiniteDifferenceTolerance * scale))
            throw new XunitException(string.Create(CultureInfo.InvariantCulture,
                $"{what}: analytic {analytic:R}, finite difference {numeric:R}, |diff|/scale {Math.Abs(analytic - numeric) / scale:E2} > {FiniteDifferenceTolerance:E0} at x = {Show(x)}"));
    }

    private static void AssertSlope(string what, double[] r, double order, double scale, Vector<double> x, Vector<double> v) =>
        TaylorSlope.AssertReachesOrder(what, order, Steps, r, roundingFloor: NoiseFloor * scale, input: $" at x = {Show(x)}, v = {Show(v)}");

    private static string Show(Vector<double> x) => "[" + string.Join(", ", x.Select(c => c.ToString("R", CultureInfo.InvariantCulture))) + "]";
}
