using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.NaturalGradient;
using Verification.Optimizers.Objectives;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.NaturalGradient;

/// <summary>NGD and EFGD (eqs. D.31, D.32): what they reject, by name and with a message that says why, and their names.</summary>
public class DampedPreconditionedDescentArgumentExamples
{
    private static readonly Vector<double> Theta = Vector<double>.Build.Dense(2);

    private static readonly DampedPreconditionedDescent[] Both = [new NaturalGradientDescent(1, 1), new EmpiricalFisherGradientDescent(1, 1)];

    /// <summary>A null objective is an ArgumentNullException naming it, not a NullReferenceException from its Name.</summary>
    [Fact]
    public void UpdateAndPreconditioner_WithANullObjective_NameIt()
    {
        foreach (var optimizer in Both)
        {
            Assert.Equal("objective", Assert.Throws<ArgumentNullException>(() => optimizer.Update(null!, Theta)).ParamName);
            Assert.Equal("objective", Assert.Throws<ArgumentNullException>(() => optimizer.Preconditioner(null!, Theta)).ParamName);
        }
    }

    /// <summary>An objective without F and F̃ (a quadratic) is rejected naming it, and the message says what is missing.</summary>
    [Fact]
    public void UpdateAndPreconditioner_WithoutAFisher_SayWhatIsMissing()
    {
        var quadratic = new Quadratic(Matrix<double>.Build.DenseIdentity(2), Vector<double>.Build.Dense(2));
        foreach (var optimizer in Both)
            foreach (var call in new Action[] { () => optimizer.Update(quadratic, Theta), () => optimizer.Preconditioner(quadratic, Theta) })
            {
                var e = Assert.Throws<ArgumentException>(call);
                Assert.Equal("objective", e.ParamName);
                Assert.Contains($"objective {quadratic.Name} does not provide a Fisher (IFisherObjective)", e.Message);
            }
    }

    /// <summary>The names are the thesis' abbreviations (App. D.3) with γ and λ in round-trip form.</summary>
    [Fact]
    public void Names_AreTheMethodWithItsStepSizeAndDamping()
    {
        Assert.Equal("ngd(γ=0.25,λ=1E-300)", new NaturalGradientDescent(0.25, 1e-300).Name);
        Assert.Equal("efgd(γ=3,λ=0.1)", new EmpiricalFisherGradientDescent(3, 0.1).Name);
    }
}
