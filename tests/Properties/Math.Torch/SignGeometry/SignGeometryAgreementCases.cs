using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.SignGeometry;
using Verification.Numerics.Torch.SignGeometry;
using Verification.Optimizers;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Sign;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Numerics.Torch.SignGeometry;

/// <summary>
/// Agreement cases of src/Numerics.Torch/SignGeometry (balles-thesis ch. 6): ‖H‖∞,1 by batched enumeration against
/// <see cref="InfToOneNorm"/>, the sign steps (6.1), (6.10) against <see cref="SignGradientDescent"/> and
/// <see cref="NormScaledSignGradientDescent"/>, and batched runs on quadratics against <see cref="Trajectory.Record"/>.
/// </summary>
internal static class SignGeometryAgreementCases
{
    private static Gen<double[][,]> IntegerBatches { get; } =
        from b in Gen.Choose(1, 4)
        from d in Gen.Choose(1, 8)
        from ms in Gen.Choose(-5, 5).Select(x => (double)x).ArrayOf(d * d).Select(u => Symmetric(d, u)).ArrayOf(b)
        select ms;

    private static Gen<double[][,]> RealBatches { get; } =
        from b in Gen.Choose(1, 4)
        from d in Gen.Choose(1, 8)
        from ms in Verification.Engine.Generators.EdgeDoubles.Unit.Select(x => 2 * x - 1).ArrayOf(d * d).Select(u => Symmetric(d, u)).ArrayOf(b)
        select ms;

    public static IEnumerable<AgreementCase> All => [InfToOneInteger, InfToOneReal, SignStep, NormScaledStep, RunPlain, RunNormScaled];

    /// <summary>
    /// ‖H‖∞,1 of batches (1–4 matrices, d = 1…8) of symmetric matrices with integer entries in [−5, 5]: every product and sum
    /// is an integer below 2⁸, exact in both precisions, so the values agree exactly, and so does ‖Hx‖₁ at the tensor's
    /// maximizing vertex (which may differ from the reference's where vertices tie).
    /// </summary>
    private static AgreementCase InfToOneInteger { get; } = new("sign/inf-to-one-norm/integer",
        [TensorApi.Member(typeof(TorchInfToOneNorm), nameof(TorchInfToOneNorm.Compute))],
        (device, dtype) => TorchGenerators.Sample(IntegerBatches, 60, 20261210).Select(batch => InfToOne(batch, device, dtype, _ => 0)).ToArray());

    /// <summary>
    /// ‖H‖∞,1 of real symmetric matrices (entries in [−1, 1], d = 1…8). Each ‖Hx‖₁ is d d-term sums of ±H_ij and a d-term
    /// sum of their magnitudes: within 2d·u·Σ|H_ij| on the tensor side. The reference returns ‖Hx‖₁ recomputed (2d·u) at a
    /// vertex chosen with Gray-code updates, each adding one rounding of magnitude ≤ 3Σ|H_ij| to the running values, at most
    /// 2^(d−1) of them: it undershoots the maximum by at most 2·3·2^(d−1)·u·Σ|H_ij|. The tensor's maximizer may be a vertex
    /// whose value is within twice its own error of the maximum. Tolerance k·u·Σ|H_ij| with k = 4d (tensor) +
    /// 2d + 6·2^(d−1) (reference), for the value and for ‖Hx‖₁ at the tensor's maximizer.
    /// </summary>
    private static AgreementCase InfToOneReal { get; } = new("sign/inf-to-one-norm/real",
        [TensorApi.Member(typeof(TorchInfToOneNorm), nameof(TorchInfToOneNorm.Compute))],
        (device, dtype) => TorchGenerators.Sample(RealBatches, 60, 20261211)
            .Select(batch => InfToOne(Round(batch, dtype), device, dtype, d => Tolerances.Torch.Chains(4 * d, 2 * d + 6 * (1 << (d - 1)), dtype))).ToArray());

    /// <summary>
    /// −α·sign(g) row by row (eq. 6.1) against <see cref="SignGradientDescent"/> at θ = 0 of ½θᵀIθ + gᵀθ (whose gradient is
    /// exactly g): α·(±1 or 0) is exact (α rounded to the dtype first), so the steps agree exactly, zeros included.
    /// </summary>
    private static AgreementCase SignStep { get; } = new("sign/sign-step",
        [TensorApi.Member(typeof(TorchSignDescent), nameof(TorchSignDescent.SignStep))],
        (device, dtype) =>
        {
            var rows = Gradients(dtype);
            double alpha = dtype == ScalarType.Float64 ? 0.05 : (float)0.05;
            var expected = rows.SelectMany(g => new SignGradientDescent(alpha).Update(AtGradient(g), Vector<double>.Build.Dense(g.Count))).ToArray();
            var actual = TensorConvert.ToDoubles(TorchSignDescent.SignStep(Stack(rows, dtype, device), alpha));
            return [new Agreement("−α·sign(g)", expected, actual, Tolerances.Uniform(expected.Length, 1), 0, i => $"row {i / rows[0].Count}, entry {i % rows[0].Count}")];
        });

    /// <summary>
    /// −(‖g‖₁/L∞)·sign(g) row by row (eq. 6.10) against <see cref="NormScaledSignGradientDescent.StepFor"/>: a d-term sum of
    /// magnitudes and one quotient, d·u relative on each side; tolerance Chains(d, d) of max(|a|, |b|).
    /// </summary>
    private static AgreementCase NormScaledStep { get; } = new("sign/norm-scaled-step",
        [TensorApi.Member(typeof(TorchSignDescent), nameof(TorchSignDescent.NormScaledStep))],
        (device, dtype) =>
        {
            var rows = Gradients(dtype);
            var lInfinity = rows.Select((_, b) => dtype == ScalarType.Float64 ? 0.5 + b : (float)(0.5 + b * 1.1)).ToArray();
            var expected = rows.SelectMany((g, b) => new NormScaledSignGradientDescent(lInfinity[b]).StepFor(g)).ToArray();
            var actual = TensorConvert.ToDoubles(TorchSignDescent.NormScaledStep(Stack(rows, dtype, device), TensorConvert.Vector(lInfinity, dtype, device)));
            int d = rows[0].Count;
            return [new Agreement("−(‖g‖₁/L∞)·sign(g)", expected, actual, Tolerances.MaxMagnitude(expected, actual), Tolerances.Torch.Chains(d, d, dtype),
                i => $"row {i / d}, entry {i % d}")];
        });

    /// <summary>12 steps of −α·sign(∇f) on four quadratics at once; drift bound of <see cref="SignRunBound"/>.</summary>
    private static AgreementCase RunPlain { get; } = new("sign/run/plain",
        [TensorApi.Member(typeof(TorchSignDescent), nameof(TorchSignDescent.Run))],
        (device, dtype) => Run(normScaled: false, device, dtype));

    /// <summary>
    /// 12 steps (float32: 8) of the norm-scaled step (6.10) on four quadratics at once; drift bound of
    /// <see cref="SignRunBound"/>. The norm-scaled step can double a drift per step (its radius moves with ‖HΔθ‖₁ ≤ L∞·e), so
    /// in float32 the certified bound reaches the smallest |∂_i f| of these runs (≈ 3e-4) after about 10 steps, beyond which
    /// the signs, and so the runs, may legitimately part.
    /// </summary>
    private static AgreementCase RunNormScaled { get; } = new("sign/run/norm-scaled",
        [TensorApi.Member(typeof(TorchSignDescent), nameof(TorchSignDescent.Run))],
        (device, dtype) => Run(normScaled: true, device, dtype));

    private static double[,] Symmetric(int d, double[] u)
    {
        var h = new double[d, d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                h[i, j] = u[Math.Min(i, j) * d + Math.Max(i, j)];
        return h;
    }

    private static double[][,] Round(double[][,] batch, ScalarType dtype) => dtype == ScalarType.Float64
        ? batch
        : batch.Select(m => Matrix<double>.Build.DenseOfArray(m).Map(x => (double)(float)x).ToArray()).ToArray();

    private static Agreement InfToOne(double[][,] batch, Device device, ScalarType dtype, Func<int, double> tolerance)
    {
        int d = batch[0].GetLength(0);
        var h = stack(batch.Select(m => tensor(m, ScalarType.Float64))).to(dtype, device);
        var (values, maximizers) = TorchInfToOneNorm.Compute(h);
        var got = TensorConvert.ToDoubles(values);
        var x = TensorConvert.ToDoubles(maximizers);
        var matrices = batch.Select(m => Matrix<double>.Build.DenseOfArray(m)).ToArray();
        var expected = matrices.Select(m => InfToOneNorm.Compute(m).Value).ToArray();
        var atMaximizer = matrices.Select((m, b) => InfToOneNorm.AtVertex(m, Vector<double>.Build.DenseOfArray(x.Skip(b * d).Take(d).ToArray()))).ToArray();
        var scale = matrices.Select(m => m.Enumerate().Sum(Math.Abs)).ToArray();
        // Compared as one vector: the tensor's values, then ‖Hx‖₁ (in float64) at the tensor's maximizers.
        return new Agreement($"‖H‖∞,1 and ‖Hx*‖₁ (d = {d})", [.. expected, .. expected], [.. got, .. atMaximizer], [.. scale, .. scale], tolerance(d),
            i => $"{(i < batch.Length ? "value" : "at the tensor's maximizer")} of matrix {i % batch.Length}: {Show(batch[i % batch.Length])}");
    }

    private static string Show(double[,] m) => "[" + string.Join("; ", Enumerable.Range(0, m.GetLength(0)).Select(i =>
        string.Join(", ", Enumerable.Range(0, m.GetLength(1)).Select(j => m[i, j].ToString("R", System.Globalization.CultureInfo.InvariantCulture))))) + "]";

    /// <summary>Gradient rows with zeros, both signs and magnitudes from 1e-3 to 10 (rounded to the dtype).</summary>
    private static Vector<double>[] Gradients(ScalarType dtype)
    {
        var random = new System.Random(20261212);
        return Enumerable.Range(0, 16).Select(b => Vector<double>.Build.Dense(7, i =>
        {
            double x = i == b % 7 ? 0 : (random.Next(2) * 2 - 1) * Math.Pow(10, random.NextDouble() * 4 - 3);
            return dtype == ScalarType.Float64 ? x : (float)x;
        })).ToArray();
    }

    private static Quadratic AtGradient(Vector<double> g) => new(Matrix<double>.Build.DenseIdentity(g.Count), -g);

    private static Tensor Stack(Vector<double>[] rows, ScalarType dtype, Device device) =>
        stack(rows.Select(r => tensor(r.ToArray(), ScalarType.Float64))).to(dtype, device);

    /// <summary>Seeded dense quadratics ½θᵀHθ − bᵀθ, H = BᵀB + I/4, rounded to the dtype.</summary>
    private static (Matrix<double> H, Vector<double> B, Vector<double> Theta0)[] Problems(int count, int d, int seed, ScalarType dtype)
    {
        var random = new System.Random(seed);
        double Round(double x) => dtype == ScalarType.Float64 ? x : (float)x;
        return Enumerable.Range(0, count).Select(_ =>
        {
            var b = Matrix<double>.Build.Dense(d, d, (_, _) => random.NextDouble() - 0.5);
            var h = b.TransposeThisAndMultiply(b) + 0.25 * Matrix<double>.Build.DenseIdentity(d);
            h = ((h + h.Transpose()) / 2).Map(Round);
            return (h, Vector<double>.Build.Dense(d, _ => Round(random.NextDouble() - 0.5)), Vector<double>.Build.Dense(d, _ => Round(random.NextDouble() * 4 - 2)));
        }).ToArray();
    }

    private static IEnumerable<Agreement> Run(bool normScaled, Device device, ScalarType dtype)
    {
        const int d = 5;
        int steps = normScaled && dtype == ScalarType.Float32 ? 8 : 12;
        double alpha = dtype == ScalarType.Float64 ? 0.05 : (float)0.05;
        var problems = Problems(4, d, normScaled ? 610 : 61, dtype);
        var hs = stack(problems.Select(p => tensor(p.H.ToArray()))).to(dtype, device);
        var bs = stack(problems.Select(p => tensor(p.B.ToArray()))).to(dtype, device);
        var t0 = stack(problems.Select(p => tensor(p.Theta0.ToArray()))).to(dtype, device);
        var lInf = problems.Select(p => InfToOneNorm.Compute(p.H).Value).Select(l => dtype == ScalarType.Float64 ? l : (float)l).ToArray();
        var run = normScaled
            ? TorchSignDescent.Run(hs, bs, t0, steps, lInfinity: TensorConvert.Vector(lInf, dtype, device))
            : TorchSignDescent.Run(hs, bs, t0, steps, stepSize: alpha);
        var got = TensorConvert.ToDoubles(run);
        for (int p = 0; p < problems.Length; p++)
        {
            IOptimizer optimizer = normScaled ? new NormScaledSignGradientDescent(lInf[p]) : new SignGradientDescent(alpha);
            var reference = Trajectory.Record(optimizer, new Quadratic(problems[p].H, problems[p].B), problems[p].Theta0, steps);
            var bound = new SignRunBound(problems[p].H, problems[p].B, normScaled ? lInf[p] : null, dtype);
            for (int t = 0; t <= steps; t++)
            {
                var drift = bound.Drift;
                var expected = reference.Points[t].ToArray();
                var actual = got.Skip((p * (steps + 1) + t) * d).Take(d).ToArray();
                yield return new Agreement($"θ_{t} of problem {p}", expected, actual, Tolerances.Uniform(d, drift), Tolerances.Torch.FirstOrderBound, i => $"entry {i}");
                if (t < steps)
                    bound.Advance(reference.Points[t], reference.Points[t + 1]);
            }
        }
    }
}
