namespace Verification.Numerics;

/// <summary>
/// A double-precision evaluation whose result (or a factor it needs) lies beyond ±double.MaxValue for an input that is
/// otherwise inside the function's hypotheses: the input is valid, doubles cannot answer it (Bernoulli probability
/// q = 1e-323 in the curvature problem: ∇²_f log p = −1/q² ≈ −1e646). Still an <see cref="ArgumentException"/> naming the
/// parameter, as every rejection of the public functions; the verification engine reads it as "undecided in double
/// precision" and settles the input in exact arithmetic instead of counting it as a failure of the code under test.
/// </summary>
public sealed class DoubleRangeException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public DoubleRangeException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DoubleRangeException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public DoubleRangeException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a message naming the parameter whose value is beyond what doubles can answer.</summary>
    public DoubleRangeException(string message, string paramName) : base(message, paramName)
    {
    }
}
