using ScottPlot;
using Verification.Figures;
using Xunit;

namespace Verification.Tests.Regression.Plots;

/// <summary>
/// Clipping polylines to a window, checked on hand-picked cases with exact answers and on every segment between two
/// points of a lattice around the window against sampling (a reference that does not share the clipping formula).
/// </summary>
public class SegmentClipExamples
{
    private static readonly CoordinateRect Window = new(-1, 2, -0.5, 1.5);

    /// <summary>How far a clipped point may be from the segment it was cut from: a few roundings of coordinates of size ≤ 4.</summary>
    private const double OnSegment = 1e-14;

    [Fact]
    public void SegmentThroughTheWindow_IsCutAtBothEdges()
    {
        // y = 0.5 from x = −3 to x = 4 enters at x = −1 and leaves at x = 2.
        var piece = Assert.Single(SegmentClip.Polyline([new Coordinates(-3, 0.5), new Coordinates(4, 0.5)], Window));
        Assert.Equal([new Coordinates(-1, 0.5), new Coordinates(2, 0.5)], piece);
    }

    [Fact]
    public void PathThatLeavesAndComesBack_GivesTwoPieces()
    {
        // (0, 0) → (0, 3) leaves through y = 1.5; (0, 3) → (1, 0) comes back through y = 1.5 at x = 0.5.
        var pieces = SegmentClip.Polyline([new Coordinates(0, 0), new Coordinates(0, 3), new Coordinates(1, 0), new Coordinates(1.5, 0)], Window);
        Assert.Equal(2, pieces.Count);
        Assert.Equal([new Coordinates(0, 0), new Coordinates(0, 1.5)], pieces[0]);
        Assert.Equal([new Coordinates(0.5, 1.5), new Coordinates(1, 0), new Coordinates(1.5, 0)], pieces[1]);
    }

    [Fact]
    public void PathInside_IsKeptWhole_AndPathOutside_Vanishes()
    {
        Coordinates[] inside = [new(0, 0), new(1, 1), new(2, 1.5), new(-1, -0.5)];
        Assert.Equal(inside, Assert.Single(SegmentClip.Polyline(inside, Window)));
        Assert.Empty(SegmentClip.Polyline([new Coordinates(3, 0), new Coordinates(3, 5), new Coordinates(-4, 5)], Window));
        Assert.Empty(SegmentClip.Polyline([new Coordinates(double.NaN, 0), new Coordinates(1, 1)], Window));
    }

    [Fact]
    public void SinglePoint_IsKeptOnlyInside()
    {
        Assert.Single(SegmentClip.Polyline([new Coordinates(2, 1.5)], Window));
        Assert.Empty(SegmentClip.Polyline([new Coordinates(2.000001, 1.5)], Window));
    }

    [Fact]
    public void EverySegmentOfALattice_ClipsToWhatSamplingSeesInside()
    {
        // Lattice points inside, on and outside the window (spacing 0.9 from −3: no point sits on an edge by accident
        // except where chosen); every ordered pair is a segment.
        var ticks = Enumerable.Range(0, 8).Select(i => -3 + 0.9 * i).Concat([-1, 2, -0.5, 1.5]).ToArray();
        var lattice = ticks.SelectMany(x => ticks.Select(y => new Coordinates(x, y))).ToArray();
        foreach (var a in lattice)
            foreach (var b in lattice)
            {
                var pieces = SegmentClip.Polyline([a, b], Window);
                if (pieces.Count > 1)
                    Assert.Fail($"{a} → {b}: a segment gives at most one piece, got {pieces.Count}");
                foreach (var c in pieces.SelectMany(p => p))
                {
                    if (!(c.X >= Window.Left && c.X <= Window.Right && c.Y >= Window.Bottom && c.Y <= Window.Top))
                        Assert.Fail($"{a} → {b}: {c} outside");
                    if (!(DistanceToSegment(c, a, b) <= OnSegment))
                        Assert.Fail($"{a} → {b}: {c} is not on the segment");
                }
                // Sampled points strictly inside the window must lie on the piece; points strictly outside must not.
                for (int k = 0; k <= 32; k++)
                {
                    double t = k / 32.0;
                    var s = new Coordinates(a.X + t * (b.X - a.X), a.Y + t * (b.Y - a.Y));
                    double margin = Math.Min(Math.Min(s.X - Window.Left, Window.Right - s.X), Math.Min(s.Y - Window.Bottom, Window.Top - s.Y));
                    bool covered = pieces.Count == 1 && DistanceToSegment(s, pieces[0][0], pieces[0][^1]) <= 1e-12;
                    // (Messages built only on failure: this loop runs millions of times.)
                    if (margin > 1e-9 && !covered)
                        Assert.Fail($"{a} → {b}: {s} is inside but not drawn");
                    if (margin < -1e-9 && covered)
                        Assert.Fail($"{a} → {b}: {s} is outside but drawn");
                }
            }
    }

    private static double DistanceToSegment(Coordinates p, Coordinates a, Coordinates b)
    {
        double dx = b.X - a.X, dy = b.Y - a.Y, length2 = dx * dx + dy * dy;
        double t = length2 == 0 ? 0 : Math.Clamp(((p.X - a.X) * dx + (p.Y - a.Y) * dy) / length2, 0, 1);
        double ex = p.X - (a.X + t * dx), ey = p.Y - (a.Y + t * dy);
        return Math.Sqrt(ex * ex + ey * ey);
    }
}
