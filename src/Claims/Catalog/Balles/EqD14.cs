using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;

namespace Verification.Claims.Catalog.Balles;

/// <summary>balles eq. (D.14): the diagonal of the Hessian of log Σ_c e^{f_c}, as typeset and as most likely intended.</summary>
internal static class EqD14
{
    internal static Claim AsWritten() => new(
        "balles/eq-D.14",
        FisherSources.Of("eq. (D.14)", "(D.14)", "D.1.2"),
        "∂²/∂f_i² log(Σ_c e^{f_c}) = e^{f_i}/(Σ_c e^{f_c}) − e^{f_i^2}/(Σ_c e^{f_c})².",
        "Literally: the numerator of the second term is e^{f_i²} = exp(f_i²), as typeset. It equals the correct (e^{f_i})² = exp(2f_i) only where f_i² = 2f_i, i.e. f_i ∈ {0, 2}.",
        [new Diagonal("as-written", "For all f ∈ [−5, 5]^C, i: ∂²lse/∂f_i² = e^{f_i}/S − exp(f_i²)/S².", literal: true)]);

    internal static Claim SquaredExponential() => new(
        "balles/eq-D.14/squared-exponential",
        FisherSources.Of("eq. (D.14)", "(D.14)", "D.1.2"),
        "∂²/∂f_i² log(Σ_c e^{f_c}) = e^{f_i}/(Σ_c e^{f_c}) − (e^{f_i})²/(Σ_c e^{f_c})².",
        "The reading the typesetting e^{f_i^2} most likely intends: the square of e^{f_i}, i.e. π_i − π_i².",
        [new Diagonal("squared-exponential", "For all f ∈ [−5, 5]^C, i: ∂²lse/∂f_i² = e^{f_i}/S − (e^{f_i})²/S².", literal: false)]);

    /// <summary>∂²lse/∂f_i² (forward mode) against the closed form.</summary>
    private sealed class Diagonal : Statement<SoftmaxCase>
    {
        private readonly bool _literal;

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Diagonal(string name, string description, bool literal)
        {
            _literal = literal;
            Name = name;
            Description = description;
            Tolerance = SoftmaxFormulas.ToleranceText;
            Domain = SoftmaxCase.Domain;
            MarginUnit = "relative to e^{f_i}/S + |second term| (the two terms of the closed form)";
        }

        public override Relation<T> Evaluate<T>(SoftmaxCase input)
        {
            var f = input.Read<T>();
            int i = input.I;
            var truth = SoftmaxFormulas.LogSumExpHessian(f)[i, i];
            var (e, s) = SoftmaxFormulas.Exponentials(f);
            var numerator = _literal ? T.Exp(f[i] * f[i]) : e[i] * e[i];
            var first = e[i] / s;
            var second = numerator / (s * s);
            return Relation.Equal(truth, first - second, first + second, SoftmaxFormulas.Allowance);
        }

        public override string Explain(SoftmaxCase input)
        {
            if (!_literal)
                return "The diagonal second derivative of log-sum-exp differs from π_i − π_i².";
            double fi = input.F[input.I];
            return $"With f_i = {Show(fi)}, the typeset numerator e^(f_i²) = e^{Show(fi * fi)} differs from (e^(f_i))² = e^{Show(2 * fi)}: the exponent is squared instead of the exponential, so (D.14) as printed holds only for f_i ∈ {{0, 2}}.";
        }

        private static string Show(double v) => Verification.Numerics.Require.Show(v);
    }
}
