using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Engine.Generators;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Reference;
using Verification.Optimizers.Torch;
using Verification.Tests.Properties.Torch;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.OptimizersTorch;

/// <summary>
/// The pluggable OPTs of the tensor AMOS against their reference twins under any pattern of ownership (elmo-amos Alg. 2,
/// line 14: an OPTIM_i steps only the coordinates assigned to it, and its state moves only there). Fed the same gradients
/// and Hessian diagonals, both sides perform the same correctly rounded float64 operations in the same order, so the
/// owned steps must agree bit for bit — no tolerance.
/// </summary>
[Properties(MaxTest = 100, Replay = "(20261123,5)")]
public class TorchElementwiseOptimizerProperties
{
    /// <summary>A script: n, per step an ownership mask, a gradient and a Hessian diagonal; and the optimizer's hyperparameters.</summary>
    public sealed record Script(bool[][] Owned, double[][] Gradients, double[][] Diagonals, double Rate, double Rho, double Beta1, double Beta2, int Every)
    {
        public override string ToString() =>
            $"η = {Rate:R}, ρ = {Rho:R}, β = ({Beta1:R}, {Beta2:R}), k = {Every}; owned " +
            string.Join(" ", Owned.Select(o => "[" + string.Join("", o.Select(b => b ? '1' : '0')) + "]")) +
            "; g " + string.Join(" ", Gradients.Select(g => "[" + string.Join(", ", g.Select(x => x.ToString("R"))) + "]")) +
            "; diag " + string.Join(" ", Diagonals.Select(g => "[" + string.Join(", ", g.Select(x => x.ToString("R"))) + "]"));
    }

    public static Arbitrary<Script> Scripts() => Arb.From(
        from n in Gen.Choose(1, 5)
        from steps in Gen.Choose(1, 8)
        from owned in Gen.Elements(true, false, false).ArrayOf(n).ArrayOf(steps)
        from gradients in EdgeDoubles.Signed(1e-3, 10).ArrayOf(n).ArrayOf(steps)
        from diagonals in EdgeDoubles.Signed(1e-3, 10).ArrayOf(n).ArrayOf(steps)
        from rate in Gen.Elements(0.01, 0.05, 0.5)
        from rho in Gen.Elements(0.01, 0.5, 2.0)
        from beta1 in Gen.Elements(0.0, 0.5, 0.9)
        from beta2 in Gen.Elements(0.0, 0.5, 0.95)
        from every in Gen.Choose(1, 3)
        select new Script(owned, gradients, diagonals, rate, rho, beta1, beta2, every));

    /// <summary>Sophia (and SGD) on tensors: every owned step equals the reference's, including the refresh count of k.</summary>
    [Property(Arbitrary = [typeof(TorchElementwiseOptimizerProperties)])]
    public Property OwnedSteps_MatchReferenceBitForBit(Script s, bool sophia)
    {
        int n = s.Gradients[0].Length;
        IElementwiseOptimizer reference = sophia
            ? new SophiaDiagonal(s.Rate, s.Rho, s.Beta1, s.Beta2, hessianEvery: s.Every)
            : new ElementwiseSgd(s.Rate);
        var referenceState = reference.Start(n);
        using var scope = NewDisposeScope();
        var theta = zeros(n, dtype: ScalarType.Float64);
        using var tensorState = TorchElementwise.Of(reference).Start(theta);
        for (int t = 0; t < s.Gradients.Length; t++)
        {
            var gradient = Vector<double>.Build.DenseOfArray(s.Gradients[t]);
            // The reference reads H_ii from its objective: a quadratic with H = diag(this step's diagonal).
            var objective = new Quadratic(Matrix<double>.Build.DiagonalOfDiagonalArray(s.Diagonals[t]), Vector<double>.Build.Dense(n));
            var coordinates = Enumerable.Range(0, n).Where(i => s.Owned[t][i]).ToArray();
            var delta = Vector<double>.Build.Dense(n, double.NaN);
            referenceState.Step(objective, Vector<double>.Build.Dense(n), gradient, coordinates, delta);
            int diagonalCalls = 0;
            var step = TensorConvert.ToDoubles(tensorState.Step(
                TensorConvert.Vector(s.Gradients[t], ScalarType.Float64),
                () => { diagonalCalls++; return TensorConvert.Vector(s.Diagonals[t], ScalarType.Float64); },
                tensor(s.Owned[t])));
            if (diagonalCalls > 1)
                return false.Label($"t = {t}: the Hessian diagonal was requested {diagonalCalls} times");
            foreach (int i in coordinates)
                if (!step[i].Equals(delta[i]))
                    return false.Label($"t = {t}, i = {i}: tensor {step[i]:R}, reference {delta[i]:R}");
        }
        return true.ToProperty().Classify(sophia, "sophia");
    }
}
