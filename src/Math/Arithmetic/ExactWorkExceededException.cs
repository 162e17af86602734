namespace Verification.Numerics.Arithmetic;

/// <summary>
/// Exact arithmetic stopped at its work budget (<see cref="ExactWork"/>): the case is undecided, never a statement about
/// the math. An <see cref="UndecidedException"/>, so that every fallback for an undecided comparison also catches it (each
/// further charge throws again, so a fallback cannot run on).
/// </summary>
public sealed class ExactWorkExceededException : UndecidedException
{
    /// <summary>Creates the exception.</summary>
    public ExactWorkExceededException()
    {
    }

    /// <summary>Creates the exception for a spent budget of <paramref name="limit"/> units.</summary>
    public ExactWorkExceededException(long limit)
        : base($"exact arithmetic stopped at its work budget of {limit:N0} word products")
    {
        Limit = limit;
    }

    /// <summary>Creates the exception with the reason.</summary>
    public ExactWorkExceededException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with the reason and the cause.</summary>
    public ExactWorkExceededException(string message, Exception inner) : base(message, inner)
    {
    }

    /// <summary>The budget that was spent, in word products (0 when not given).</summary>
    public long Limit { get; }
}
