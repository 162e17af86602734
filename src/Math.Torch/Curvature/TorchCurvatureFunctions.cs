using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using static TorchSharp.torch;

namespace Verification.Numerics.Torch.Curvature;

/// <summary>
/// The reference models and likelihoods of <see cref="Verification.Numerics.Curvature"/> as differentiable torch expressions
/// (same formulas, written with torch operations), so autograd can differentiate them independently of the closed forms.
/// </summary>
public static class TorchCurvatureFunctions
{
    /// <summary>f(x, θ) for a reference model; x and θ are 1-D tensors of one dtype and device.</summary>
    /// <exception cref="ArgumentException">An unsupported model type, or lengths that do not match the model.</exception>
    public static Tensor Output(IModel model, Tensor x, Tensor theta)
    {
        ArgumentNullException.ThrowIfNull(model);
        TorchArguments.Vector(x, nameof(x));
        TorchArguments.SameKind(x, nameof(x), theta, nameof(theta));
        if (x.shape[0] != model.InputDimension)
            throw new ArgumentException($"x has length {x.shape[0]}, expected {model.InputDimension}.", nameof(x));
        if (theta.Dimensions != 1 || theta.shape[0] != model.ParameterDimension)
            throw new ArgumentException($"theta has shape {TorchArguments.ShapeText(theta.shape)}, expected [{model.ParameterDimension}].", nameof(theta));
        var one = ones(1, x.dtype, x.device);
        switch (model)
        {
            case LinearModel lin:
            {
                var xt = lin.Bias ? cat([x, one]) : x;
                return theta.reshape(lin.OutputDimension, lin.Width).mv(xt);
            }
            case CurvedLinearModel cl:
                return x.dot(theta).Plus(theta.dot(theta).Times(cl.Curvature / 2)).reshape(1);
            case TanhMlp mlp:
            {
                int d = mlp.InputDimension, h = mlp.Hidden;
                var w1 = theta[..(h * (d + 1))].reshape(h, d + 1);
                var w2 = theta[(h * (d + 1))..].reshape(mlp.OutputDimension, h + 1);
                var hidden = w1.mv(cat([x, one])).tanh();
                return w2.mv(cat([hidden, one]));
            }
            default:
                throw new ArgumentException($"no tensor form for model {model.Name}.", nameof(model));
        }
    }

    /// <summary>log p(y|f) for a reference likelihood; f a 1-D tensor of length M.</summary>
    /// <exception cref="ArgumentException">An unsupported likelihood, a wrong length, or a label outside the support.</exception>
    public static Tensor LogDensity(ILikelihood likelihood, double y, Tensor f)
    {
        ArgumentNullException.ThrowIfNull(likelihood);
        TorchArguments.Vector(f, nameof(f));
        if (f.shape[0] != likelihood.OutputDimension)
            throw new ArgumentException($"f has length {f.shape[0]}, expected {likelihood.OutputDimension}.", nameof(f));
        likelihood.ValidateLabel(y, nameof(y));
        switch (likelihood)
        {
            case GaussianIdentity g:
            {
                var r = f[0].SubtractedFrom(y);
                return (-(r * r)).DividedBy(2 * g.Variance).Minus(0.5 * Math.Log(2 * Math.PI * g.Variance));
            }
            case BernoulliLogit:
                return f[0].Times(y) - nn.functional.softplus(f[0]);
            case CategoricalSoftmax:
                return f[(long)y] - f.logsumexp(0);
            case PoissonLog:
                return (f[0].Times(y) - f[0].exp()).Minus(PoissonLog.LogFactorial(y));
            case BernoulliProbability:
                return y == 1 ? f[0].log() : f[0].SubtractedFrom(1).log();
            case GaussianMeanVariance:
            {
                var r = f[0].SubtractedFrom(y);
                return -(r * r) / f[1].Times(2) - f[1].Times(2 * Math.PI).log().Times(0.5);
            }
            default:
                throw new ArgumentException($"no tensor form for likelihood {likelihood.Name}.", nameof(likelihood));
        }
    }
}
