using ScottPlot;

namespace Verification.Cli.Plots;

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
    internal static (double T0, double T1)? Parameters(double ax, double ay, double bx, double by, double left, double right, double low, double high)
    {
        if (!double.IsFinite(ax) || !double.IsFinite(ay) || !double.IsFinite(bx) || !double.IsFinite(by))
            return null;
        double dx = bx - ax, dy = by - ay, t0 = 0, t1 = 1;
        return Cut(-dx, ax - left, ref t0, ref t1) && Cut(dx, right - ax, ref t0, ref t1)
            && Cut(-dy, ay - low, ref t0, ref t1) && Cut(dy, high - ay, ref t0, ref t1)
            ? (t0, t1)
            : null;
    }

    /// <summary>Whether the segment a → b meets the closed rectangle [left, right] × [low, high].</summary>
    internal static bool Meets(double ax, double ay, double bx, double by, double left, double right, double low, double high) =>
        Parameters(ax, ay, bx, by, left, right, low, high) is not null;

    /// <summary>
    /// The pieces of the polyline <paramref name="points"/> inside <paramref name="window"/>, each a polyline of at least
    /// one point: a path that leaves the window and comes back gives two pieces, cut where it crosses the frame. The
    /// crossing points are computed in double precision and then clamped into the window, which moves them by rounding
    /// error only, so every returned point lies in the window exactly.
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
            if (Parameters(a.X, a.Y, b.X, b.Y, window.Left, window.Right, window.Bottom, window.Top) is not var (t0, t1))
            {
                Close(ref current, pieces);
                continue;
            }
            // An open piece means the previous segment ended inside, at a, so this one starts inside (t₀ = 0).
            if (current is null)
                current = [At(a, b, t0, window)];
            current.Add(At(a, b, t1, window));
            if (t1 < 1)
                Close(ref current, pieces);
        }
        Close(ref current, pieces);
        return pieces;
    }

    private static bool Cut(double p, double q, ref double t0, ref double t1)
    {
        if (p == 0)
            return q >= 0; // parallel to this edge: inside its half-plane throughout, or outside throughout
        double r = q / p;
        if (p < 0)
        {
            if (r > t1) return false;
            if (r > t0) t0 = r;
        }
        else
        {
            if (r < t0) return false;
            if (r < t1) t1 = r;
        }
        return true;
    }

    /// <summary>a + t(b − a), exact at t = 0 and t = 1, clamped into <paramref name="window"/> (a rounding-level move).</summary>
    private static Coordinates At(Coordinates a, Coordinates b, double t, CoordinateRect window)
    {
        var p = t == 0 ? a : t == 1 ? b : new Coordinates(a.X + t * (b.X - a.X), a.Y + t * (b.Y - a.Y));
        return new Coordinates(System.Math.Clamp(p.X, window.Left, window.Right), System.Math.Clamp(p.Y, window.Bottom, window.Top));
    }

    private static void Close(ref List<Coordinates>? current, List<Coordinates[]> pieces)
    {
        if (current is not null)
            pieces.Add(current.ToArray());
        current = null;
    }
}
