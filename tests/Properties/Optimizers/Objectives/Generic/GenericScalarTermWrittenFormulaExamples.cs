using Verification.Numerics.Arithmetic;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Objectives.Generic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives.Generic;

/// <summary>
/// The range policy of <see cref="GenericScalarTerm"/> in <see cref="Float64"/> away from 0: where the written formula's
/// double is finite and |x| ≥ ½ (log-cosh φ′) or |x| ≥ 1 (log-cosh φ), the written form is kept bit for bit (the results
/// the engine's search and the catalog statistics rest on), not the reference term's value, which rounds differently
/// (s·tanh x, log1p forms). The expected values are the written formulas evaluated here in plain doubles.
/// </summary>
public class GenericScalarTermWrittenFormulaExamples
{
    private static readonly double[] Weights = [.. Enumerable.Range(0, 40).Select(k => 1 + k / 7.0), 1e-3, 1e200];

    /// <summary>φ′ = s·(q − p)/(q + p) with p = e^{−2·max(x, 0)}, q = e^{2·min(x, 0)}, for |x| ≥ ½ (x = ±½ included).</summary>
    [Fact]
    public void LogCoshFirst_FromAHalfOn_IsTheWrittenFormulaBitForBit()
    {
        foreach (double s in Weights)
            foreach (double x in new[] { 0.5, -0.5, 0.625, 0.75, 1, 1.5, 3, -2 })
            {
                double p = Math.Exp(-2 * Math.Max(x, 0)), q = Math.Exp(2 * Math.Min(x, 0));
                double written = s * (q - p) / (q + p);
                Assert.Equal(written, GenericScalarTerm.Of(new LogCoshTerm(s)).First(new Float64(x)).Value);
            }
    }

    /// <summary>φ = s·(|x| + log(1 + e^{−2|x|}) − log 2) for |x| ≥ 1 (x = ±1 included).</summary>
    [Fact]
    public void LogCoshValue_FromOneOn_IsTheWrittenFormulaBitForBit()
    {
        foreach (double s in Weights)
            foreach (double x in new[] { 1, -1, 1.25, 1.5, 2, 3.5, -7 })
            {
                double a = Math.Abs(x);
                double written = s * (a + Math.Log(1 + Math.Exp(-2 * a)) - Math.Log(2));
                Assert.Equal(written, GenericScalarTerm.Of(new LogCoshTerm(s)).Value(new Float64(x)).Value);
            }
    }
}
