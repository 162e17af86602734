namespace Verification.Engine;

/// <summary>
/// A researcher's own statement, checked as one claim (see <see cref="Lemma{T1}"/> and <see cref="Lemmas"/>): a
/// formalization with the claim's reading and an optional note on how it is read.
/// </summary>
public interface ILemma : IFormalization
{
    /// <summary>How the statement is read (quantifiers, cases, why this reading), or null; printed with every result.</summary>
    string? Note { get; }

    /// <summary>The statement as written (default), an alternative reading of it, or a control.</summary>
    Reading Reading { get; }
}

/// <summary>A lemma over inputs of type <typeparamref name="TInput"/>, whose statement the engine runs.</summary>
public interface ILemma<TInput> : ILemma where TInput : notnull
{
    /// <summary>The statement the engine searches and certifies.</summary>
    Statement<TInput> Statement { get; }
}
