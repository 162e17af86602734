using Verification.Engine.Generators;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TorchSharp;
using Verification.Numerics.Torch;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Numerics.Torch;

/// <summary>
/// Taylor-remainder slope test (Manopt's checkgradient/checkhessian) of the autograd derivatives: along a direction v,
/// r₁(h) = f(x+hv) − f(x) − h·∇fᵀv must shrink like h² and r₂(h) = r₁(h) − h²/2·vᵀ𝓗v like h³. A wrong gradient leaves
/// r₁ ~ h, a wrong Hessian leaves r₂ ~ h², so the log-log slopes of the shared <see cref="TaylorSlope"/> check separate right from wrong by a full order.
/// </summary>
public class TorchHessianProperties
{
    /// <summary>The exponent 4 of x⁴, held for the process (a temporary Scalar can be freed mid-call; see TorchScalars).</summary>
    private static readonly Scalar QuarticExponent = 4.ToScalar();

    /// <summary>f(x) = log Σ exp(x_i) + sin(x_0·x_1) + Σ x_i⁴/12: smooth, non-polynomial, every third derivative generic.</summary>
    private static Tensor Smooth(Tensor x) => x.logsumexp(0).Plus((x[0] * x[1]).sin()).Plus(x.pow(QuarticExponent).sum().DividedBy(12));

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

            var steps = TaylorSlope.Steps;
            var r1 = new double[steps.Count];
            var r2 = new double[steps.Count];
            for (int k = 0; k < steps.Count; k++)
            {
                double h = steps[k];
                double f = Smooth(x.Plus(v.Times(h))).item<double>();
                r1[k] = Math.Abs(f - f0 - h * gv);
                r2[k] = Math.Abs(f - f0 - h * gv - h * h / 2 * vhv);
            }
            string at = $" at x = {Show(input.Point)}, v = {Show(input.Direction)}";
            TaylorSlope.AssertReachesOrder("gradient (r₁ ~ h²)", 2, steps, r1, input: at);
            TaylorSlope.AssertReachesOrder("Hessian (r₂ ~ h³)", 3, steps, r2, input: at);
        });

    private static string Show(double[] xs) =>
        "[" + string.Join(", ", xs.Select(x => x.ToString("R", CultureInfo.InvariantCulture))) + "]";
}
