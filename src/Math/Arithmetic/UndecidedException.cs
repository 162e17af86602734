namespace Verification.Numerics.Arithmetic;

/// <summary>
/// A comparison or sign that the arithmetic cannot decide: an interval that straddles the boundary (at this
/// precision, or over a box), or an operation outside its enclosure's range. Never a statement about the math: the
/// engine answers it by raising the precision, splitting a box, or reporting "undecided".
/// </summary>
public class UndecidedException : ArithmeticException
{
    /// <summary>Creates the exception.</summary>
    public UndecidedException()
    {
    }

    /// <summary>Creates the exception with the reason.</summary>
    public UndecidedException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with the reason and the cause.</summary>
    public UndecidedException(string message, Exception inner) : base(message, inner)
    {
    }
}
