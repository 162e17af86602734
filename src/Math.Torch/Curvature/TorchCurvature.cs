using Verification.Numerics.Curvature;
using static TorchSharp.torch;

namespace Verification.Numerics.Torch.Curvature;

/// <summary>
/// The curvature matrices of balles-thesis ch. 7 by autograd (TorchSharp) for a reference <see cref="LikelihoodProblem"/>:
/// per-sample Jacobians by one backward pass per output, ∇²R by double backward (<see cref="TorchHessian"/>), the GGN (7.14)
/// with ∇²_f log p by autograd, the Fisher (7.2) over the reference's expectation nodes with scores by autograd, and the
/// empirical Fisher (7.3). The data are moved to θ's dtype and device.
/// </summary>
public static class TorchCurvature
{
    private static void Check(LikelihoodProblem problem, Tensor theta)
    {
        ArgumentNullException.ThrowIfNull(problem);
        TorchArguments.Vector(theta, nameof(theta));
        TorchArguments.Finite(theta, nameof(theta));
        if (theta.shape[0] != problem.Dimension)
            throw new ArgumentException($"theta has length {theta.shape[0]}, expected {problem.Dimension}.", nameof(theta));
    }

    private static Tensor Input(LikelihoodProblem p, int n, Tensor like) => tensor(p.Data.Inputs[n].ToArray(), like.dtype, like.device);

    private static Tensor NegativeRisk(LikelihoodProblem p, Tensor t)
    {
        Tensor total = zeros(1, t.dtype, t.device).sum();
        for (int n = 0; n < p.Count; n++)
            total = total.Plus(TorchCurvatureFunctions.LogDensity(p.Likelihood, p.Data.Labels[n], TorchCurvatureFunctions.Output(p.Model, Input(p, n, t), t)));
        return total;
    }

    /// <summary>J_θ f(x_n, θ), M×d, one gradient per output component.</summary>
    public static Tensor Jacobian(LikelihoodProblem problem, int n, Tensor theta)
    {
        Check(problem, theta);
        using var scope = NewDisposeScope();
        var x = Input(problem, n, theta);
        var rows = Enumerable.Range(0, problem.Model.OutputDimension)
            .Select(m => TorchHessian.Gradient(t => TorchCurvatureFunctions.Output(problem.Model, x, t)[m], theta)).ToArray();
        return stack(rows).MoveToOuterDisposeScope();
    }

    /// <summary>∇²R(θ) by double backward on R = −Σ_n log p(y_n|f(x_n, θ)).</summary>
    public static Tensor Hessian(LikelihoodProblem problem, Tensor theta)
    {
        Check(problem, theta);
        using var scope = NewDisposeScope();
        return (-TorchHessian.Hessian(t => NegativeRisk(problem, t), theta)).MoveToOuterDisposeScope();
    }

    /// <summary>G(θ) = −Σ_n J_nᵀ∇²_f log p(y_n|f_n)J_n (eq. 7.14).</summary>
    public static Tensor GeneralizedGaussNewton(LikelihoodProblem problem, Tensor theta) =>
        OutputSpaceSum(problem, theta, (n, f) =>
        {
            double y = problem.Data.Labels[n];
            return -TorchHessian.Hessian(z => TorchCurvatureFunctions.LogDensity(problem.Likelihood, y, z), f);
        });

    /// <summary>F(θ) = Σ_n J_nᵀ(Σ_k w_k s_k s_kᵀ)J_n with the reference's expectation nodes and autograd scores s_k = ∇_f log p(y_k|f_n).</summary>
    public static Tensor Fisher(LikelihoodProblem problem, Tensor theta) =>
        OutputSpaceSum(problem, theta, (n, f) =>
        {
            var rule = problem.Likelihood.Expectation(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(
                f.to_type(ScalarType.Float64).cpu().data<double>().ToArray()));
            var inner = zeros(f.shape[0], f.shape[0], theta.dtype, theta.device);
            for (int k = 0; k < rule.Labels.Count; k++)
            {
                double y = rule.Labels[k];
                var s = TorchHessian.Gradient(z => TorchCurvatureFunctions.LogDensity(problem.Likelihood, y, z), f);
                inner = inner.Plus(s.outer(s).Times(rule.Weights[k]));
            }
            return inner;
        });

    /// <summary>
    /// Σ_n J_nᵀ·C_n·J_n, the pull-back to θ of an M×M curvature C_n = <paramref name="curvature"/>(n, f_n) in the output
    /// space at f_n = f(x_n, θ) (detached), summed in data order: the GGN (C_n = −∇²_f log p) and the Fisher (C_n the
    /// expected outer product of the scores) differ only in C_n. Adding J_nᵀ(−H_n)J_n is bit for bit subtracting
    /// J_nᵀH_nJ_n, as rounding to nearest is symmetric in sign.
    /// </summary>
    private static Tensor OutputSpaceSum(LikelihoodProblem problem, Tensor theta, Func<int, Tensor, Tensor> curvature)
    {
        Check(problem, theta);
        using var scope = NewDisposeScope();
        var sum = zeros(problem.Dimension, problem.Dimension, theta.dtype, theta.device);
        for (int n = 0; n < problem.Count; n++)
        {
            var j = Jacobian(problem, n, theta);
            var f = TorchCurvatureFunctions.Output(problem.Model, Input(problem, n, theta), theta.detach());
            sum = sum.Plus(j.T.matmul(curvature(n, f)).matmul(j));
        }
        return sum.MoveToOuterDisposeScope();
    }

    /// <summary>F̃(θ) = Σ_n s_n s_nᵀ with s_n = ∇_θ log p(y_n|f(x_n, θ)) by autograd (eq. 7.3).</summary>
    public static Tensor EmpiricalFisher(LikelihoodProblem problem, Tensor theta)
    {
        Check(problem, theta);
        using var scope = NewDisposeScope();
        var ef = zeros(problem.Dimension, problem.Dimension, theta.dtype, theta.device);
        for (int n = 0; n < problem.Count; n++)
        {
            var x = Input(problem, n, theta);
            double y = problem.Data.Labels[n];
            var s = TorchHessian.Gradient(t => TorchCurvatureFunctions.LogDensity(problem.Likelihood, y, TorchCurvatureFunctions.Output(problem.Model, x, t)), theta);
            ef = ef.Plus(s.outer(s));
        }
        return ef.MoveToOuterDisposeScope();
    }
}
