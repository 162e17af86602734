using Verification.Optimizers.Sign;
using Verification.Optimizers.FirstOrder;
using Verification.Optimizers.SecondOrder;

namespace Verification.Optimizers;

/// <summary>
/// The optimizers this library ships, each with the configuration its tests and <c>check-optimizer</c> use. Add a
/// line here for every new optimizer: the check-optimizer regression test runs the generic properties on each
/// entry and requires it to pass everything it declares.
/// </summary>
public static class BuiltInOptimizers
{
    /// <summary>Name (the type name <c>check-optimizer --type</c> accepts) and a factory for each built-in optimizer.</summary>
    public static IReadOnlyList<(string TypeName, Func<IOptimizer> Create)> All { get; } =
    [
        (typeof(GradientDescent).FullName!, GradientDescent.CreateDefault),
        (typeof(Newton).FullName!, () => new Newton()),
        (typeof(SaddleFreeNewton).FullName!, () => new SaddleFreeNewton()),
        (typeof(ElmoOptimizer).FullName!, ElmoOptimizer.CreateDefault),
        (typeof(CauchyMethod).FullName!, CauchyMethod.CreateDefault),
        (typeof(NormScaledSignGradientDescent).FullName!, NormScaledSignGradientDescent.CreateDefault),
    ];
}
