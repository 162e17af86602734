namespace Verification.Claims.Model;

/// <summary>Where a claim stands in its paper.</summary>
/// <param name="Document">elmo, lodo or balles (the papers in shared/papers).</param>
/// <param name="Label">The paper's label, e.g. "Lemma C.2".</param>
/// <param name="Equation">The equation number(s), e.g. "(7)", or null.</param>
/// <param name="Section">The section or appendix, e.g. "M.4".</param>
public sealed record ClaimSource(string Document, string Label, string? Equation, string Section);
