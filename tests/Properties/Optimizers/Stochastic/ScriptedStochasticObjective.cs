using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers;
using Verification.Optimizers.Stochastic;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>
/// A test double: a stochastic objective whose sampler hands out a fixed script of minibatch samples (whatever θ), with a
/// fixed exact gradient ∇f and closed-form diag Σ, so a step rule's arithmetic can be checked against values by hand.
/// </summary>
internal sealed class ScriptedStochasticObjective(Vector<double> exactGradient, Vector<double>? variance, params GradientSample[] script)
    : IStochasticObjective
{
    public string Name => "scripted";

    public int Dimension => exactGradient.Count;

    public double Value(Vector<double> theta) => exactGradient * theta;

    public Vector<double> Gradient(Vector<double> theta) => exactGradient.Clone();

    public Matrix<double> Hessian(Vector<double> theta) => Matrix<double>.Build.Dense(Dimension, Dimension);

    public IGradientSampler OpenSampler() => new Sampler(script);

    public Vector<double>? PerSampleVariance(Vector<double> theta) => variance?.Clone();

    private sealed class Sampler(GradientSample[] script) : IGradientSampler
    {
        private int next;

        public GradientSample Sample(Vector<double> theta, int batchSize) => script[next++];
    }
}

/// <summary>A deterministic linear objective f(θ) = c·θ: its exact gradient is c at every θ.</summary>
internal sealed class LinearObjective(params double[] c) : IObjective
{
    private readonly Vector<double> slope = Vector<double>.Build.DenseOfArray(c);

    public string Name => "linear";

    public int Dimension => slope.Count;

    public double Value(Vector<double> theta) => slope * theta;

    public Vector<double> Gradient(Vector<double> theta) => slope.Clone();

    public Matrix<double> Hessian(Vector<double> theta) => Matrix<double>.Build.Dense(Dimension, Dimension);
}
