using Fractions;
using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Engine;
using Verification.Claims.Model;
using static Verification.Claims.Catalog.Balles.Chapter6.SignExact;

namespace Verification.Claims.Catalog.Balles.Chapter6;

/// <summary>A PSD quadratic f = ½θᵀHθ (f* = 0), a start θ₀ and a horizon T.</summary>
internal sealed record RateCase(double[,] H, double[] Theta0, int T);

/// <summary>balles-thesis Prop. C.2, eq. (C.11) (and eqs. 6.15, 6.16): (1/T)Σ_{t&lt;T}‖∇f_t‖²_* ≤ 2L(f₀ − f*)/T for steepest descent.</summary>
internal static class PropC2
{
    internal static Claim Claim() => new(
        "balles/prop-C.2",
        SignSources.Of("Proposition C.2", "(C.11), (6.15)", "C.1.3"),
        "If f is L-smooth w.r.t. ‖·‖, steepest descent (6.9) satisfies (1/T)Σ_{t=0}^{T−1}‖∇f_t‖²_* ≤ 2L(f₀ − f*)/T.",
        "Run exactly in rationals for T = 1…6 steps on PSD quadratics ½θᵀHθ (H ≠ 0, rank-deficient allowed, f* = 0) with the tight " +
        "constant: norm-scaled sign-GD (eq. 6.10, giving eq. 6.15) and coordinate descent (the ℓ1 steepest step).",
        [For(SteepestNorm.Max, "sign-gd"), For(SteepestNorm.One, "coordinate")]);

    private static readonly Gen<RateCase> Generator = SignInputs.PsdCase.SelectMany(c =>
        Gen.Choose(1, 6).Select(t => new RateCase(c.H, c.Theta, t)));

    private static Inequality<RateCase> For(SteepestNorm norm, string name) => new()
    {
        Name = name,
        Description = $"For all nonzero PSD H, θ₀, T: (1/T)Σ‖∇f_t‖²_* ≤ 2L·f(θ₀)/T along the {SteepestNorms.Label(norm)} steepest-descent run.",
        Tolerance = "None: the whole run is replayed in exact rationals when the double run disagrees.",
        Generator = Generator,
        Edges = () => SignInputs.Edges().Select(c => new RateCase(c.H, c.Theta, 3)),
        Show = c => [SignInputs.ShowMatrix("H", c.H), NamedValue.Of("θ₀", c.Theta0), NamedValue.Text("T", c.T.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        Hypotheses = c => SignInputs.IsZero(c.H) ? "H = 0 (L = 0)" : SignInputs.RequirePsd(c.H),
        Sides = c =>
        {
            double l = SteepestNorms.Constant(norm, c.H);
            var theta = (double[])c.Theta0.Clone();
            double sum = 0;
            for (int t = 0; t < c.T; t++)
            {
                var g = SignDouble.MatVec(c.H, theta);
                double dual = SteepestNorms.Dual(norm, g);
                sum += dual * dual;
                var step = SteepestNorms.Step(norm, g, l);
                for (int i = 0; i < theta.Length; i++) theta[i] += step[i];
            }
            double lhs = sum / c.T;
            double rhs = 2 * l * 0.5 * SignDouble.Quad(c.H, c.Theta0) / c.T;
            return new Sides(lhs, rhs, lhs + rhs);
        },
        ExactSides = (c, _) =>
        {
            var h = F(c.H);
            var l = SteepestNorms.Constant(norm, h);
            var theta = F(c.Theta0);
            var sum = Fraction.Zero;
            for (int t = 0; t < c.T; t++)
            {
                var g = MatVec(h, theta);
                var dual = SteepestNorms.Dual(norm, g);
                sum += dual * dual;
                theta = Add(theta, SteepestNorms.Step(norm, g, l));
            }
            return new ExactSides(I(sum / c.T), I(l * Quad(h, F(c.Theta0)) / c.T));
        },
        Why = _ => "The averaged squared dual gradient norm exceeds the rate (C.11).",
    };
}
