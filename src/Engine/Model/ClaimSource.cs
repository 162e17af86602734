namespace Verification.Engine;

/// <summary>Where a claim stands in its paper.</summary>
/// <param name="Document">The document key, e.g. elmo, lodo or balles (the papers in shared/papers), or a user's own.</param>
/// <param name="Label">The paper's label, e.g. "Lemma C.2".</param>
/// <param name="Equation">The equation number(s), e.g. "(7)", or null.</param>
/// <param name="Section">The section or appendix, e.g. "M.4".</param>
public sealed record ClaimSource(string Document, string Label, string? Equation, string Section);
