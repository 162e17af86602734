using Verification.Claims.Model;

namespace Verification.Claims.Engine;

/// <summary>One executable reading of a claim: what the engine runs.</summary>
public interface IFormalization
{
    /// <summary>Short name, unique within its claim, e.g. "upper-bound".</summary>
    string Name { get; }

    /// <summary>One sentence: what is checked, with its quantifiers.</summary>
    string Description { get; }

    /// <summary>The tolerance used in double precision and why (certification is exact regardless).</summary>
    string Tolerance { get; }

    /// <summary>Searches for a counterexample within <paramref name="budget"/> evaluations, deterministically from <paramref name="seed"/>.</summary>
    FormalizationResult Run(int budget, ulong seed);
}
