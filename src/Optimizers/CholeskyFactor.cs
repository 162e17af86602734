using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Verification.Optimizers;

/// <summary>
/// MathNet's Cholesky factorization with its rejection of a matrix that is not positive definite (a pivot ≤ 0, in an
/// ArgumentException that names no parameter) rethrown in the caller's words, naming the caller's parameter.
/// </summary>
internal static class CholeskyFactor
{
    /// <summary>The factor of <paramref name="m"/>.</summary>
    /// <exception cref="ArgumentException">MathNet rejected <paramref name="m"/>: the message is <paramref name="message"/>
    /// of MathNet's message, naming <paramref name="paramName"/>, with MathNet's exception inside.</exception>
    public static Cholesky<double> Of(Matrix<double> m, string paramName, Func<string, string> message)
    {
        try
        {
            return m.Cholesky();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException(message(e.Message), paramName, e);
        }
    }
}
