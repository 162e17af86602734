using System.Globalization;
using System.Text;
using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Guarantees;

namespace Verification.Cli.Checking.Isolation;

/// <summary>
/// The line protocol between check-optimizer and its worker process: one message per line, space-separated tokens;
/// doubles as the 16 hex digits of their bits (exact), strings as base64 (UTF-8), vectors as n then n doubles,
/// matrices as rows, columns, then the entries row by row.
/// </summary>
internal static class WorkerProtocol
{
    internal static string Text(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));

    internal static string Text(string[] tokens, int i) => Encoding.UTF8.GetString(Convert.FromBase64String(tokens[i]));

    internal static string Double(double x) => BitConverter.DoubleToInt64Bits(x).ToString("X16", CultureInfo.InvariantCulture);

    internal static double Double(string token) => BitConverter.Int64BitsToDouble(long.Parse(token, NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    internal static string Int(int x) => x.ToString(CultureInfo.InvariantCulture);

    internal static int Int(string token) => int.Parse(token, NumberStyles.Integer, CultureInfo.InvariantCulture);

    internal static string Vector(Vector<double> v)
    {
        var sb = new StringBuilder(Int(v.Count));
        foreach (double x in v)
            sb.Append(' ').Append(Double(x));
        return sb.ToString();
    }

    /// <summary>The vector starting at token <paramref name="i"/>; <paramref name="i"/> moves past it.</summary>
    internal static Vector<double> Vector(string[] tokens, ref int i)
    {
        int n = Int(tokens[i++]);
        var v = Vector<double>.Build.Dense(n);
        for (int k = 0; k < n; k++)
            v[k] = Double(tokens[i++]);
        return v;
    }

    internal static string Matrix(Matrix<double> m)
    {
        var sb = new StringBuilder(Int(m.RowCount)).Append(' ').Append(Int(m.ColumnCount));
        for (int r = 0; r < m.RowCount; r++)
            for (int c = 0; c < m.ColumnCount; c++)
                sb.Append(' ').Append(Double(m[r, c]));
        return sb.ToString();
    }

    internal static Matrix<double> Matrix(string[] tokens, ref int i)
    {
        int rows = Int(tokens[i++]), columns = Int(tokens[i++]);
        var m = Matrix<double>.Build.Dense(rows, columns);
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
                m[r, c] = Double(tokens[i++]);
        return m;
    }

    /// <summary>An exception as "throw TYPE PARAM MESSAGE" (PARAM "-" when none); ArgumentExceptions keep their ParamName.</summary>
    internal static string Exception(Exception e)
    {
        string param = e is ArgumentException a && a.ParamName is { } p ? Text(p) : "-";
        string message = e is ArgumentException arg && arg.ParamName is { } name
            ? arg.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal)
            : e.Message;
        for (var inner = e.InnerException; inner is not null && e is TypeInitializationException or System.Reflection.TargetInvocationException or AggregateException; inner = inner.InnerException)
            message += $" ({inner.GetType().Name}: {inner.Message.Split('\n')[0].Trim()})";
        return $"throw {(e is ArgumentException ? "arg" : "other")} {Text(e.GetType().Name)} {param} {Text(message)}";
    }

    /// <summary>The exception a "throw" line stands for, rebuilt on this side.</summary>
    internal static Exception Exception(string[] tokens)
    {
        string type = Text(tokens, 2);
        string? param = tokens[3] == "-" ? null : Text(tokens, 3);
        string message = Text(tokens, 4);
        return tokens[1] == "arg"
            ? new Verification.Checks.UserArgumentException(type, message, param)
            : new Verification.Checks.UserCodeException(type, message);
    }

    /// <summary>A guarantee as tokens (its ID, then its parameters).</summary>
    internal static string Guarantee(Guarantee g) => g switch
    {
        DescentOnConvexQuadratics d => $"{d.Id} {Double(d.MaxCurvature)}",
        SteepestDescent s => $"{s.Id} {Int((int)s.Norm)} {Int((int)s.Scaling)} {Double(s.StepSize)}",
        MonotoneDescentOnConvexQuadratics m => $"{m.Id} {Double(m.MaxCurvature)} {Int(m.Steps)}",
        LinearConvergenceOnQuadratics l => $"{l.Id} {Double(l.MinCurvature)} {Double(l.MaxCurvature)} {Double(l.Rate)} {Int(l.Steps)}",
        BoundedStep b => $"{b.Id} {Double(b.Bound)} {Int(b.Steps)} {Text(b.Source)}",
        HeavyBallMomentum h => $"{h.Id} {Double(h.LearningRate)} {Double(h.Momentum)} {Int(h.Steps)}",
        _ => g.Id,
    };

    /// <summary>The guarantee at token <paramref name="i"/>; <paramref name="i"/> moves past it.</summary>
    internal static Guarantee Guarantee(string[] t, ref int i)
    {
        string id = t[i++];
        switch (id)
        {
            case "descent-on-convex-quadratics":
                return new DescentOnConvexQuadratics(Double(t[i++]));
            case "steepest-descent":
                var norm = (SteepestDescentNorm)Int(t[i++]);
                var scaling = (SteepestDescentScaling)Int(t[i++]);
                return new SteepestDescent(norm, scaling, Double(t[i++]));
            case "monotone-descent-on-convex-quadratics":
                double c = Double(t[i++]);
                return new MonotoneDescentOnConvexQuadratics(c, Int(t[i++]));
            case "linear-convergence-on-quadratics":
                double mu = Double(t[i++]), l = Double(t[i++]), rate = Double(t[i++]);
                return new LinearConvergenceOnQuadratics(mu, l, rate, Int(t[i++]));
            case "bounded-step":
                double bound = Double(t[i++]);
                int steps = Int(t[i++]);
                return new BoundedStep(bound, steps, Text(t, i++));
            case "heavy-ball-momentum":
                double eta = Double(t[i++]), beta = Double(t[i++]);
                return new HeavyBallMomentum(eta, beta, Int(t[i++]));
            case "quasi-newton": return new QuasiNewton();
            case "no-ascent-in-concave-directions": return new NoAscentInConcaveDirections();
            case "leaves-strict-saddles": return new LeavesStrictSaddles();
            case "objective-scale-invariance": return new ObjectiveScaleInvariance();
            case "rotation-equivariance": return new RotationEquivariance();
            case "fresh-runs": return new FreshRuns();
            default: throw new InvalidDataException($"unknown guarantee '{id}'");
        }
    }
}
