using System.Diagnostics.CodeAnalysis;
using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Claims.Catalog.Elmo.Shared;
using Verification.Engine;
using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Elmo;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// elmo-amos M.5, "Relative Descent Rate" (eq. 19): |(M(x) − M(x*))/M(x*)| = Θ(ΔΔ'²) and
/// |(m(x) − m(x*))/m(x*)| = Θ(|ΔΔ'|), with the closed forms the proof states.
/// </summary>
/// <remarks>
/// The true relative changes are evaluated in the cancellation-free forms of
/// <see cref="ElmoEigenspaceFormulas.RelativeUpperChange{T}"/> and <see cref="ElmoEigenspaceFormulas.RelativeLowerChange{T}"/>
/// (algebraically equal to the definitions, eqs. 3–4, at x = x*(1 + ΔΔ'); the property tests check them against the
/// definitions in exact arithmetic).
/// </remarks>
internal static class LemmaM5Relative
{
    internal static Claim Claim() => new(
        "elmo/lemma-M.5-relative",
        ElmoSources.Of("Theorem \"Relative Descent Rate\"", "(19)", "M.5"),
        "|(M(Δθᵀv_i) − M(x*))/M(x*)| = Θ(ΔΔ'²) and |(m(Δθᵀv_i) − m(x*))/m(x*)| = Θ(|ΔΔ'|); the proof states the first ratio equals −ΔΔ'²(1 + ½ΔΔ'²) for λ = 0 and ((3/2)ψ₂(y) − 2)ΔΔ'³ − ΔΔ'² for λ < 0 (y = L|g|/λ², ψ₂(y) = y/(y + ¼√(1+2y) + ¼)), and the second equals ΔΔ'·(A + B·ΔΔ' + C·ΔΔ'²) with its displayed A, B, C.",
        "Θ read as ΔΔ' → 0 (for large |ΔΔ'| the cubic terms dominate both ratios, and the proof bounds only the coefficients). "
        + "Steps with x = x*(1 + ΔΔ') ≥ 0 (ΔΔ' ≥ −1), where |x|³ = x³ as the proof's expansion assumes; eigenspaces with x* > 0. "
        + "The λ > 0 closed form of the first part (and its ψ₁) is not legible in papers/elmo-amos.md (the display is blank), so it is not checked.",
        [new ClosedForm(Form.UpperLambdaZero), new ClosedForm(Form.UpperLambdaNegative), new ClosedForm(Form.Lower), new Theta(upper: true), new Theta(upper: false)]);

    private enum Form
    {
        UpperLambdaZero,
        UpperLambdaNegative,
        Lower,
    }

    /// <summary>A closed form the proof states, against the true relative change.</summary>
    private sealed class ClosedForm : Statement<RelativeStep>
    {
        private readonly Form _form;

        [SetsRequiredMembers]
        public ClosedForm(Form form)
        {
            _form = form;
            (Name, Description) = form switch
            {
                Form.UpperLambdaZero => ("upper-closed-form-lambda-zero",
                    "For λ = 0, |g| > 0, L > 0, ΔΔ' ≥ −1: (M(x) − M(x*))/M(x*) = −ΔΔ'²(1 + ½ΔΔ'²)."),
                Form.UpperLambdaNegative => ("upper-closed-form-lambda-negative",
                    "For λ < 0, |g| > 0, L > 0, ΔΔ' ≥ −1: (M(x) − M(x*))/M(x*) = ((3/2)ψ₂(y) − 2)ΔΔ'³ − ΔΔ'², y = L|g|/λ²."),
                _ => ("lower-closed-form",
                    "For λ ∈ ℝ, |g| > 0, L > 0, ΔΔ' ≥ −1: (m(x) − m(x*))/m(x*) = ΔΔ'·(A + B·ΔΔ' + C·ΔΔ'²) with the proof's A = (12λS − 12λ² − 12L|g|)/D, B = (7λ(S − λ) − 4L|g|)/D, C = (2λS − 2λ² − 2L|g|)/D, D = 5λS − 5λ² − 8L|g|."),
            };
            Tolerance = "None: every double-precision violation is re-evaluated in exact rational intervals, which decide.";
            MarginUnit = "relative to |true change| + |closed form|";
            Domain = form == Form.UpperLambdaZero
                ? StepDomain(l => l == 0, ModerateWithL.Select(e => e with { Lambda = 0 }))
                : form == Form.UpperLambdaNegative
                    ? StepDomain(l => l < 0, ModerateWithL.Select(e => e with { Lambda = -Math.Abs(e.Lambda) }).Where(e => e.Lambda < 0))
                    : StepDomain(_ => true, ModerateWithL);
        }

        public override Relation<T> Evaluate<T>(RelativeStep input)
        {
            var (inputLambda, a, l) = input.E.Read<T>();
            var d = T.Input(input.Delta);
            Assume.That(d >= -1, "ΔΔ' < −1 (x < 0), where the proof's expansion with x³ does not apply");
            Assume.Positive(a, "|g| > 0");
            // The λ = 0 form fixes λ: it is a constant of that case, not an input.
            var lambda = _form == Form.UpperLambdaZero ? T.Of(0) : inputLambda;
            T claimed, truth;
            switch (_form)
            {
                case Form.UpperLambdaZero:
                    claimed = -d * d * (1 + d * d / 2);
                    truth = ElmoEigenspaceFormulas.RelativeUpperChange(lambda, a, l, d);
                    break;
                case Form.UpperLambdaNegative:
                    Assume.That(T.Sign(lambda) < 0, "λ < 0");
                    var y = l * a / (lambda * lambda);
                    var psi2 = y / (y + T.Sqrt(1 + 2 * y) / 4 + T.Ratio(1, 4));
                    claimed = (T.Ratio(3, 2) * psi2 - 2) * d * d * d - d * d;
                    truth = ElmoEigenspaceFormulas.RelativeUpperChange(lambda, a, l, d);
                    break;
                default:
                    var la = l * a;
                    var s = ElmoFormulas.Root(lambda, a, l);
                    var denominator = 5 * lambda * s - 5 * lambda * lambda - 8 * la;
                    var ca = (12 * lambda * s - 12 * lambda * lambda - 12 * la) / denominator;
                    var cb = (7 * lambda * (s - lambda) - 4 * la) / denominator;
                    var cc = (2 * lambda * s - 2 * lambda * lambda - 2 * la) / denominator;
                    claimed = d * (ca + cb * d + cc * d * d);
                    truth = ElmoEigenspaceFormulas.RelativeLowerChange(lambda, a, l, d);
                    break;
            }
            return Relation.Equal(claimed, truth, Margins.OrOne(T.Abs(truth) + T.Abs(claimed)));
        }

        public override string Explain(RelativeStep input) => _form switch
        {
            Form.UpperLambdaZero => "At λ = 0, x* = √(2|g|/L), M(x*) = −(2/3)|g|x* and M(x) − M(x*) = |g|x*(ΔΔ'² + ΔΔ'³/3), so the ratio is −(3/2)ΔΔ'² − ΔΔ'³/2, not −ΔΔ'² − ΔΔ'⁴/2.",
            Form.UpperLambdaNegative => "With s = √(1 + 2y) the exact ratio is −(3s·ΔΔ'² + (s + 1)·ΔΔ'³)/(2s − 1): the ΔΔ'³ coefficient matches the proof's, but the ΔΔ'² coefficient is −3s/(2s − 1) ∈ (−3, −3/2), never the stated −1.",
            _ => "Expanding m around x* with M'(x*) = 0 gives (m(x) − m(x*))/m(x*) = (6Wδ + 3(W − λ)δ² + Wδ³)/(4S − λ), W = Lx*: the proof's A and C agree, but its B = (2S − 5λ)/(4S − λ) differs from the true 3(S − 2λ)/(4S − λ) (at λ = 0: 1/2 against 3/4).",
        };
    }

    /// <summary>The Θ of eq. (19) as ΔΔ' → 0: the relative change over ΔΔ'² (M) or |ΔΔ'| (m) must settle.</summary>
    private sealed class Theta : TrendStatement<RelativeStep>
    {
        private readonly bool _upper;

        [SetsRequiredMembers]
        public Theta(bool upper)
        {
            _upper = upper;
            Name = upper ? "upper-theta-small" : "lower-theta-small";
            Description = upper
                ? "Along ΔΔ'_k = ±10^(−k), k = 1..12 (sign of the input's ΔΔ'): |(M(x) − M(x*))/M(x*)|/ΔΔ'_k² must settle (no drift by 10⁶, not 0)."
                : "Along ΔΔ'_k = ±ρ·10^(−k), k = 0..11, ρ = 0.1·min(1, 2Lx*/|Lx* − λ|) (past the crossover where the linear term dominates): |(m(x) − m(x*))/m(x*)|/|ΔΔ'_k| must settle (no drift by 10⁶, not 0).";
            Tolerance = "Θ decided along the sequence: refuted when the ratio drifts by 10⁶ between the first and last term or is 0 at every term; holds when the last three ratios agree within 1e-3. The relative changes are formed without cancellation from M'(x*) = 0.";
            MarginUnit = "relative to r(δ_0) + 10⁶·r(δ_K) (the drift test's terms)";
            Domain = StepDomain(_ => true, ModerateWithL);
        }

        protected override IReadOnlyList<double> Sequence(RelativeStep input)
        {
            double sign = input.Delta < 0 ? -1 : 1;
            double start = 0.1;
            if (!_upper)
            {
                // For m the linear term 6Wδ dominates the quadratic 3(W − λ)δ² only for |δ| ≪ 2W/|W − λ|, which is tiny when
                // L|g|/λ² is (the proof's Remark): start at ρ = 0.1·min(1, 2W/|W − λ|) so that the sequence samples the limit.
                double w = input.E.Lipschitz * ElmoStep.Step(input.E.Lambda, input.E.GradMagnitude, input.E.Lipschitz);
                double rho = 0.1 * Math.Min(1, 2 * w / Math.Abs(w - input.E.Lambda));
                start = rho > 1e-200 && double.IsFinite(rho) ? rho : 0.1;
            }
            return Sequences.Decades(start, 1, 12, up: false).Select(t => sign * t).ToArray();
        }

        protected override T Ratio<T>(RelativeStep input, T delta)
        {
            var (lambda, a, l) = input.E.Read<T>();
            Assume.Positive(ElmoEigenspaceFormulas.Step(lambda, a, l), "x* = 0: ΔΔ' is undefined");
            return _upper
                ? ElmoEigenspaceFormulas.RelativeUpperChange(lambda, a, l, delta) / (delta * delta)
                : ElmoEigenspaceFormulas.RelativeLowerChange(lambda, a, l, delta) / T.Abs(delta);
        }

        public override string Explain(RelativeStep input) => _upper
            ? "The relative change of M is not of order ΔΔ'² as ΔΔ' → 0."
            : "The relative change of m is not of order |ΔΔ'| as ΔΔ' → 0.";
    }

    /// <summary>λ ∈ ±[1e-3, 1e3] (0 often), |g|, L ∈ [1e-3, 1e3]: the sequences and closed forms stay far from under- and overflow.</summary>
    private static Gen<EigenspaceInput> ModerateWithL { get; } =
        from l in EdgeDoubles.Signed(1e-3, 1e3)
        from a in EdgeDoubles.Positive(1e-3, 1e3)
        from lip in EdgeDoubles.Positive(1e-3, 1e3)
        select new EigenspaceInput(l, a, lip);

    /// <summary>
    /// Steps on eigenspaces whose λ passes <paramref name="inCase"/>, ΔΔ' ∈ ±[1e-6, 1e3] ∪ {−1, ±1, ±0.5, 2, 10} (clamped at −1);
    /// edges: |g| = L = 1, λ ∈ {0, ±1, ±0.01, ±100} in the case, ΔΔ' ∈ {1, −0.5, 0.1, 3}; moves clamped to the same ranges.
    /// </summary>
    private static Domain<RelativeStep> StepDomain(Func<double, bool> inCase, Gen<EigenspaceInput> eigenspaces) => new()
    {
        Generator =
            from e in eigenspaces
            from d in Gen.Frequency(
                (4, EdgeDoubles.Signed(1e-6, 1e3).Select(x => Math.Max(-1, x))),
                (1, Gen.Elements(-1.0, 1.0, 0.5, -0.5, 2.0, 10.0)))
            select new RelativeStep(e, d),
        Edges = () =>
            from l in new[] { 0.0, 1, -1, 0.01, -0.01, 100, -100 }.Where(inCase)
            from d in new[] { 1.0, -0.5, 0.1, 3 }
            select new RelativeStep(new EigenspaceInput(l, 1, 1), d),
        Perturb = (s, r) =>
        {
            var e = s.E;
            var moved = r.Next(4) switch
            {
                0 => s with { Delta = Math.Max(-1, EdgeDoubles.Perturb(s.Delta, r, 0, 1e3)) },
                1 => s with { E = e with { Lambda = e.Lambda == 0 ? 0 : EdgeDoubles.Perturb(e.Lambda, r, 1e-3, 1e3) } },
                2 => s with { E = e with { GradMagnitude = Math.Abs(EdgeDoubles.Perturb(e.GradMagnitude, r, 1e-3, 1e3)) } },
                _ => s with { E = e with { Lipschitz = EdgeDoubles.Perturb(e.Lipschitz, r, 1e-3, 1e3) } },
            };
            return inCase(moved.E.Lambda) ? moved : s;
        },
        Shrink = s => Shrinks.Coordinates(s, q => [q.E.Lambda, q.E.GradMagnitude, q.E.Lipschitz, q.Delta],
            (_, v) => inCase(v[0]) && v[1] > 0 && v[3] >= -1 ? new RelativeStep(EigenspaceInput.Valid(v[0], v[1], v[2]), v[3]) : throw new ArgumentException("off the domain.", nameof(s))),
        Describe = s => s.Describe(),
    };
}
