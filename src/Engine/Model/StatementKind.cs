namespace Verification.Engine;

/// <summary>The kinds of statement the engine checks.</summary>
public enum StatementKind
{
    /// <summary>lhs ≤ rhs or lhs &lt; rhs.</summary>
    Inequality,

    /// <summary>lhs = rhs, a scalar or every entry of a matrix.</summary>
    Identity,

    /// <summary>A limit or an asymptotic rate, decided from the trend of a sequence.</summary>
    Trend,

    /// <summary>A probability or an expectation, decided by a confidence interval with a stated error rate.</summary>
    Statistical,

    /// <summary>
    /// An implementation against the exact math under its stated error bound: a certified violation is an
    /// implementation defect (the code is wrong, not the paper).
    /// </summary>
    Conformance,

    /// <summary>
    /// A property the paper promises of an algorithm's outputs, checked exactly on the outputs of an implementation
    /// that follows the algorithm as printed (its conformance is a separate statement): a certified violation is the
    /// algorithm's, not the code's. Like <see cref="Conformance"/>, its scope is not analysed by boxes, because the
    /// outputs are fixed doubles of one run.
    /// </summary>
    Replay,
}
