using Verification.Claims.Catalog.Elmo;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Engine;
using Xunit;
using Verification.Optimizers.SecondOrder;

namespace Verification.Tests.Properties.Claims.Catalog.Elmo;

/// <summary>
/// The conformance statements of elmo/alg-1 and elmo/alg-2 replay the implementation's own outputs: a defect planted in
/// the implementation (a step 2⁻⁴⁰ or 2⁻⁴⁹ too long; AMOS run with α_L = 0.5 + 2⁻²⁰ while the claim says 0.5) is refuted with an
/// exact certificate and reported as an implementation defect, never settled as rounding, while the implementations as
/// they are conform.
/// </summary>
public class AlgorithmConformanceExamples
{
    private static FormalizationResult Run(IFormalization f, ulong seed = 5) => f.Run(new RunSettings(200, seed));

    [Fact]
    public void ElmoStep_TooLongByTwoToTheMinus40_IsACertifiedImplementationDefect()
    {
        static ElmoIteration Defective(AlgorithmProblem p)
        {
            var it = Alg1.Iterate(p);
            return it with { EigenspaceSteps = [.. it.EigenspaceSteps.Select(x => x * (1 + Math.ScaleB(1, -40)))] };
        }

        var result = Run(new Alg1.StepFormula(Defective));

        Assert.Equal(Verdict.Refuted, result.Verdict);
        var c = result.Counterexample!;
        Assert.True(c.ImplementationDefect);
        // The planted relative error 2⁻⁴⁰ against the allowed 2⁻⁵²: a margin of about 2⁻⁴⁰ in units of x*.
        Assert.InRange(c.CertifiedMargin, Math.ScaleB(1, -41), Math.ScaleB(1, -39));
        Assert.Equal(0, result.Tally.Artefacts);
    }

    [Fact]
    public void ElmoStep_AFewUlpsTooLong_IsACertifiedImplementationDefect()
    {
        // A relative error of 2⁻⁴⁹ (4 to 8 ulp) is within the double evaluation's own doubt about x*, so only a relation
        // without a double-only allowance sends it to exact arithmetic, which certifies it against the stated 1 ulp.
        static ElmoIteration Defective(AlgorithmProblem p)
        {
            var it = Alg1.Iterate(p);
            return it with { EigenspaceSteps = [.. it.EigenspaceSteps.Select(x => x * (1 + Math.ScaleB(1, -49)))] };
        }

        var result = Run(new Alg1.StepFormula(Defective));

        Assert.Equal(Verdict.Refuted, result.Verdict);
        Assert.True(result.Counterexample!.ImplementationDefect);
        // 2⁻⁴⁹·x* minus the product's rounding (≤ 2⁻⁵³·x*) minus the allowed 2⁻⁵²·x*: at least 2⁻⁴⁹ − 2⁻⁵¹ of x*.
        Assert.InRange(result.Counterexample.CertifiedMargin, Math.ScaleB(3, -51), Math.ScaleB(1, -48));
    }

    [Fact]
    public void ElmoStep_AsImplemented_Conforms() =>
        Assert.Equal(Verdict.Holds, Run(new Alg1.StepFormula(Alg1.Iterate)).Verdict);

    [Fact]
    public void AmosWithAnotherAlpha_IsACertifiedImplementationDefect()
    {
        var result = Run(new Alg2.RunningEstimate(implementationAlpha: 0.5 + Math.ScaleB(1, -20)));

        Assert.Equal(Verdict.Refuted, result.Verdict);
        Assert.True(result.Counterexample!.ImplementationDefect);
        Assert.Contains("L_t^i against line 5", result.Counterexample.Relation, StringComparison.Ordinal);
    }

    [Fact]
    public void AmosRunningEstimate_AsImplemented_Conforms() =>
        Assert.Equal(Verdict.Holds, Run(new Alg2.RunningEstimate()).Verdict);
}
