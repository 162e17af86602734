using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Optimizers;
using Verification.Optimizers.Objectives;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>
/// Every test objective's every derivative rejects a θ it cannot evaluate (a NaN, an ∞, or the wrong length) with an
/// ArgumentException naming theta, and the exact objectives do too: the contract of IObjective (issue 15, item 1: never a
/// NaN, never an exception naming an internal parameter). Until stop 47 no test passed such a θ to HessianVectorProduct,
/// ThirdDerivativeAlong or the exact forms, and run 48's removals of Quadratic's and CubicPerturbedQuadratic's θ checks
/// survived (a quadratic's H·v does not read θ at all).
/// </summary>
public class ObjectiveInputContractExamples
{
    /// <summary>θ of the right length with a NaN first, θ with +∞ last, and θ one entry too long.</summary>
    private static IEnumerable<(string What, Vector<double> Theta)> BadThetas(int n)
    {
        var nan = Vector<double>.Build.Dense(n, 0.5);
        nan[0] = double.NaN;
        var inf = Vector<double>.Build.Dense(n, 0.5);
        inf[n - 1] = double.PositiveInfinity;
        yield return ("a NaN entry", nan);
        yield return ("an infinite entry", inf);
        yield return ("one entry too many", Vector<double>.Build.Dense(n + 1, 0.5));
    }

    private static void RejectsNamingTheta(string name, string what, string method, Action call)
    {
        var e = Record.Exception(call);
        Assert.True(e is ArgumentException { ParamName: "theta" },
            $"{name}.{method} with {what}: {Describe(e)}");
    }

    /// <summary>What was thrown, and the parameter it named.</summary>
    private static string Describe(Exception? e) =>
        e is null ? "no exception" : $"{e.GetType().Name} naming {(e as ArgumentException)?.ParamName ?? "nothing"}: {e.Message}";

    [Theory]
    [MemberData(nameof(TestObjectives.Names), MemberType = typeof(TestObjectives))]
    public void EveryDerivative_RejectsAThetaItCannotEvaluate_NamingTheta(string name)
    {
        var (f, _) = TestObjectives.All[name];
        int n = f.Dimension;
        var v = Vector<double>.Build.Dense(n, 0.25);
        foreach (var (what, theta) in BadThetas(n))
        {
            RejectsNamingTheta(name, what, "Value", () => f.Value(theta));
            RejectsNamingTheta(name, what, "Gradient", () => f.Gradient(theta));
            RejectsNamingTheta(name, what, "Hessian", () => f.Hessian(theta));
            RejectsNamingTheta(name, what, "HessianVectorProduct", () => f.HessianVectorProduct(theta, v));
            RejectsNamingTheta(name, what, "ThirdDerivativeAlong", () => f.ThirdDerivativeAlong(theta, v));
            if (f is IExactObjective exact)
            {
                var list = theta.ToArray();
                RejectsNamingTheta(name, what, "ExactValue", () => exact.ExactValue(list));
                RejectsNamingTheta(name, what, "ExactGradient", () => exact.ExactGradient(list));
                RejectsNamingTheta(name, what, "ExactHessian", () => exact.ExactHessian(list));
            }
        }
    }

    /// <summary>
    /// The direction of H·v and of the third derivative T(θ)[w]: a NaN entry or the wrong length is rejected naming that
    /// parameter (its name in the objective's own method). Run 48: CubicPerturbedQuadratic's length check of w, removed,
    /// survived (a shorter w was read as far as it went).
    /// </summary>
    [Theory]
    [MemberData(nameof(TestObjectives.Names), MemberType = typeof(TestObjectives))]
    public void EveryDirectionalDerivative_RejectsADirectionItCannotUse_NamingIt(string name)
    {
        var (f, _) = TestObjectives.All[name];
        int n = f.Dimension;
        var theta = Vector<double>.Build.Dense(n, 0.5);
        var nan = Vector<double>.Build.Dense(n, 0.25);
        nan[0] = double.NaN;
        foreach (var (method, call) in new (string, Func<Vector<double>, object>)[]
        {
            (nameof(IObjective.HessianVectorProduct), d => f.HessianVectorProduct(theta, d)),
            (nameof(IThirdOrderObjective.ThirdDerivativeAlong), d => f.ThirdDerivativeAlong(theta, d)),
        })
        {
            var declared = f.GetType().GetMethod(method, [typeof(Vector<double>), typeof(Vector<double>)])
                ?? typeof(IThirdOrderObjective).GetMethod(method) ?? typeof(IObjective).GetMethod(method)!; // a default H·v: the interface's
            string parameter = declared.GetParameters()[1].Name!;
            foreach (var (what, direction) in new[] { ("a NaN entry", nan), ("one entry too many", Vector<double>.Build.Dense(n + 1, 0.25)), ("one entry too few", Vector<double>.Build.Dense(Math.Max(n - 1, 1) == n ? n + 2 : n - 1, 0.25)) })
            {
                var e = Record.Exception(() => call(direction));
                Assert.True(e is ArgumentException a && a.ParamName == parameter,
                    $"{name}.{method} with {what}: {Describe(e)}, expected naming {parameter}");
            }
        }
    }

    /// <summary>The generalized linear objective (two samples, two parameters): its five θ methods and Output.</summary>
    [Fact]
    public void GeneralizedLinearObjective_RejectsAThetaItCannotEvaluate_NamingTheta()
    {
        var f = new GeneralizedLinearObjective(new LinearModel(2, bias: false), new BernoulliLogit(),
            new Dataset([Vector<double>.Build.DenseOfArray([1.0, -0.5]), Vector<double>.Build.DenseOfArray([0.25, 2.0])], [1.0, 0.0]), "two-samples");
        foreach (var (what, theta) in BadThetas(2))
        {
            RejectsNamingTheta("glo", what, "Value", () => f.Value(theta));
            RejectsNamingTheta("glo", what, "Gradient", () => f.Gradient(theta));
            RejectsNamingTheta("glo", what, "Hessian", () => f.Hessian(theta));
            RejectsNamingTheta("glo", what, "Fisher", () => f.Fisher(theta));
            RejectsNamingTheta("glo", what, "EmpiricalFisher", () => f.EmpiricalFisher(theta));
            RejectsNamingTheta("glo", what, "Output", () => f.Output(1, theta));
        }
    }
}
