using ScottPlot;

namespace Verification.Figures;

/// <summary>
/// Clipping line segments and polylines to an axis-aligned rectangle (Liang–Barsky: the segment a + t(b − a),
/// 0 ≤ t ≤ 1, is cut by the four half-planes of the rectangle in turn). Used to draw paths that leave a plot's window
/// honestly (cut where they cross the frame, not pushed onto it) and to test whether data cross a legend's box.
/// </summary>
internal static class SegmentClip
{
    /// <summary>
    /// The parameters 0 ≤ t₀ ≤ t₁ ≤ 1 of the part of the segment (<paramref name="ax"/>, <paramref name="ay"/>) →
    /// (<paramref name="bx"/>, <paramref name="by"/>) inside the closed rectangle [left, right] × [low, high], or null when
    /// the segment misses it or has a coordinate that is not finite (such a point is not drawn).
    /// </summary>
    internal static (double T0, double T1)? Parameters(double ax, double ay, double bx, double by, double left, double right, double low, double high) =>
        Clip(ax, ay, bx, by, left, right, low, high) is var (t0, t1, _, _) ? (t0, t1) : null;

    /// <summary>Which side of the rectangle cut the segment at t₀ or t₁ (None: the segment's own end).</summary>
    private enum Side { None, Left, Right, Low, High }

    private static (double T0, double T1, Side Side0, Side Side1)? Clip(double ax, double ay, double bx, double by, double left, double right, double low, double high)
    {
        if (!double.IsFinite(ax) || !double.IsFinite(ay) || !double.IsFinite(bx) || !double.IsFinite(by))
            return null;
        double dx = bx - ax, dy = by - ay, t0 = 0, t1 = 1;
        Side s0 = Side.None, s1 = Side.None;
        return Cut(-dx, ax - left, Side.Left, ref t0, ref t1, ref s0, ref s1) && Cut(dx, right - ax, Side.Right, ref t0, ref t1, ref s0, ref s1)
            && Cut(-dy, ay - low, Side.Low, ref t0, ref t1, ref s0, ref s1) && Cut(dy, high - ay, Side.High, ref t0, ref t1, ref s0, ref s1)
            ? (t0, t1, s0, s1)
            : null;
    }

    /// <summary>Whether the segment a → b meets the closed rectangle [left, right] × [low, high].</summary>
    internal static bool Meets(double ax, double ay, double bx, double by, double left, double right, double low, double high) =>
        Parameters(ax, ay, bx, by, left, right, low, high) is not null;

    /// <summary>
    /// The pieces of the polyline <paramref name="points"/> inside <paramref name="window"/>, each a polyline of at least
    /// one point: a path that leaves the window and comes back gives two pieces, cut where it crosses the frame. A
    /// crossing point is computed in double precision and then put on the side it crosses exactly (its other coordinate
    /// clamped into the window), which moves it by rounding error only: every returned point lies in the window, and
    /// every cut lies on its frame.
    /// </summary>
    internal static IReadOnlyList<Coordinates[]> Polyline(IReadOnlyList<Coordinates> points, CoordinateRect window)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (!(window.Left <= window.Right && window.Bottom <= window.Top))
            throw new ArgumentException($"The window must have Left ≤ Right and Bottom ≤ Top, got {window}.", nameof(window));
        var pieces = new List<Coordinates[]>();
        if (points.Count == 1)
        {
            if (Parameters(points[0].X, points[0].Y, points[0].X, points[0].Y, window.Left, window.Right, window.Bottom, window.Top) is not null)
                pieces.Add([points[0]]);
            return pieces;
        }
        List<Coordinates>? current = null;
        for (int i = 0; i + 1 < points.Count; i++)
        {
            var (a, b) = (points[i], points[i + 1]);
            if (Clip(a.X, a.Y, b.X, b.Y, window.Left, window.Right, window.Bottom, window.Top) is not var (t0, t1, side0, side1))
            {
                Close(ref current, pieces);
                continue;
            }
            // An open piece means the previous segment ended inside, at a, so this one starts inside (t₀ = 0).
            if (current is null)
                current = [At(a, b, t0, side0, window)];
            current.Add(At(a, b, t1, side1, window));
            if (t1 < 1)
                Close(ref current, pieces);
        }
        Close(ref current, pieces);
        return pieces;
    }

    private static bool Cut(double p, double q, Side side, ref double t0, ref double t1, ref Side s0, ref Side s1)
    {
        if (p == 0)
            return q >= 0; // parallel to this side: inside its half-plane throughout, or outside throughout
        double r = q / p;
        if (p < 0)
        {
            if (r > t1) return false;
            if (r > t0) (t0, s0) = (r, side);
        }
        else
        {
            if (r < t0) return false;
            if (r < t1) (t1, s1) = (r, side);
        }
        return true;
    }

    /// <summary>
    /// a + t(b − a): exact at t = 0 and t = 1; where a side of the window cut the segment, that coordinate is set to the
    /// side exactly and the other clamped into the window (both moves are rounding-level), so a cut lies on the frame.
    /// </summary>
    private static Coordinates At(Coordinates a, Coordinates b, double t, Side side, CoordinateRect window)
    {
        if (t == 0) return a;
        if (t == 1) return b;
        double x = a.X + t * (b.X - a.X), y = a.Y + t * (b.Y - a.Y);
        x = side switch { Side.Left => window.Left, Side.Right => window.Right, _ => Math.Clamp(x, window.Left, window.Right) };
        y = side switch { Side.Low => window.Bottom, Side.High => window.Top, _ => Math.Clamp(y, window.Bottom, window.Top) };
        return new Coordinates(x, y);
    }

    private static void Close(ref List<Coordinates>? current, List<Coordinates[]> pieces)
    {
        if (current is not null)
            pieces.Add(current.ToArray());
        current = null;
    }
}
