using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Engine;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math.Exact;
using Verification.Optimizers.Objectives;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// A separable function whose terms' curvature ranges are disjoint and listed in ascending order, so the sorted
/// eigenvectors of Assumption 2 are the axes at every θ (V ≡ I, L_R = 0), each eigenvalue moves with L̃^i = sup|φ_i'''|
/// along its own axis, and the smallest L_H of Assumption 2's third line is max(max_i L̃^i, 1/min_i L̃^i).
/// </summary>
internal sealed record BoundedSpectrumFunction(SeparableObjective F)
{
    internal double[] Constants => [.. F.Terms.Select(t => t.ThirdBound)];

    internal double LH => System.Math.Max(Constants.Max(), 1 / Constants.Min());

    internal RationalInterval ExactLH
    {
        get
        {
            var max = RationalInterval.Exact(Constants.Max());
            var inverse = RationalInterval.Exact(1.0) / RationalInterval.Exact(Constants.Min());
            return max.Lower >= inverse.Upper ? max : inverse.Lower >= max.Upper ? inverse : throw new InvalidOperationException("cannot order the two candidates");
        }
    }

    /// <summary>λ_sup = max_i sup φ_i'' (the tightest admissible bound).</summary>
    internal double LambdaSup => F.EigenvalueSupremum;
}

/// <summary>Two points θ, φ for one of <see cref="ThmM4.Functions"/>.</summary>
internal sealed record PointPair(int Function, double[] Theta, double[] Phi)
{
    internal IReadOnlyList<NamedValue> Describe() =>
        [NamedValue.Text("f", ThmM4.Functions[Function].F.Name), NamedValue.Of("theta", Theta), NamedValue.Of("phi", Phi),
         NamedValue.Of("L_H (Assumption 2)", ThmM4.Functions[Function].LH), NamedValue.Of("lambda_sup", ThmM4.Functions[Function].LambdaSup)];
}

/// <summary>elmo-amos Thm M.4: Assumption 2 and λ_i(θ) ≤ λ_sup imply eq. (2) with constant 2L_H·λ_sup + L_H.</summary>
internal static class ThmM4
{
    internal static IReadOnlyList<BoundedSpectrumFunction> Functions { get; } =
    [
        new(new SeparableObjective([new LorentzianTerm(-10, 1)])),
        new(new SeparableObjective([new LorentzianTerm(-20, 1), new LorentzianTerm(-3, 2)])),
        new(new SeparableObjective([new LorentzianTerm(1, 2), new LorentzianTerm(5, 1)])),
        new(new SeparableObjective([new CosineQuadraticTerm(1, -3), new LogCoshTerm(1)])),
        new(new SeparableObjective([new LorentzianTerm(-1, 2)])),
    ];

    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim("elmo/thm-M.4", ElmoSources.Of("Theorem M.4", "(2)", "M.2"),
            "If f satisfies assumptions 1 and 2 and ∃λ_sup ∀θ ∀i: λ_i(θ) ≤ λ_sup, then eq. (2) holds, with constant 2L_H·λ_sup + L_H (the proof's last line).",
            "The conclusion read with the constant the proof derives (claims.md), for the tightest λ_sup and the smallest L_H of Assumption 2, on separable functions whose sorted eigenvectors are fixed (V ≡ I, L_R = 0) so every Assumption-2 constant is exact. "
            + "(Read as the bare existence of some L_H in eq. (2) it would hold trivially on these functions, whose third derivatives are bounded.) The actual Lipschitz ratio ‖H(θ) − H(φ)‖₂/‖θ − φ‖ is compared with the constant.",
            [Bound("proof-constant", absolute: false)]);
        yield return new Claim("elmo/thm-M.4/spectral-norm", ElmoSources.Of("Theorem M.4", "(2)", "M.2"),
            "Under the same hypotheses, eq. (2) holds with constant 2L_H·sup_θ‖Λ(θ)‖₂ + L_H.",
            "The proof bounds ‖Λ‖₂ by sup λ_i, but the spectral norm is max_i|λ_i|: this reading uses sup_θ max_i|λ_i(θ)| (what the Cauchy–Schwarz step needs), and differs from the as-written constant whenever eigenvalues are negative.",
            [Bound("abs-spectrum-constant", absolute: true)]);
    }

    /// <summary>sup_θ max_i |λ_i(θ)| = max_i max(|inf φ_i''|, |sup φ_i''|).</summary>
    private static double SpectralRadius(BoundedSpectrumFunction f) =>
        f.F.Terms.Max(t => System.Math.Max(System.Math.Abs(t.SecondInfimum), System.Math.Abs(t.SecondSupremum)));

    private static double Constant(BoundedSpectrumFunction f, bool absolute) => 2 * f.LH * (absolute ? SpectralRadius(f) : f.LambdaSup) + f.LH;

    private static Inequality<PointPair> Bound(string name, bool absolute) => new()
    {
        Name = name,
        Description = absolute
            ? "For θ ≠ φ: ‖H(θ) − H(φ)‖₂ ≤ (2L_H·sup‖Λ‖₂ + L_H)·‖θ − φ‖₂."
            : "For θ ≠ φ: ‖H(θ) − H(φ)‖₂ ≤ (2L_H·λ_sup + L_H)·‖θ − φ‖₂.",
        Tolerance = "Relative rounding of a few ulps in double precision (H is diagonal: ‖ΔH‖₂ = max_i|Δφ_i''|); exact rational intervals decide on the Lorentzian functions (rational φ'').",
        Generator =
            from i in Gen.Choose(0, Functions.Count - 1)
            let n = Functions[i].F.Dimension
            from a in EdgeDoubles.Signed(1e-3, 5).ArrayOf(n)
            from b in EdgeDoubles.Signed(1e-3, 5).ArrayOf(n)
            select new PointPair(i, a, b),
        Edges = () => Enumerable.Range(0, Functions.Count).Select(i => new PointPair(i, new double[Functions[i].F.Dimension], [.. Enumerable.Repeat(1.0, Functions[i].F.Dimension)])),
        Move = (p, r) =>
        {
            var phi = (double[])p.Phi.Clone();
            int k = r.Next(phi.Length);
            phi[k] = System.Math.Clamp(EdgeDoubles.Perturb(phi[k], r, 0, 5), -5, 5);
            return p with { Phi = phi };
        },
        Hypotheses = p => p.Theta.SequenceEqual(p.Phi) ? "θ = φ" : null,
        Sides = p =>
        {
            var f = Functions[p.Function];
            double dh = f.F.Terms.Select((t, i) => System.Math.Abs(t.Second(p.Theta[i]) - t.Second(p.Phi[i]))).Max();
            double dist = System.Math.Sqrt(p.Theta.Zip(p.Phi, (a, b) => (a - b) * (a - b)).Sum());
            double rhs = Constant(f, absolute) * dist;
            return new Sides(dh, rhs, System.Math.Abs(dh) + System.Math.Abs(rhs) + double.Epsilon);
        },
        ExactSides = (p, bits) =>
        {
            var f = Functions[p.Function];
            var dh = RationalInterval.Zero;
            for (int i = 0; i < f.F.Dimension; i++)
            {
                var t = f.F.Terms[i];
                var a = t.ExactSecond(p.Theta[i]) ?? throw new InvalidOperationException($"{t.Name} has no rational curvature");
                var b = t.ExactSecond(p.Phi[i])!.Value;
                var d = (a - b).Abs();
                dh = i == 0 ? d : Max(dh, d);
            }
            var dist = RationalInterval.Zero;
            for (int i = 0; i < f.F.Dimension; i++)
            {
                var d = RationalInterval.Exact(p.Theta[i]) - RationalInterval.Exact(p.Phi[i]);
                dist += d * d;
            }
            var lh = f.ExactLH;
            var sup = RationalInterval.Exact(absolute ? SpectralRadius(f) : f.LambdaSup);
            return new ExactSides(dh, (RationalInterval.Exact(2.0) * lh * sup + lh) * dist.Sqrt(bits));
        },
        Show = p => p.Describe(),
        Why = absolute ? null : p => "All eigenvalues are ≤ λ_sup < 0 here, so 2L_H·λ_sup + L_H is negative (or below the true rate): the proof's third inequality bounds ‖Λ‖₂ = max_i|λ_i| by sup λ_i, which fails for negative eigenvalues.",
    };

    private static RationalInterval Max(RationalInterval a, RationalInterval b) =>
        new(a.Lower > b.Lower ? a.Lower : b.Lower, a.Upper > b.Upper ? a.Upper : b.Upper);
}
