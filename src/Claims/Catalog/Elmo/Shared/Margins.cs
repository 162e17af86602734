using Verification.Numerics.Arithmetic;

namespace Verification.Claims.Catalog.Elmo.Shared;

/// <summary>Margin scales of the ELMO statements.</summary>
internal static class Margins
{
    /// <summary>
    /// The scale itself where it is positive, else 1: where every term of a relation is 0 (e.g. x* = 0, both sides exactly
    /// 0) the margin is measured in absolute units. Decided exactly in rigorous arithmetic (undecided on a box that
    /// straddles 0, which is then not an open set).
    /// </summary>
    internal static T OrOne<T>(T scale) where T : IReal<T> => T.Sign(scale) > 0 ? scale : T.Of(1);

    /// <summary>
    /// The scale, kept at least 2⁻¹⁰⁷⁴ (the smallest positive double): a relative margin stays defined where every term
    /// vanishes (a zero step, both sides exactly 0) and is unchanged wherever the scale is a positive double.
    /// </summary>
    internal static T Positive<T>(T scale) where T : IReal<T> => T.Max(scale, T.Of(double.Epsilon));
}
