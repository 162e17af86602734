namespace Verification.Optimizers.Guarantees;

/// <summary>
/// An optimizer that declares which <see cref="Guarantee"/>s it claims. <c>check-optimizer</c> and
/// Verification.Checks check every declared guarantee (a failure is a finding against the declaration) and, for
/// information only, the undeclared ones that need no parameters. Finite steps on finite inputs are always required.
/// </summary>
public interface IDeclaresGuarantees
{
    /// <summary>The guarantees claimed, at most one per <see cref="Guarantee.Id"/>.</summary>
    IReadOnlyList<Guarantee> Guarantees { get; }
}
