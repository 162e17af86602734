using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Engine;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math.Exact;
using ElmoMath = Verification.Math.Elmo;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// A one-dimensional objective f(θ) = −aθ − (μ/2)θ² (constant Hessian −μ, so eq. (2) holds with L_H = 0 and any
/// L &gt; 0 is a valid Assumption-2 constant) on which ELMO (Alg. 1) is run from θ₀ = 0 with constant L.
/// </summary>
internal sealed record DescentRun(double Slope, double Concavity, double Lipschitz)
{
    internal IReadOnlyList<NamedValue> Describe() =>
        [NamedValue.Of("a", Slope), NamedValue.Of("mu", Concavity), NamedValue.Of("lipschitz", Lipschitz)];
}

/// <summary>elmo-amos Thm C.1 (eq. 11, restated as eq. 18 in M.3): after t iterations ELMO has f(θ₀) − f(θ_t) = O(log t).</summary>
internal static class ThmC1
{
    /// <summary>t = 2, 4, …, 256: the ratio (f(θ₀) − f(θ_t))/ln t is recorded at each.</summary>
    internal static readonly int[] Iterations = [.. Enumerable.Range(1, 8).Select(k => 1 << k)];

    /// <summary>The last run, per thread: the hypotheses and both sides read the same trajectory.</summary>
    [ThreadStatic]
    private static (DescentRun Run, double[] Descents)? last;

    internal static Claim Claim() => new(
        "elmo/thm-C.1",
        ElmoSources.Of("Theorem C.1", "(11), (18)", "C, proof M.3"),
        "Let f be a function with Lipschitz-continuous Hessian. After t iterations, algorithm ELMO satisfies f(θ₀) − f(θ_t) = O(log t).",
        "As written the only hypothesis is a Lipschitz Hessian (no lower bound on f): ELMO is run on f(θ) = −aθ − (μ/2)θ² (L_H = 0, any L > 0 valid) and the ratio (f(θ₀) − f(θ_t))/ln t is recorded for t = 2..256. "
        + "Alg. 1's stopping test f(θ_t) − f(θ*) > ε is not evaluated (such f has no θ*): t iterations are run. For objectives bounded below the descent is bounded and O(log t) holds trivially; the proof imports ARC's gradient and eigenvalue rates (Cartis et al.), which need such a bound.",
        [Trend()]);

    /// <summary>ELMO's scalar iteration: v oriented so that f'(θ)·v ≤ 0 (eq. 1), θ ← θ + x*·v; the descent after each t in <see cref="Iterations"/>.</summary>
    internal static double[] Descents(DescentRun run)
    {
        if (last is { } cached && cached.Run == run)
            return cached.Descents;
        var descents = Simulate(run);
        last = (run, descents);
        return descents;
    }

    private static double[] Simulate(DescentRun run)
    {
        double theta = 0, f0 = Value(run, 0);
        var result = new double[Iterations.Length];
        int next = 0;
        for (int t = 1; t <= Iterations[^1]; t++)
        {
            double g = -run.Slope - run.Concavity * theta;
            double v = g > 0 ? -1 : 1;
            theta += ElmoMath.Step(-run.Concavity, System.Math.Abs(g), run.Lipschitz) * v;
            if (t == Iterations[next])
                result[next++] = f0 - Value(run, theta);
        }
        return result;
    }

    private static double Value(DescentRun run, double theta) => -run.Slope * theta - run.Concavity / 2 * theta * theta;

    /// <summary>Violated when the ratio grows by 10× from t = 2 to t = 256: O(log t) keeps it bounded, while linear descent grows it by (256/ln 256)/(2/ln 2) = 16.</summary>
    private const double Growth = 10;

    private static Inequality<DescentRun> Trend() => new()
    {
        Name = "descent-over-log",
        Description = "For a ≥ 0, μ ≥ 0, L > 0: with D_t = f(θ₀) − f(θ_t) along ELMO's iterates, D_256/ln 256 ≤ 10·D_2/ln 2 (the ratio D_t/ln t does not grow tenfold).",
        Tolerance = "Growth factor 10 over t = 2..256 (a bounded ratio cannot grow like t/ln t, 16× here); exact certification for μ = 0, where every step is the same x* = √(2a/L) and D_t = t·a·x*.",
        Generator =
            from a in EdgeDoubles.NonNegative(1e-3, 1e3)
            from mu in Gen.Frequency((2, Gen.Constant(0.0)), (1, EdgeDoubles.NonNegative(1e-3, 1)))
            from l in EdgeDoubles.Positive(1e-3, 1e3)
            select new DescentRun(a, mu, l),
        Edges = () => [new(1, 0, 1), new(0, 0, 1), new(1e-3, 0, 1e3), new(0, 1, 1), new(1, 1, 1)],
        Move = (r, random) => random.Next(2) == 0
            ? r with { Slope = System.Math.Min(1e3, System.Math.Abs(EdgeDoubles.Perturb(r.Slope, random, 0, 1e3))) }
            : r with { Lipschitz = System.Math.Clamp(System.Math.Abs(EdgeDoubles.Perturb(r.Lipschitz, random, 1e-3, 1e3)), 1e-3, 1e3) },
        Hypotheses = r => Descents(r).All(double.IsFinite) ? null : "the iterates overflow double precision within 256 steps",
        Trivially = r => r.Slope == 0 && r.Concavity == 0 ? "f ≡ 0: no descent at all" : null,
        Sides = r =>
        {
            var d = Descents(r);
            double first = d[0] / System.Math.Log(Iterations[0]), last = d[^1] / System.Math.Log(Iterations[^1]);
            return new Sides(last, Growth * first, Growth * System.Math.Abs(first) + double.Epsilon);
        },
        ExactSides = (r, bits) =>
        {
            if (r.Concavity != 0)
                throw new InvalidOperationException("only μ = 0 (identical steps) is certified exactly; a curved run would need the whole trajectory in interval arithmetic");
            var step = ExactElmo.Step(0, r.Slope, r.Lipschitz, bits);
            var a = RationalInterval.Exact(r.Slope);
            // ln 2^k = k·ln 2 with ln 2 ∈ [0.6931471805599453, 0.6931471805599454] (rational bounds of the true value).
            var ln2 = new RationalInterval(ExactDouble.ToFraction(0.6931471805599453), ExactDouble.ToFraction(0.6931471805599454));
            var first = RationalInterval.Exact((double)Iterations[0]) * a * step / (RationalInterval.Exact(1.0) * ln2);
            var final = RationalInterval.Exact((double)Iterations[^1]) * a * step / (RationalInterval.Exact(8.0) * ln2);
            return new ExactSides(final, RationalInterval.Exact(Growth) * first);
        },
        Show = r => [.. r.Describe(), NamedValue.Of("t", Iterations.Select(t => (double)t)), NamedValue.Of("D_t/ln t", Descents(r).Zip(Iterations, (d, t) => d / System.Math.Log(t)))],
        Why = r => r.Concavity == 0
            ? "f(θ) = −aθ has a constant (hence Lipschitz) Hessian, and ELMO steps x* = √(2a/L) every iteration, so f(θ₀) − f(θ_t) = t·a·√(2a/L) grows linearly, not O(log t): the proof's rates from ARC presuppose f bounded below."
            : "On the concave quadratic ELMO's steps grow and the descent outpaces log t.",
    };
}
