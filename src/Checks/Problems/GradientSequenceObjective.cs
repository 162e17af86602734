using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Verification.Checks.Search;
using Verification.Engine;
using Verification.Optimizers;

namespace Verification.Checks.Problems;

/// <summary>
/// A one-dimensional objective whose gradient grows (or decays) geometrically along the run that visits it: the k-th
/// distinct point θ_(k) an optimizer asks about gets ∇f = −r^k. That is the gradient sequence that attains the
/// Cauchy–Schwarz bound on Adam's |m̂_t|/√v̂_t (r = β₂/β₁; docs/torchsharp-optimizers.md), which generated quadratics
/// never produce. It is built in two passes so that the counterexample is about one fixed function: <see cref="Record"/>
/// lets the optimizer choose the points, and the result is the function f with f' = −r^k on [θ_(k), θ_(k+1)) in sorted
/// order (f' = −r^0 left of every point), piecewise linear; a deterministic optimizer run again on it from the same
/// θ₀ sees exactly the recorded gradients.
/// </summary>
public sealed class GradientSequenceObjective : IObjective
{
    private readonly double[] points;
    private readonly double[] slopes;
    private readonly double[] values;

    private GradientSequenceObjective(double growth, SortedDictionary<double, double> slopeAt)
    {
        Growth = growth;
        points = [.. slopeAt.Keys];
        slopes = [.. slopeAt.Values];
        values = new double[points.Length];
        for (int k = 1; k < points.Length; k++)
            values[k] = values[k - 1] + slopes[k - 1] * (points[k] - points[k - 1]);
    }

    /// <summary>r, the factor between the gradients of consecutive new points.</summary>
    public double Growth { get; }

    /// <summary>How many points the recorded run visited (the pieces of f).</summary>
    public int Pieces => points.Length;

    /// <inheritdoc />
    public string Name => $"gradient sequence −r^k, r = {Growth.ToString("R", CultureInfo.InvariantCulture)}, over {Pieces} points";

    /// <inheritdoc />
    public int Dimension => 1;

    /// <summary>
    /// Runs <paramref name="optimizer"/> for <paramref name="steps"/> steps from θ₀ = 0 on the lazily defined oracle
    /// (a new point gets the next power of <paramref name="growth"/>, a known point its own value) and returns the fixed
    /// objective through the points it visited. The powers stop growing before they overflow (a finite gradient).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="growth"/> not finite and &gt; 0, or <paramref name="steps"/> &lt; 1.</exception>
    public static GradientSequenceObjective Record(IOptimizer optimizer, double growth, int steps)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        if (!(growth > 0) || !double.IsFinite(growth))
            throw new ArgumentException($"growth must be finite and > 0, got {growth.ToString("R", CultureInfo.InvariantCulture)}.", nameof(growth));
        if (steps < 1)
            throw new ArgumentException($"steps must be ≥ 1, got {steps}.", nameof(steps));
        var oracle = new Recorder(growth);
        OptimizerTrajectory.Run(optimizer, oracle, Vector<double>.Build.Dense(1), steps, recordIterates: false);
        return new GradientSequenceObjective(growth, oracle.SlopeAt);
    }

    /// <inheritdoc />
    public double Value(Vector<double> theta)
    {
        double x = Coordinate(theta);
        int k = Piece(x);
        return values[k] + slopes[k] * (x - points[k]);
    }

    /// <inheritdoc />
    public Vector<double> Gradient(Vector<double> theta) => Vector<double>.Build.Dense(1, slopes[Piece(Coordinate(theta))]);

    /// <summary>0: f is piecewise linear (its Hessian is 0 between the points; first-order properties only).</summary>
    public Matrix<double> Hessian(Vector<double> theta)
    {
        Coordinate(theta);
        return Matrix<double>.Build.Dense(1, 1);
    }

    private static double Coordinate(Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(theta);
        if (theta.Count != 1)
            throw new ArgumentException($"theta must have length 1, got {theta.Count}.", nameof(theta));
        return theta[0];
    }

    /// <summary>The piece of x: the last recorded point ≤ x, or the first piece left of every point.</summary>
    private int Piece(double x)
    {
        int i = Array.BinarySearch(points, x);
        return i >= 0 ? i : Math.Max(0, ~i - 1);
    }

    /// <summary>The lazily defined oracle of the recording pass.</summary>
    private sealed class Recorder(double growth) : IObjective
    {
        private double next = 1;

        internal SortedDictionary<double, double> SlopeAt { get; } = [];

        public string Name => "gradient sequence (recording)";

        public int Dimension => 1;

        /// <summary>f of the function through the points recorded so far (its value at a point never changes once
        /// the points around it are known; only an optimizer that asks f beyond its last point can see it change).</summary>
        public double Value(Vector<double> theta) =>
            SlopeAt.Count == 0 ? 0 : new GradientSequenceObjective(growth, new SortedDictionary<double, double>(SlopeAt)).Value(theta);

        public Vector<double> Gradient(Vector<double> theta)
        {
            double x = Coordinate(theta);
            if (!SlopeAt.TryGetValue(x, out double slope))
            {
                slope = -next;
                SlopeAt[x] = slope;
                if (double.IsFinite(next * growth))
                    next *= growth;
            }
            return Vector<double>.Build.Dense(1, slope);
        }

        public Matrix<double> Hessian(Vector<double> theta)
        {
            Coordinate(theta);
            return Matrix<double>.Build.Dense(1, 1);
        }
    }

    /// <summary>
    /// The formalization over growth factors r ∈ [1/2, 2] (edges 1/2, 0.9, 1, 1.1, 2, then random r on a 2⁻¹⁰ grid,
    /// climbing by small changes of r): <paramref name="evaluate"/> is the property on the recorded objective from θ₀ = 0.
    /// </summary>
    internal static IFormalization Formalization(string description, string tolerance, IOptimizer optimizer, int steps, Func<IObjective, Vector<double>, Evaluation> evaluate) =>
        new PropertyStatement<double>
        {
            Name = "gradient-sequences",
            Description = description + " (on one-dimensional objectives whose gradient along the run is −r^k at the k-th new point, θ₀ = 0)",
            Tolerance = tolerance,
            Decide = r => evaluate(Record(optimizer, r, steps), Vector<double>.Build.Dense(1)),
            MinimumDistinctInputs = 1,
            Domain = new Domain<double>
            {
                Generator = Gen.Choose(512, 2048).Select(k => k / 1024.0),
                Edges = () => [0.5, 0.9, 1.0, 1.1, 2.0],
                Perturb = (r, random) => Math.Clamp(r + (random.Next(2) == 0 ? -1 : 1) * random.Next(1, 9) / 1024.0, 0.5, 2.0),
                Describe = r => [NamedValue.Text("objective", "f' = −r^k on [θ_(k), θ_(k+1)) of the points the run visits, k = 0, 1, …"), NamedValue.Of("r", r), NamedValue.Of("θ₀", 0.0)],
            },
        };
}
