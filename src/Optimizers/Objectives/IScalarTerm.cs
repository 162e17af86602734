using Verification.Numerics.Exact;

namespace Verification.Optimizers.Objectives;

/// <summary>
/// One term φ of a separable objective Σ_i φ_i(θ_i) (elmo-amos claims.md, <c>elmo/lemma-3.1/separable</c>):
/// its value and first three derivatives, a rigorous bound on |φ'''|, and the range of φ''.
/// </summary>
public interface IScalarTerm
{
    /// <summary>A short, stable name.</summary>
    string Name { get; }

    /// <summary>φ(x).</summary>
    double Value(double x);

    /// <summary>φ'(x).</summary>
    double First(double x);

    /// <summary>φ''(x).</summary>
    double Second(double x);

    /// <summary>φ'''(x).</summary>
    double Third(double x);

    /// <summary>A proven bound sup_x |φ'''(x)| (rounded up): the 1-D Hessian-Lipschitz constant of the term.</summary>
    double ThirdBound { get; }

    /// <summary>inf_x φ''(x) (−∞ when unbounded).</summary>
    double SecondInfimum { get; }

    /// <summary>sup_x φ''(x) (+∞ when unbounded).</summary>
    double SecondSupremum { get; }

    /// <summary>φ''(x) exactly, or null when φ'' is not a rational function of x.</summary>
    RationalInterval? ExactSecond(double x);

    /// <summary>φ(x) exactly, or null when φ is not a rational function of x.</summary>
    RationalInterval? ExactValue(double x);

    /// <summary>φ'(x) exactly, or null when φ' is not a rational function of x.</summary>
    RationalInterval? ExactFirst(double x);
}
