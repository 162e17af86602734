namespace Verification.Checks;

/// <summary>
/// An exception thrown by an optimizer that runs in another process (check-optimizer's isolated worker), carried
/// back with its original type name and message. It is never a documented rejection of bad input (that comes back as
/// a <see cref="UserArgumentException"/>).
/// </summary>
public sealed class UserCodeException : Exception
{
    /// <summary>An exception of type <paramref name="typeName"/> with <paramref name="message"/>.</summary>
    public UserCodeException(string typeName, string message)
        : base(message) => TypeName = typeName;

    /// <summary>Required by the exception conventions; prefer the two-argument constructor.</summary>
    public UserCodeException()
        : this("Exception", "")
    {
    }

    /// <summary>Required by the exception conventions; prefer the two-argument constructor.</summary>
    public UserCodeException(string message)
        : this("Exception", message)
    {
    }

    /// <summary>Required by the exception conventions; prefer the two-argument constructor.</summary>
    public UserCodeException(string message, Exception innerException)
        : base(message, innerException) => TypeName = "Exception";

    /// <summary>The original exception's type name (e.g. <c>InvalidOperationException</c>).</summary>
    public string TypeName { get; }
}

/// <summary>
/// An <see cref="ArgumentException"/> thrown by an optimizer in another process, with its original type name, message
/// and parameter name, so that the rejection rule applies to it as to a local one.
/// </summary>
public sealed class UserArgumentException : ArgumentException
{
    private readonly string message;

    /// <summary>An argument exception of type <paramref name="typeName"/> about <paramref name="paramName"/>.</summary>
    public UserArgumentException(string typeName, string message, string? paramName)
        : base(message, paramName) => (TypeName, this.message) = (typeName, message);

    /// <summary>Required by the exception conventions; prefer the three-argument constructor.</summary>
    public UserArgumentException()
        : this("ArgumentException", "", null)
    {
    }

    /// <summary>Required by the exception conventions; prefer the three-argument constructor.</summary>
    public UserArgumentException(string message)
        : this("ArgumentException", message, null)
    {
    }

    /// <summary>Required by the exception conventions; prefer the three-argument constructor.</summary>
    public UserArgumentException(string message, Exception innerException)
        : base(message, innerException) => (TypeName, this.message) = ("ArgumentException", message);

    /// <summary>The original exception's type name.</summary>
    public string TypeName { get; }

    /// <inheritdoc />
    public override string Message => message;
}

/// <summary>
/// Implemented by a stand-in for an optimizer that lives elsewhere (check-optimizer's isolated worker): the
/// optimizer's real type name for reports.
/// </summary>
public interface IOptimizerProxy
{
    /// <summary>The full name of the optimizer's type.</summary>
    string TypeName { get; }
}
