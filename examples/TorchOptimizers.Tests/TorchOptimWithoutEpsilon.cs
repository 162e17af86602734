using TorchSharp.Modules;
using Verification.Optimizers.Torch;
using static TorchSharp.torch;

namespace TorchOptimizers.Tests;

/// <summary>
/// A torch.optim configuration of your own: any subclass of <see cref="TorchOptimOptimizer"/> that creates the torch
/// optimizer is checkable (src/Optimizers.Torch/README.md shows this class). <see cref="AdamFamilyWithoutEpsilon"/>
/// uses it for the Adam family with ε = 0.
/// </summary>
public sealed class TorchOptimWithoutEpsilon(string name, Func<IEnumerable<Parameter>, optim.Optimizer> create) : TorchOptimOptimizer
{
    public override string Name => name;
    protected override optim.Optimizer Create(IEnumerable<Parameter> parameters) => create(parameters);
}

/// <summary>
/// The control that shows what ε does in the Adam family: without it the first step is α·g/|g| in every coordinate, so
/// multiplying f by 2^k changes nothing, but at ∇f = 0 the step is 0/0 = NaN.
/// </summary>
public static class AdamFamilyWithoutEpsilon
{
    /// <summary>torch.optim.Adam(lr = 0.01, β = (0.9, 0.999), ε = 0): <see cref="TorchAdam"/> without its ε.</summary>
    public static TorchOptimWithoutEpsilon Adam() =>
        new("torch.optim.Adam(lr=0.01, ε=0)", p => optim.Adam(p, 0.01, beta1: 0.9, beta2: 0.999, eps: 0));

    /// <summary>The six members of the Adam family in docs/torchsharp-optimizers.md, by adapter type name, each with ε = 0.</summary>
    public static IReadOnlyDictionary<string, TorchOptimWithoutEpsilon> ByType { get; } = new Dictionary<string, TorchOptimWithoutEpsilon>
    {
        ["TorchAdam"] = Adam(),
        ["TorchAdamW"] = new("torch.optim.AdamW(lr=0.01, weight_decay=0.01, ε=0)", p => optim.AdamW(p, 0.01, eps: 0, weight_decay: 0.01)),
        ["TorchRmsProp"] = new("torch.optim.RMSprop(lr=0.01, ε=0)", p => optim.RMSProp(p, 0.01, eps: 0)),
        ["TorchAdagrad"] = new("torch.optim.Adagrad(lr=0.01, ε=0)", p => optim.Adagrad(p, 0.01, eps: 0)),
        ["TorchAdamax"] = new("torch.optim.Adamax(lr=0.01, ε=0)", p => optim.Adamax(p, 0.01, eps: 0)),
        ["TorchNAdam"] = new("torch.optim.NAdam(lr=0.01, ε=0)", p => optim.NAdam(p, 0.01, eps: 0)),
    };
}
