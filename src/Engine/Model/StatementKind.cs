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

    /// <summary>An implementation against the exact math under its stated error bound.</summary>
    Conformance,
}
