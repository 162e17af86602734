using Xunit.Sdk;

namespace Verification.Engine.Xunit;

/// <summary>An xunit assertion failure from <see cref="LemmaAssert"/>, with the result it reports.</summary>
public sealed class LemmaFailedException : XunitException
{
    /// <summary>Creates the failure.</summary>
    /// <param name="message">The report (see <see cref="LemmaReport"/>).</param>
    /// <param name="result">The search's result, for <see cref="LemmaAssert.Holds"/> and <see cref="LemmaAssert.IsRefuted"/>.</param>
    /// <param name="pinned">The exact check, for <see cref="LemmaAssert.Refutes{TInput}(Statement{TInput}, TInput)"/>.</param>
    public LemmaFailedException(string message, ClaimResult? result, PinnedCheck? pinned) : base(message)
    {
        Result = result;
        Pinned = pinned;
    }

    /// <summary>The search's result, or null.</summary>
    public ClaimResult? Result { get; }

    /// <summary>The exact check at a pinned input, or null.</summary>
    public PinnedCheck? Pinned { get; }
}
