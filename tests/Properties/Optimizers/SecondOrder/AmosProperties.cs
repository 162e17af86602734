using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Stochastic;
using Verification.Optimizers.SecondOrder;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>AMOS (Alg. 2): line 5's running average and lines 6–12's assignment, per coordinate and per tensor (App. K).</summary>
[Properties(Arbitrary = [typeof(OptimizerArbitraries)], MaxTest = 100)]
public class AmosProperties
{
    private const int Steps = 6;

    private static Amos Build(double threshold, AmosAssignment assignment, IReadOnlyList<int[]>? tensors, double alpha = 0.7) =>
        new(new Sgd(1e-2), new SophiaDiagonal(1e-2), new AmosSettings(threshold, alpha, 1e-12, 1, assignment, tensors));

    /// <summary>
    /// Line 5 from L = 0: after k Hessian computations with recorded slopes s_1..s_k, L_k = (1 − α)·Σ_j α^{k−j}·s_j,
    /// the exponential moving average the paper calls a running average (each slope ≥ 0, so L ≥ 0).
    /// </summary>
    [Property]
    public Property RunningLipschitz_IsExponentialAverageOfSlopes(OptimizerProblem p)
    {
        var amos = Build(1.0, AmosAssignment.PerCoordinate, null);
        var run = (Amos.AmosRun)amos.Start(p.Objective, p.Point);
        var slopes = new List<Vector<double>>();
        for (int t = 0; t < Steps; t++)
        {
            run.Step();
            if (t > 0)
                slopes.Add(run.LastSlopes!);
        }
        double a = amos.Settings.AlphaL;
        for (int i = 0; i < p.Dimension; i++)
        {
            double expected = 0;
            for (int j = 0; j < slopes.Count; j++)
                expected += (1 - a) * Math.Pow(a, slopes.Count - 1 - j) * slopes[j][i];
            double got = run.Lipschitz[i];
            // k ≤ 5 multiply-adds of non-negative terms: relative error ≤ ~10 ulp.
            if (!(got >= 0) || !Tolerances.Close(got, expected, 1e-14))
                return false.Label($"i = {i}: L = {got:R}, closed form {expected:R}");
        }
        return true.ToProperty();
    }

    /// <summary>Lines 6–12 per coordinate: OPT¹ exactly where L_t^i &gt; L_thresh, and those coordinates move by SGD's −η∂_i f.</summary>
    [Property]
    public Property PerCoordinate_AssignsByThreshold(OptimizerProblem p, bool tiny)
    {
        double threshold = tiny ? 1e-6 : 0.5;
        var run = (Amos.AmosRun)Build(threshold, AmosAssignment.PerCoordinate, null).Start(p.Objective, p.Point);
        for (int t = 0; t < Steps; t++)
        {
            var theta = run.Theta;
            var g = p.Objective.Gradient(theta);
            var delta = run.Step();
            for (int i = 0; i < p.Dimension; i++)
            {
                bool expected = run.Lipschitz[i] > threshold;
                if (run.UsesFirstOrder[i] != expected)
                    return false.Label($"t = {t}, i = {i}: L = {run.Lipschitz[i]:R}, thresh {threshold:R}, OPT¹ {run.UsesFirstOrder[i]}");
                if (expected && delta[i] != -1e-2 * g[i])
                    return false.Label($"t = {t}, i = {i}: OPT¹ coordinate moved {delta[i]:R}, SGD gives {-1e-2 * g[i]:R}");
            }
        }
        return true.ToProperty().Classify(run.UsesFirstOrder.Any(b => b), "some OPT¹");
    }

    /// <summary>App. K: a tensor goes to OPT¹ iff the mean (or max) of its coordinates' L exceeds L_thresh; a tensor is never split.</summary>
    [Property]
    public Property PerTensor_AssignsWholeTensorsByAggregate(OptimizerProblem p, bool useMax)
    {
        int n = p.Dimension;
        int[][] tensors = n == 1 ? [[0]] : [Enumerable.Range(0, n / 2).ToArray(), Enumerable.Range(n / 2, n - n / 2).ToArray()];
        var mode = useMax ? AmosAssignment.PerTensorMax : AmosAssignment.PerTensorMean;
        const double threshold = 0.05;
        var run = (Amos.AmosRun)Build(threshold, mode, tensors).Start(p.Objective, p.Point);
        for (int t = 0; t < Steps; t++)
        {
            run.Step();
            var l = run.Lipschitz;
            foreach (var tensor in tensors)
            {
                double aggregate = useMax ? tensor.Max(i => l[i]) : tensor.Average(i => l[i]);
                if (tensor.Any(i => run.UsesFirstOrder[i] != aggregate > threshold))
                    return false.Label($"t = {t}, tensor [{string.Join(",", tensor)}]: aggregate {aggregate:R}, assignment [{string.Join(",", tensor.Select(i => run.UsesFirstOrder[i]))}]");
            }
        }
        return true.ToProperty();
    }
}
