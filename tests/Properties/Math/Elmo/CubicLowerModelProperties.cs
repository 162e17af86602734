using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verification.Numerics;
using Verification.Numerics.Exact;
using Verification.Numerics.Elmo;

namespace Verification.Tests.Properties.Numerics.Elmo;

/// <summary>m(x) of elmo-amos eq. (4) over the whole double range against its exact rational value.</summary>
[Properties(MaxTest = 2000)]
public class CubicLowerModelProperties
{
    /// <summary>Within 3·2^-52·T + 2^-1075 of the exact m(x); ±∞ only where m(x) is beyond the range up to that bound.</summary>
    [Property]
    public Property Evaluate_IsWithinItsBoundOfTheExactValue() => Prop.ForAll(CubicModelCase.FullRange, c =>
        c.Agrees(CubicLowerModel.Evaluate(c.G, c.Lambda, c.Lipschitz, c.X),
            ExactElmo.Lower(RationalInterval.Exact(c.G), RationalInterval.Exact(c.Lambda), RationalInterval.Exact(c.Lipschitz), RationalInterval.Exact(c.X))));
}
