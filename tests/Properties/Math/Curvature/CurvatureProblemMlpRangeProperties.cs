using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Exact;
using Verification.Tests.Properties.Numerics.Exact;
using static Verification.Tests.Properties.Numerics.Curvature.CurvatureProblemRangeProperties;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureProblem{T}"/> in doubles over the tanh MLP (balles-thesis §7.4's nonlinear model, one hidden tanh
/// layer) with the Gaussian likelihood, over the whole double range: D ≤ 2 inputs, H ≤ 2 hidden units, N ≤ 3 samples
/// (d ≤ 9 parameters), inputs, θ and labels from <see cref="FullRangeDoubles"/> (the whole range, one scale far from 1,
/// or ordinary values where tanh is not saturated). The per-sample pieces f_n, J_n and ∇²f_n are
/// <see cref="TanhMlp"/>'s bit for bit and never NaN (their accuracy is <see cref="ModelRangeProperties"/>'); every
/// closed-form member is checked against exact rationals from those pieces as in
/// <see cref="CurvatureProblemRangeProperties"/>: within k·u·scale + (T + 2)·2^-1074, ±∞ only at the threshold, or a
/// rejection naming the range where a piece or an entry is beyond ±double.MaxValue.
/// </summary>
[Properties(MaxTest = 100)]
public class CurvatureProblemMlpRangeProperties
{
    /// <summary>D, H, the inputs x_n, the labels y_n and θ (W₁ row-major with the bias last, then W₂).</summary>
    public sealed record MlpCase(int Inputs, int Hidden, double[][] X, double[] Y, double[] Theta)
    {
        /// <inheritdoc />
        public override string ToString() =>
            $"D = {Inputs}, H = {Hidden}, x = [{string.Join("; ", X.Select(x => string.Join(", ", x.Select(v => v.ToString("R")))))}], " +
            $"y = [{string.Join(", ", Y.Select(v => v.ToString("R")))}], θ = [{string.Join(", ", Theta.Select(v => v.ToString("R")))}]";
    }

    /// <summary>Ordinary signed values (exponent −8…8): activations where tanh is neither linear nor saturated.</summary>
    private static Gen<double[]> Ordinary(int count) => Gen.ArrayOf(FullRangeDoubles.Moderate.SelectMany(v => Gen.Elements(v, -v)), count);

    internal static Arbitrary<MlpCase> Cases { get; } =
        (from inputs in Gen.Choose(1, 2)
         from hidden in Gen.Choose(1, 2)
         from count in Gen.Choose(1, 3)
         let d = hidden * (inputs + 1) + hidden + 1
         from x in Gen.ArrayOf(Gen.Frequency((2, FullRangeDoubles.SignedOrOneScale(inputs)), (1, Ordinary(inputs))), count)
         from theta in Gen.Frequency((2, FullRangeDoubles.SignedOrOneScale(d)), (1, Ordinary(d)))
         from y in Gen.ArrayOf(Gen.Frequency((2, FullRangeDoubles.Signed), (1, FullRangeDoubles.Moderate)), count)
         select new MlpCase(inputs, hidden, x, y, theta)).ToArbitrary();

    /// <summary>
    /// With g_n = y_n − f_n, the rule's nodes f_n ∓ 1 (weights ½) and ∇²_f log p = −1, each member against its exact value
    /// from the pieces, with the constants of <see cref="CurvatureProblemRangeProperties"/>' remarks (each entry there has
    /// the same terms, one per sample and node, whatever the model): GGN and the canonical split's GGN (N + 3)·u, its
    /// residual term −Σ_n g_n∇²f_n (N + 2)·u, E[−∇²] (6 + 4N)·u, the Fisher (7 + 2N)·u, r(θ) (N + 2)·u. TermScale =
    /// Σ_n [‖J_n‖²(2 + G_n²) + G_n·K_n] with K_n = Σ|∇²f_n| (d² entries, where the curved-linear model has d):
    /// (d² + 3d + N + 8)·u of the exact sum of nonnegative terms, derived for both of its forms: the product form's
    /// ‖J‖² carries d·u, G's subtraction 1u, G² 3u, 2 + G² + H 5u, the product (d + 6)u, K (d² − 1)u and G·K (d² + 1)u;
    /// the scaled form's (J·G)² 5u beside J², J·(J·H) and 3d additions; then the term's sum and the N − 1 samples' sums.
    /// </summary>
    [Property]
    public Property GaussianMlp_ClosedFormCurvatureMatrices_AreExactOrRejected() => Prop.ForAll(Cases, c =>
    {
        int count = c.X.Length;
        var shape = new CurvatureShape(ModelFamily.TanhMlp, LikelihoodFamily.GaussianIdentity, c.Inputs, c.Hidden);
        int d = shape.Parameters;
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(0),
            c.X.Select(x => x.Select(Float64.Of).ToArray()).ToArray(), c.Y.Select(y => new[] { Float64.Of(y) }).ToArray(),
            c.Theta.Select(Float64.Of).ToArray());
        string at = c.ToString();

        // the pieces: TanhMlp's, bit for bit, never NaN
        var model = new TanhMlp(c.Inputs, c.Hidden);
        var theta = Vector<double>.Build.DenseOfArray(c.Theta);
        var models = Enumerable.Range(0, count).Select(problem.Model).ToArray();
        var result = true.ToProperty();
        for (int n = 0; n < count; n++)
        {
            var x = Vector<double>.Build.DenseOfArray(c.X[n]);
            var (f, j, h) = (model.Output(x, theta), model.Jacobian(x, theta), model.OutputHessian(x, theta, 0));
            var e = models[n];
            bool same = e.Value[0].Value.Equals(f[0])
                && Enumerable.Range(0, d).All(a => e.Jacobian[0, a].Value.Equals(j[0, a])
                    && Enumerable.Range(0, d).All(b => e.Hessians[0][a, b].Value.Equals(h[a, b])));
            result = result.And(same.Label($"piece {n} at {at}: not TanhMlp's (or NaN)"));
        }
        bool piecesFinite = models.All(e => double.IsFinite(e.Value[0].Value)
            && Enumerable.Range(0, d).All(a => double.IsFinite(e.Jacobian[0, a].Value)
                && Enumerable.Range(0, d).All(b => double.IsFinite(e.Hessians[0][a, b].Value))));
        if (!piecesFinite)
            return result.And(Entries($"GGN at {at} (a piece beyond the range)", Flat(problem.GeneralizedGaussNewton), null, null, 0, 0, true))
                .And(Entries($"Fisher at {at} (a piece beyond the range)", Flat(problem.Fisher), null, null, 0, 0, true));

        return result.And(CurvatureProblemRangeProperties.ClosedFormMembers(problem, models, c.Y, d, at, d * d + 3 * d + count + 8));
    });
}
