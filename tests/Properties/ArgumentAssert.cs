using Xunit;

namespace Verification.Tests.Properties;

/// <summary>The rejection every public entry point owes bad input: an ArgumentException (exactly that type) naming the parameter and saying why.</summary>
internal static class ArgumentAssert
{
    /// <summary>
    /// Asserts that <paramref name="act"/> throws an <see cref="ArgumentException"/> whose ParamName is
    /// <paramref name="parameter"/> and whose message contains <paramref name="messagePart"/> (ordinal); returns it.
    /// </summary>
    public static ArgumentException Rejects(Action act, string parameter, string messagePart)
    {
        var e = Assert.Throws<ArgumentException>(act);
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(messagePart, e.Message, StringComparison.Ordinal);
        return e;
    }

    /// <summary>
    /// The same test as <see cref="Rejects"/>, as a value for a property: true when <paramref name="act"/> throws an
    /// <see cref="ArgumentException"/> (exactly that type) naming <paramref name="parameter"/> with
    /// <paramref name="messagePart"/> in its message; false when it returns or throws another argument error.
    /// </summary>
    public static bool IsRejection(Action act, string parameter, string messagePart)
    {
        try
        {
            act();
            return false;
        }
        catch (ArgumentException e)
        {
            return e.GetType() == typeof(ArgumentException) && e.ParamName == parameter
                && e.Message.Contains(messagePart, StringComparison.Ordinal);
        }
    }
}
