using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers;
using Verification.Optimizers.Stochastic;
using Verification.Tests.Properties.Numerics;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>
/// A <see cref="CoordinatewiseOptimizer"/> run on its own over the whole double range: its step does no arithmetic, so
/// correctness is exact forwarding. With ∇f, θ₀ (and so the Hessian diagonal diag H(θ) = θ of the objective below) drawn
/// from subnormals to ±double.MaxValue and ±0, each step hands the rule the sampled gradient and diag H at the current
/// iterate bit for bit, every coordinate 0…n − 1 once in order, and returns the rule's Δθ bit for bit (−0 included),
/// over two steps (the second at θ₁ = θ₀ + Δθ₀ as the run forms it, which may be ±∞ or NaN there: forwarded as is).
/// </summary>
[Properties(MaxTest = 300)]
public class CoordinatewiseOptimizerRangeProperties
{
    private static Vector<double> V(double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Property]
    public Property Step_ForwardsItsInputsAndTheRulesStepExactly() => Prop.ForAll(
        (from d in Gen.Choose(1, 5)
         from g in FullRangeDoubles.Signed.ArrayOf(d)
         from theta in FullRangeDoubles.Signed.ArrayOf(d)
         select (g, theta)).ToArbitrary(),
        c =>
        {
            var (g, theta) = c;
            var optimizer = new Recording();
            var run = optimizer.Start(new CurvatureIsTheta(g), V(theta));
            var expectedTheta = (double[])theta.Clone();
            for (int t = 0; t < 2; t++)
            {
                var delta = run.Step();
                var seen = optimizer.Rule!;
                string at = $"t = {t}, g = [{string.Join(", ", g.Select(v => v.ToString("R")))}], θ_t = [{string.Join(", ", expectedTheta.Select(v => v.ToString("R")))}]";
                if (!SameBits(seen.Gradient!, g))
                    return false.Label($"{at}: the rule got g = [{string.Join(", ", seen.Gradient!)}]");
                if (!SameBits(seen.Curvature!, expectedTheta))
                    return false.Label($"{at}: the rule got diag H = [{string.Join(", ", seen.Curvature!)}], not diag H(θ_t)");
                if (!seen.Owned!.SequenceEqual(Enumerable.Range(0, g.Length)))
                    return false.Label($"{at}: the rule owned [{string.Join(", ", seen.Owned!)}]");
                var written = Rule.Written(g, expectedTheta);
                for (int i = 0; i < g.Length; i++)
                    if (!SameBits([delta[i]], [written[i]]))
                        return false.Label($"{at}: Δθ_{i} = {delta[i]:R}, the rule wrote {written[i]:R}");
                for (int i = 0; i < g.Length; i++)
                    expectedTheta[i] += delta[i];
            }
            return true.ToProperty();
        });

    /// <summary>Equal bit for bit (so −0 ≠ +0), any NaN equal to any NaN.</summary>
    private static bool SameBits(double[] a, double[] b) =>
        a.Length == b.Length && a.Zip(b).All(p => BitConverter.DoubleToInt64Bits(p.First) == BitConverter.DoubleToInt64Bits(p.Second) || (double.IsNaN(p.First) && double.IsNaN(p.Second)));

    /// <summary>f with ∇f = g at every θ and Hessian diag(θ), so the curvature the rule reads says at which θ it was taken.</summary>
    private sealed class CurvatureIsTheta(double[] gradient) : IObjective
    {
        public string Name => "curvature-is-theta";

        public int Dimension => gradient.Length;

        public double Value(Vector<double> theta) => 0;

        public Vector<double> Gradient(Vector<double> theta) => V(gradient);

        public Matrix<double> Hessian(Vector<double> theta) => Matrix<double>.Build.DenseOfDiagonalVector(theta);
    }

    private sealed class Recording : CoordinatewiseOptimizer
    {
        public Rule? Rule { get; private set; }

        public override string Name => "recording";

        protected override ICoordinatewiseRule CreateCoordinates(int dimension) => Rule = new Rule();
    }

    /// <summary>Writes g_i on even and H_ii on odd coordinates (their bits, −0 and subnormals included) and records what it got.</summary>
    private sealed class Rule : ICoordinatewiseRule
    {
        public double[]? Gradient { get; private set; }

        public double[]? Curvature { get; private set; }

        public int[]? Owned { get; private set; }

        public static double[] Written(double[] g, double[] h) => [.. g.Select((gi, i) => i % 2 == 0 ? gi : h[i])];

        public void Step(Vector<double> gradient, Func<Vector<double>> hessianDiagonal, IReadOnlyList<int> owned, Vector<double> delta)
        {
            Gradient = gradient.ToArray();
            Curvature = hessianDiagonal().ToArray();
            Owned = [.. owned];
            var written = Written(Gradient, Curvature);
            foreach (int i in owned)
                delta[i] = written[i];
        }
    }
}
