using MathNet.Numerics.LinearAlgebra;
using Verification.Checks.Search;
using Verification.Math;
using Verification.Optimizers;
using Verification.Optimizers.Objectives;

namespace Verification.Checks;

/// <summary>One eigenspace of one regret measurement (elmo-amos §3.4).</summary>
/// <param name="Problem">The test function and θ.</param>
/// <param name="Lambda">λ_i.</param>
/// <param name="Gradient">g_i = ∇fᵀv_i (≤ 0 by eq. 1).</param>
/// <param name="Lipschitz">L_t^i = L_H (the spectral reading, eq. 2).</param>
/// <param name="Step">x_i = Δθᵀv_i, the optimizer's step in this eigenspace.</param>
/// <param name="ElmoStep">x*_i of eq. (7).</param>
/// <param name="RelativeDistance">ΔΔ'_i = (x_i − x*_i)/x*_i (Notation 8); NaN when x*_i = 0.</param>
/// <param name="RegretRatio">M(x_i)/M(x*_i) with M of eq. (3): 1 is ELMO's descent, below 1 less, below 0 an ascent of the pessimistic model; NaN when M(x*_i) = 0.</param>
public sealed record RegretRow(string Problem, double Lambda, double Gradient, double Lipschitz, double Step, double ElmoStep, double RelativeDistance, double RegretRatio);

/// <summary>
/// The optimizer's distance to ELMO's minmax step per eigenspace, on fixed cubic-perturbed quadratics with a known
/// Hessian-Lipschitz constant (elmo-amos §3.4, Notation 8, eq. 3 and 7): a measurement for the report, not a verdict.
/// </summary>
public static class ElmoRegret
{
    /// <summary>The fixed problems: (name, objective, θ).</summary>
    public static IReadOnlyList<(string Name, CubicPerturbedQuadratic Objective, double[] Theta)> Problems { get; } =
    [
        ("convex D=diag(1, 4), c=1, u=e₁", new CubicPerturbedQuadratic(Diag(1, 4), 1, Vec(1, 0)), [0.5, -0.25]),
        ("saddle D=diag(-2, 3), c=2, u=e₂", new CubicPerturbedQuadratic(Diag(-2, 3), 2, Vec(0, 1)), [0.5, 0.5]),
        ("indefinite D=diag(-1, 0.25, 2), c=0.5, u=(1,1,0)", new CubicPerturbedQuadratic(Diag(-1, 0.25, 2), 0.5, Vec(1, 1, 0)), [0.3, -0.2, 1]),
    ];

    /// <summary>One row per eigenspace of each problem; problems where the step fails are skipped with a note.</summary>
    public static (IReadOnlyList<RegretRow> Rows, IReadOnlyList<string> Notes) Measure(IOptimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        var rows = new List<RegretRow>();
        var notes = new List<string>();
        foreach (var (name, f, thetaArray) in Problems)
        {
            var theta = Vector<double>.Build.DenseOfArray(thetaArray);
            var step = OptimizerStep.Take(optimizer, f, theta);
            if (step.Problem is { } problem)
            {
                notes.Add($"{name}: {problem}");
                continue;
            }
            var eigen = SymmetricEigen.Decompose(f.Hessian(theta), f.Gradient(theta));
            double l = f.HessianLipschitz!.Value;
            for (int i = 0; i < eigen.Dimension; i++)
            {
                double lambda = eigen.Values[i], g = eigen.GradientProjections[i];
                double x = step.Step!.DotProduct(eigen.Vectors.Column(i));
                double xStar = Elmo.Step(lambda, System.Math.Abs(g), l);
                double mStar = CubicUpperModel.Evaluate(g, lambda, l, xStar);
                double m = CubicUpperModel.Evaluate(g, lambda, l, x);
                rows.Add(new RegretRow(name, lambda, g, l, x, xStar,
                    xStar == 0 ? double.NaN : (x - xStar) / xStar,
                    mStar == 0 ? double.NaN : m / mStar));
            }
        }
        return (rows, notes);
    }

    private static Matrix<double> Diag(params double[] d) => Matrix<double>.Build.DiagonalOfDiagonalArray(d);

    private static Vector<double> Vec(params double[] v) => Vector<double>.Build.DenseOfArray(v);
}
