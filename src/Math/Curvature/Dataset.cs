using MathNet.Numerics.LinearAlgebra;

namespace Verification.Numerics.Curvature;

/// <summary>Training data (x_n, y_n), n = 1…N (balles-thesis eq. 7.1): inputs of one length D and finite labels.</summary>
public sealed class Dataset
{
    /// <summary>Validates and stores the data (copies).</summary>
    /// <exception cref="ArgumentException">Empty data, a count mismatch, inputs of different lengths, or a non-finite value.</exception>
    public Dataset(IReadOnlyList<Vector<double>> inputs, IReadOnlyList<double> labels)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(labels);
        if (inputs.Count == 0)
            throw new ArgumentException("inputs must not be empty.", nameof(inputs));
        Require.SameLength(inputs.Count, labels.Count, nameof(labels));
        for (int n = 0; n < inputs.Count; n++)
        {
            Require.Finite(inputs[n], $"inputs[{n}]");
            Require.SameLength(inputs[0].Count, inputs[n].Count, $"inputs[{n}]");
            Require.Finite(labels[n], $"labels[{n}]");
        }
        Inputs = inputs.Select(x => x.Clone()).ToArray();
        Labels = labels.ToArray();
    }

    /// <summary>x_n.</summary>
    public IReadOnlyList<Vector<double>> Inputs { get; }

    /// <summary>y_n.</summary>
    public IReadOnlyList<double> Labels { get; }

    /// <summary>N.</summary>
    public int Count => Labels.Count;

    /// <summary>D.</summary>
    public int InputDimension => Inputs[0].Count;
}
