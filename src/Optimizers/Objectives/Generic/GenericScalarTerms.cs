using Verification.Numerics.Arithmetic;
using Verification.Numerics.Elementary;

namespace Verification.Optimizers.Objectives.Generic;

/// <summary>
/// One term φ of a separable objective over <see cref="IReal{T}"/>: φ, φ′, φ″, the twin of an <see cref="IScalarTerm"/>
/// (<see cref="Reference"/>), whose proven bounds (sup|φ‴|, the range of φ″) it shares.
/// </summary>
public interface IGenericScalarTerm
{
    /// <summary>The double implementation of the same term.</summary>
    IScalarTerm Reference { get; }

    /// <summary>φ(x).</summary>
    T Value<T>(T x) where T : IReal<T>;

    /// <summary>The size of the terms φ(x) sums (each term's absolute value, added): at least |φ(x)|.</summary>
    T Magnitude<T>(T x) where T : IReal<T>;

    /// <summary>φ′(x).</summary>
    T First<T>(T x) where T : IReal<T>;

    /// <summary>φ″(x).</summary>
    T Second<T>(T x) where T : IReal<T>;
}

/// <summary>The generic twins of the scalar terms in <c>Verification.Optimizers.Objectives</c>.</summary>
public static class GenericScalarTerm
{
    /// <summary>The generic twin of <paramref name="term"/>.</summary>
    /// <exception cref="ArgumentException">a term type without a generic twin.</exception>
    public static IGenericScalarTerm Of(IScalarTerm term) => term switch
    {
        CubicTerm t => new Cubic(t),
        LogCoshTerm t => new LogCosh(t),
        CosineQuadraticTerm t => new CosineQuadratic(t),
        LorentzianTerm t => new Lorentzian(t),
        null => throw new ArgumentNullException(nameof(term)),
        _ => throw new ArgumentException($"term {term.Name} ({term.GetType().Name}) has no generic version.", nameof(term)),
    };

    /// <summary>φ = (q/2)x² + (c/6)x³: φ′ = qx + (c/2)x², φ″ = q + cx.</summary>
    private sealed class Cubic(CubicTerm t) : IGenericScalarTerm
    {
        public IScalarTerm Reference => t;

        public T Value<T>(T x) where T : IReal<T> => T.Of(t.Q) * x * x / 2 + T.Of(t.C) * x * x * x / 6;

        public T Magnitude<T>(T x) where T : IReal<T> => T.Abs(T.Of(t.Q) * x * x / 2) + T.Abs(T.Of(t.C) * x * x * x / 6);

        public T First<T>(T x) where T : IReal<T> => T.Of(t.Q) * x + T.Of(t.C) * x * x / 2;

        public T Second<T>(T x) where T : IReal<T> => T.Of(t.Q) + T.Of(t.C) * x;
    }

    /// <summary>
    /// φ = s·log cosh x = s(|x| + log(1 + e^(−2|x|)) − log 2); φ′ = s·tanh x with tanh x = (q − p)/(q + p),
    /// p = e^(−2·max(x, 0)), q = e^(2·min(x, 0)) (no overflow for either sign); φ″ = s·sech²x = 4s·e^(−2|x|)/(1 + e^(−2|x|))².
    /// </summary>
    private sealed class LogCosh(LogCoshTerm t) : IGenericScalarTerm
    {
        public IScalarTerm Reference => t;

        public T Value<T>(T x) where T : IReal<T>
        {
            var ax = T.Abs(x);
            return T.Of(t.S) * (ax + T.Log(1 + T.Exp(-2 * ax)) - T.Log(T.Of(2)));
        }

        public T Magnitude<T>(T x) where T : IReal<T>
        {
            var ax = T.Abs(x);
            return T.Abs(T.Of(t.S)) * (ax + T.Log(1 + T.Exp(-2 * ax)) + T.Log(T.Of(2)));
        }

        public T First<T>(T x) where T : IReal<T>
        {
            var p = T.Exp(-2 * T.Max(x, T.Of(0)));
            var q = T.Exp(2 * T.Min(x, T.Of(0)));
            return T.Of(t.S) * (q - p) / (q + p);
        }

        public T Second<T>(T x) where T : IReal<T>
        {
            var e = T.Exp(-2 * T.Abs(x));
            var denominator = 1 + e;
            return 4 * T.Of(t.S) * e / (denominator * denominator);
        }
    }

    /// <summary>φ = a·cos x + b·x²: φ′ = −a·sin x + 2bx, φ″ = −a·cos x + 2b.</summary>
    private sealed class CosineQuadratic(CosineQuadraticTerm t) : IGenericScalarTerm
    {
        public IScalarTerm Reference => t;

        public T Value<T>(T x) where T : IReal<T> => T.Of(t.A) * Trigonometry.Cos(x) + T.Of(t.B) * x * x;

        public T Magnitude<T>(T x) where T : IReal<T> => T.Abs(T.Of(t.A) * Trigonometry.Cos(x)) + T.Abs(T.Of(t.B) * x * x);

        public T First<T>(T x) where T : IReal<T> => -T.Of(t.A) * Trigonometry.Sin(x) + 2 * T.Of(t.B) * x;

        public T Second<T>(T x) where T : IReal<T> => -T.Of(t.A) * Trigonometry.Cos(x) + 2 * T.Of(t.B);
    }

    /// <summary>φ = βx²/2 + s(x·atan x − ½ln(1 + x²)): φ′ = βx + s·atan x, φ″ = β + s/(1 + x²).</summary>
    private sealed class Lorentzian(LorentzianTerm t) : IGenericScalarTerm
    {
        public IScalarTerm Reference => t;

        public T Value<T>(T x) where T : IReal<T> =>
            T.Of(t.Beta) * x * x / 2 + T.Of(t.S) * (x * Trigonometry.Atan(x) - T.Log(1 + x * x) / 2);

        public T Magnitude<T>(T x) where T : IReal<T> =>
            T.Abs(T.Of(t.Beta) * x * x / 2) + T.Abs(T.Of(t.S)) * (T.Abs(x * Trigonometry.Atan(x)) + T.Log(1 + x * x) / 2);

        public T First<T>(T x) where T : IReal<T> => T.Of(t.Beta) * x + T.Of(t.S) * Trigonometry.Atan(x);

        public T Second<T>(T x) where T : IReal<T> => T.Of(t.Beta) + T.Of(t.S) / (1 + x * x);
    }
}
