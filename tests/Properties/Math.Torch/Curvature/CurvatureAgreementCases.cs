using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Torch.Curvature;
using static TorchSharp.torch;
using Verification.Tests.Properties.Numerics.Curvature;

namespace Verification.Tests.Properties.Numerics.Torch.Curvature;

/// <summary>
/// Agreement cases of src/Numerics.Torch/Curvature (balles-thesis ch. 7): the autograd curvature matrices and the torch forms of
/// the models and likelihoods against the closed-form reference, on every model × likelihood pair of
/// <see cref="FisherTestData"/> (N = 3 samples each). Tolerances: <see cref="CurvatureErrorScale"/>.
/// </summary>
internal static class CurvatureAgreementCases
{
    private delegate (Matrix<double> Expected, Tensor Actual) CurvatureMatrix(LikelihoodProblem problem, Vector<double> theta, Tensor thetaTensor);

    public static IEnumerable<AgreementCase> All =>
    [
        Case("curvature/jacobian", nameof(TorchCurvature.Jacobian),
            (p, t, tt) => (p.Jacobian(0, t), TorchCurvature.Jacobian(p, 0, tt)), s => s.Jacobian(0)),
        Case("curvature/hessian", nameof(TorchCurvature.Hessian),
            (p, t, tt) => (p.Hessian(t), TorchCurvature.Hessian(p, tt)), s => s.Hessian()),
        Case("curvature/generalized-gauss-newton", nameof(TorchCurvature.GeneralizedGaussNewton),
            (p, t, tt) => (p.GeneralizedGaussNewton(t), TorchCurvature.GeneralizedGaussNewton(p, tt)), s => s.GeneralizedGaussNewton()),
        Case("curvature/fisher", nameof(TorchCurvature.Fisher),
            (p, t, tt) => (p.Fisher(t), TorchCurvature.Fisher(p, tt)), s => s.Fisher()),
        Case("curvature/empirical-fisher", nameof(TorchCurvature.EmpiricalFisher),
            (p, t, tt) => (p.EmpiricalFisher(t), TorchCurvature.EmpiricalFisher(p, tt)), s => s.EmpiricalFisher()),
        Functions,
    ];

    /// <summary>Every (likelihood, model) pair with its problem and θ, rounded to <paramref name="dtype"/> (data, labels and θ).</summary>
    internal static IEnumerable<(LikelihoodProblem Problem, Vector<double> Theta)> Problems(ScalarType dtype)
    {
        foreach (var l in FisherTestData.Likelihoods)
            foreach (var m in FisherTestData.Models(l.OutputDimension))
            {
                var (p, theta) = FisherTestData.Problem(new System.Random(l.Name.Length * 31 + m.Name.Length), m, l, 3);
                if (dtype == ScalarType.Float64)
                {
                    yield return (p, theta);
                    continue;
                }
                static double Round(double x) => (float)x;
                var data = new Dataset(p.Data.Inputs.Select(x => x.Map(Round)).ToArray(), p.Data.Labels.Select(Round).ToArray());
                yield return (new LikelihoodProblem(m, l, data), theta.Map(Round));
            }
    }

    private static AgreementCase Case(string name, string member, CurvatureMatrix curvature, Func<CurvatureErrorScale, Matrix<double>> scale) =>
        new(name, [TensorApi.Member(typeof(TorchCurvature), member)], (device, dtype) => Problems(dtype).Select(pair =>
        {
            var (p, theta) = pair;
            var (expected, actual) = curvature(p, theta, TensorConvert.Vector(theta, dtype, device));
            var errors = new CurvatureErrorScale(p, theta);
            var e = expected.ToRowMajorArray();
            int columns = expected.ColumnCount;
            return new Agreement($"{p.Likelihood.Name} × {p.Model.Name}", e, TensorConvert.ToDoubles(actual), scale(errors).ToRowMajorArray(),
                errors.Tolerance(dtype), k => $"entry {k / columns},{k % columns} at θ = [{string.Join(", ", theta)}]");
        }).ToArray());

    /// <summary>
    /// The torch forms f(x, θ) (<see cref="TorchCurvatureFunctions.Output"/>) and log p(y|f)
    /// (<see cref="TorchCurvatureFunctions.LogDensity"/>) against <see cref="IModel.Output"/> and
    /// <see cref="ILikelihood.LogDensity(double, Vector{double})"/> at every sample of every pair, with the problem's k·c·u of
    /// <see cref="CurvatureErrorScale"/>, which covers the forward chain: f relative to F, the same sums over absolute
    /// values; log p (at most two transcendental functions, a square and two sums, ≤ 12u, and the reference's f rounded to
    /// the dtype) relative to its terms' magnitudes |y·f| + |A(f)| + |log h(y)| plus |∇_f log p|·max(F, |f|).
    /// </summary>
    private static AgreementCase Functions { get; } = new("curvature/model-and-likelihood",
        [TensorApi.Member(typeof(TorchCurvatureFunctions), nameof(TorchCurvatureFunctions.Output)), TensorApi.Member(typeof(TorchCurvatureFunctions), nameof(TorchCurvatureFunctions.LogDensity))],
        (device, dtype) => Problems(dtype).SelectMany(pair =>
        {
            var (p, theta) = pair;
            var errors = new CurvatureErrorScale(p, theta);
            var t = TensorConvert.Vector(theta, dtype, device);
            var outputs = new List<double>();
            var tensorOutputs = new List<double>();
            var outputScale = new List<double>();
            var densities = new List<double>();
            var tensorDensities = new List<double>();
            var densityScale = new List<double>();
            for (int n = 0; n < p.Count; n++)
            {
                var x = TensorConvert.Vector(p.Data.Inputs[n], dtype, device);
                var f = p.Model.Output(p.Data.Inputs[n], theta);
                var tensorF = TorchCurvatureFunctions.Output(p.Model, x, t);
                outputs.AddRange(f);
                tensorOutputs.AddRange(TensorConvert.ToDoubles(tensorF));
                outputScale.AddRange(errors.OutputTerms(n));
                double y = p.Data.Labels[n];
                densities.Add(p.Likelihood.LogDensity(y, f));
                // The reference's f at the tensor's dtype, so the density compares the likelihood alone.
                tensorDensities.Add(TensorConvert.ToDoubles(TorchCurvatureFunctions.LogDensity(p.Likelihood, y, TensorConvert.Vector(f, dtype, device)))[0]);
                densityScale.Add(errors.LogDensityTerms(n));
            }
            double tolerance = errors.Tolerance(dtype);
            string at = $"{p.Likelihood.Name} × {p.Model.Name}";
            // The density is evaluated at f rounded to dtype; its effect (|∂ log p/∂f|·u|f|) is inside the scale.
            return new[]
            {
                new Agreement($"f(x, θ), {at}", [.. outputs], [.. tensorOutputs], [.. outputScale], tolerance, i => $"output {i}"),
                new Agreement($"log p(y|f), {at}", [.. densities], [.. tensorDensities], [.. densityScale], tolerance, n => $"sample {n}"),
            };
        }).ToArray());
}
