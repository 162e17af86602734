using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Data;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.Data;

/// <summary>
/// <see cref="GeneralizedLinearFit.MaximumLikelihood"/> stopped by its 50-iteration limit returns F, and ‖∇R‖ at the θ* it
/// returns, not at the iterate before (mutation run 34: stopping the loop one pass earlier survived). A Poisson-log fit
/// (eq. D.24) of one sample x = 10¹⁰, y = 0 has no maximum: R(θ) = e^{θx} (y = 0), and each Newton step
/// θ ← θ − (x e^{θx})/(x² e^{θx}) lowers f = θx by exactly 1, so after 50 steps f = −50 and ‖∇R‖ = x·e^{−50} ≈ 1.9e-12 is
/// still above the tolerance 1e-12; then ‖∇R‖ = x·e^{f} and F = x²·e^{f} at the returned θ*.
/// </summary>
public sealed class GeneralizedLinearFitRun35Examples
{
    [Fact]
    public void MaximumLikelihood_StoppedByTheIterationLimit_ReportsTheCurvatureAtTheReturnedTheta()
    {
        const double x = 1e10;
        var data = new Dataset([Vector<double>.Build.DenseOfArray([x])], [0.0]);
        var fit = GeneralizedLinearFit.MaximumLikelihood(new LinearModel(1, bias: false), new PoissonLog(), data);
        Assert.Equal(50, fit.Iterations);
        double f = fit.Theta[0] * x;
        // 1e-9: fifty Newton steps of −1 in f, each within a few ulp of −1/x times x.
        Assert.True(Math.Abs(f + 50) <= 1e-9, $"f = {f:R}");
        double rate = Math.Exp(f);
        // 1e-14 relative: e^f and one or two products, each within 1 ulp (the fit forms the same f = θ·x).
        Assert.True(Math.Abs(fit.GradientNorm - x * rate) <= 1e-14 * x * rate, $"‖∇R‖ = {fit.GradientNorm:R}");
        Assert.True(Math.Abs(fit.Fisher[0, 0] - x * x * rate) <= 1e-14 * x * x * rate, $"F = {fit.Fisher[0, 0]:R}");
    }
}
