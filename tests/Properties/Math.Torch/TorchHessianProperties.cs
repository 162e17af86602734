using Verification.Engine.Generators;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TorchSharp;
using Verification.Numerics.Torch;
using Xunit.Sdk;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Numerics.Torch;

/// <summary>
/// Taylor-remainder slope test (Manopt's checkgradient/checkhessian) of the autograd derivatives: along a direction v,
/// r₁(h) = f(x+hv) − f(x) − h·∇fᵀv must shrink like h² and r₂(h) = r₁(h) − h²/2·vᵀ𝓗v like h³. A wrong gradient leaves
/// r₁ ~ h, a wrong Hessian leaves r₂ ~ h², so the fitted log-log slopes separate right from wrong by a full order.
/// </summary>
public class TorchHessianProperties
{
    /// <summary>
    /// Step sizes 2⁻⁶ … 2⁻¹⁰ along a unit direction: small enough for the asymptotic regime, large enough that
    /// r₂ ~ h³ ≈ 1e-9 stays far above the rounding noise ε·|f| ≈ 1e-15.
    /// </summary>
    private static readonly double[] Steps = [1.0 / 64, 1.0 / 128, 1.0 / 256, 1.0 / 512, 1.0 / 1024];

    /// <summary>
    /// Manopt's criterion, made automatic: some consecutive pair of steps must show a log-log slope ≥ order − 0.2.
    /// A single fitted slope is not enough: where the next two Taylor terms nearly cancel (r ≈ h^k·|c_k − c_{k+1}h|),
    /// the local slope dips below k over a window of about a factor 6 in h, but the five steps span a factor 16, so
    /// a pair outside that window remains. A wrong derivative with error δ leaves slope k − 1 for all h ≲ δ/|c_k|, so
    /// errors above ~|c_k|/32 are caught here (the closed-form examples check tightly).
    /// </summary>
    private const double SlopeSlack = 0.2;

    /// <summary>f(x) = log Σ exp(x_i) + sin(x_0·x_1) + Σ x_i⁴/12: smooth, non-polynomial, every third derivative generic.</summary>
    private static Tensor Smooth(Tensor x) => x.logsumexp(0) + (x[0] * x[1]).sin() + x.pow(4).sum() / 12;

    private static Gen<double[]> Coordinates(int n) => Gen.ArrayOf(EdgeDoubles.Unit.Select(u => 4 * u - 2), n);

    private static Arbitrary<(double[] Point, double[] Direction)> PointsAndDirections { get; } =
        (from n in Gen.Choose(2, 5)
         from x in Coordinates(n)
         from v in Coordinates(n)
         let norm = Math.Sqrt(v.Sum(c => c * c))
         where norm > 0.1
         select (x, v.Select(c => c / norm).ToArray())).ToArbitrary();

    [Property(MaxTest = 40)]
    public Property GradientAndHessian_PassTaylorSlopeTest() =>
        Prop.ForAll(PointsAndDirections, input =>
        {
            using var scope = NewDisposeScope();
            var x = TensorConvert.Vector(input.Point, ScalarType.Float64);
            var v = TensorConvert.Vector(input.Direction, ScalarType.Float64);
            double f0 = Smooth(x).item<double>();
            double gv = TorchHessian.Gradient(Smooth, x).dot(v).item<double>();
            double vhv = TorchHessian.Hessian(Smooth, x).mv(v).dot(v).item<double>();

            var r1 = new double[Steps.Length];
            var r2 = new double[Steps.Length];
            for (int k = 0; k < Steps.Length; k++)
            {
                double h = Steps[k];
                double f = Smooth(x + h * v).item<double>();
                r1[k] = Math.Abs(f - f0 - h * gv);
                r2[k] = Math.Abs(f - f0 - h * gv - h * h / 2 * vhv);
            }
            AssertSlope("gradient (r₁ ~ h²)", r1, 2, input);
            AssertSlope("Hessian (r₂ ~ h³)", r2, 3, input);
        });

    private static string Show(double[] xs) =>
        "[" + string.Join(", ", xs.Select(x => x.ToString("R", CultureInfo.InvariantCulture))) + "]";

    private static void AssertSlope(string what, double[] remainders, double order, (double[] Point, double[] Direction) input)
    {
        double slope = double.NegativeInfinity;
        for (int k = 0; k + 1 < Steps.Length; k++)
            slope = Math.Max(slope,
                Math.Log(remainders[k] / remainders[k + 1]) / Math.Log(Steps[k] / Steps[k + 1]));
        if (!(slope >= order - SlopeSlack))
            throw new XunitException(string.Create(CultureInfo.InvariantCulture,
                $"{what}: steepest log-log slope between consecutive steps {slope:F3} < {order - SlopeSlack}; remainders {Show(remainders)} " +
                $"at x = {Show(input.Point)}, v = {Show(input.Direction)}"));
    }
}
