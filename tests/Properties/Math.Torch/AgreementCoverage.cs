using System.Reflection;
using System.Runtime.CompilerServices;
using Verification.Numerics.Torch;
using Verification.Optimizers.Torch;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Torch;

/// <summary>
/// The agreement table covers the whole public tensor API: every public method and constructor of every public type in
/// Verification.Numerics.Torch and Verification.Optimizers.Torch is run by some case of <see cref="AgreementTable.Cases"/>,
/// or is listed in <see cref="NonNumerical"/> with the reason it has no reference value to agree with.
/// </summary>
public class AgreementCoverage
{
    /// <summary>
    /// Members with nothing to compare against a reference, each with its reason. Property getters, record plumbing
    /// (Equals, GetHashCode, ToString, Deconstruct, &lt;Clone&gt;$, PrintMembers, the equality operators) and
    /// <see cref="IDisposable.Dispose"/> are never numerical and are skipped by rule, not listed here.
    /// </summary>
    private static readonly Dictionary<string, string> NonNumerical = new()
    {
        // Device selection: which device runs, not what is computed (TorchDeviceExamples checks it).
        [TensorApi.Member(typeof(TorchDevice), nameof(TorchDevice.Resolve))] = "chooses a device from a request string",
        [TensorApi.Member(typeof(TorchDevice), nameof(TorchDevice.Describe))] = "a line of text for reports",
        // The tensor-rule interfaces are implemented by the rules of Sgd and SophiaDiagonal, whose cases run them.
        [TensorApi.Member(typeof(ITorchCoordinatewise), nameof(ITorchCoordinatewise.StartTensorRule))] = "interface; run through its implementations",
        [TensorApi.Member(typeof(ITorchCoordinatewiseRule), nameof(ITorchCoordinatewiseRule.Step))] = "interface; run through its implementations",
        // TorchSharp's own torch.optim optimizers behind the IOptimizer adapter (issue 13): not this suite's math, so no
        // row of the table. SGD with momentum and Adam agree with the references over 200 steps
        // (TorchOptimAgreementExamples); the others have no reference here and are checked by check-optimizer
        // (docs/torchsharp-optimizers.md).
        [TensorApi.Member(typeof(TorchOptimOptimizer), nameof(TorchOptimOptimizer.Start))] = "adapter over torch.optim; run through check-optimizer",
        [TensorApi.Constructor(typeof(TorchSgdMomentum))] = "torch.optim.SGD; agreement in TorchOptimAgreementExamples",
        [TensorApi.Constructor(typeof(TorchAdam))] = "torch.optim.Adam; agreement in TorchOptimAgreementExamples",
        [TensorApi.Constructor(typeof(TorchSgdNesterov))] = "torch.optim.SGD(nesterov); no reference here, check-optimizer",
        [TensorApi.Constructor(typeof(TorchAdamW))] = "torch.optim.AdamW; no reference here, check-optimizer",
        [TensorApi.Constructor(typeof(TorchRmsProp))] = "torch.optim.RMSprop; no reference here, check-optimizer",
        [TensorApi.Constructor(typeof(TorchAdagrad))] = "torch.optim.Adagrad; no reference here, check-optimizer",
        [TensorApi.Constructor(typeof(TorchAdamax))] = "torch.optim.Adamax; no reference here, check-optimizer",
        [TensorApi.Constructor(typeof(TorchNAdam))] = "torch.optim.NAdam; no reference here, check-optimizer",
        [TensorApi.Constructor(typeof(TorchRAdam))] = "torch.optim.RAdam; no reference here, check-optimizer",
        [TensorApi.Constructor(typeof(TorchRprop))] = "torch.optim.Rprop; no reference here, check-optimizer",
    };

    private static readonly Assembly[] TensorAssemblies = [typeof(TorchElmo).Assembly, typeof(TorchAmos).Assembly];

    /// <summary>Every public method and constructor of the tensor API, as <see cref="TensorApi.Member"/> keys.</summary>
    internal static IReadOnlyList<string> PublicMembers()
    {
        var members = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in TensorAssemblies.SelectMany(a => a.GetExportedTypes()))
        {
            // Enumerations (VarianceAdaptedMethod) are data: each of their values gets its own case.
            if (type.IsSubclassOf(typeof(Delegate)) || type.IsEnum)
                continue;
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var method in type.GetMethods(flags))
            {
                if (method.IsSpecialName && !method.Name.StartsWith("op_", StringComparison.Ordinal))
                    continue; // property and event accessors
                if (IsPlumbing(type, method))
                    continue;
                members.Add($"{TensorApi.TypeName(type)}.{method.Name}");
            }
            // A record's constructor only stores its values (TorchEigenSystem, TorchRitzPairs).
            if (!type.IsAbstract && !type.IsInterface && !IsRecord(type))
                foreach (var _ in type.GetConstructors(BindingFlags.Public | BindingFlags.Instance))
                    members.Add($"{TensorApi.TypeName(type)}..ctor");
        }
        return [.. members];
    }

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;

    private static bool IsPlumbing(Type type, MethodInfo method) =>
        method.Name is "Dispose" or "ToString" or "Equals" or "GetHashCode" or "Deconstruct" or "<Clone>$" or "PrintMembers"
            or "op_Equality" or "op_Inequality"
        || method.GetCustomAttribute<CompilerGeneratedAttribute>() is not null;

    [Fact]
    public void Enumeration_FindsTheTensorApi()
    {
        // Guards the reflection itself: were it to find nothing, the coverage test below would pass vacuously.
        var members = PublicMembers();
        Assert.Contains(TensorApi.Member(typeof(TorchElmo), nameof(TorchElmo.Step)), members);
        Assert.Contains(TensorApi.Member(typeof(TorchAmos.TorchAmosRun), nameof(TorchAmos.TorchAmosRun.Step)), members);
        Assert.Contains(TensorApi.Constructor(typeof(TorchElmoOptimizer)), members);
        Assert.Contains(TensorApi.Member(typeof(ITorchCoordinatewiseRule), nameof(ITorchCoordinatewiseRule.Step)), members);
        Assert.DoesNotContain(members, m => m.EndsWith(".get_Dimension", StringComparison.Ordinal) || m.EndsWith(".Dispose", StringComparison.Ordinal));
        Assert.True(members.Count >= 40, $"only {members.Count} public members found: {string.Join(", ", members)}");
    }

    [Fact]
    public void EveryPublicTensorMember_HasAnAgreementCaseOrAReason()
    {
        var covered = AgreementTable.Cases.SelectMany(c => c.Covers).ToHashSet(StringComparer.Ordinal);
        var missing = PublicMembers().Where(m => !covered.Contains(m) && !NonNumerical.ContainsKey(m)).ToArray();
        Assert.True(missing.Length == 0,
            $"public tensor members without an agreement case (add a case to AgreementTable.Cases, or a reasoned entry to NonNumerical): {string.Join(", ", missing)}");
    }

    [Fact]
    public void EveryCoveredOrExcludedName_IsARealPublicMember()
    {
        var members = PublicMembers().ToHashSet(StringComparer.Ordinal);
        var stale = AgreementTable.Cases.SelectMany(c => c.Covers.Select(m => (Case: c.Name, Member: m)))
            .Where(x => !members.Contains(x.Member)).Select(x => $"{x.Case}: {x.Member}")
            .Concat(NonNumerical.Keys.Where(k => !members.Contains(k)).Select(k => $"NonNumerical: {k}")).ToArray();
        Assert.True(stale.Length == 0, $"names that are not public tensor members: {string.Join(", ", stale)}");
    }

    [Fact]
    public void NoExcludedMember_IsAlsoCovered()
    {
        var covered = AgreementTable.Cases.SelectMany(c => c.Covers).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(NonNumerical.Keys, covered.Contains);
    }
}
