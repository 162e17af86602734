using TorchSharp;
using static TorchSharp.torch;

namespace Verification.Numerics.Torch;

/// <summary>
/// The device tensor computations run on: CUDA when <c>torch.cuda.is_available()</c>, else CPU, unless the
/// environment variable <see cref="EnvironmentVariable"/> says <c>cpu</c> or <c>cuda</c>. Describes itself for reports.
/// </summary>
public sealed class TorchDevice
{
    /// <summary>Environment variable that overrides the automatic choice: <c>cpu</c> or <c>cuda</c> (case-insensitive).</summary>
    public const string EnvironmentVariable = "VERIFICATION_DEVICE";

    private static readonly Lazy<TorchDevice> DefaultDevice =
        new(() => Resolve(System.Environment.GetEnvironmentVariable(EnvironmentVariable)));

    private TorchDevice(Device device, string reason)
    {
        Device = device;
        Reason = reason;
    }

    /// <summary>The device chosen from <see cref="EnvironmentVariable"/> and CUDA availability, resolved once per process.</summary>
    public static TorchDevice Default => DefaultDevice.Value;

    /// <summary>The TorchSharp device.</summary>
    public Device Device { get; }

    /// <summary>Whether <see cref="Device"/> is a CUDA device.</summary>
    public bool IsCuda => Device.type == DeviceType.CUDA;

    /// <summary>Why this device was chosen (override or availability).</summary>
    public string Reason { get; }

    /// <summary>
    /// Resolves a device request: <c>null</c>/empty/<c>auto</c> picks CUDA if available else CPU; <c>cpu</c> forces CPU;
    /// <c>cuda</c> forces CUDA and fails if it is unavailable (an explicit request is never silently downgraded).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="requested"/> is none of auto, cpu, cuda.</exception>
    /// <exception cref="InvalidOperationException"><c>cuda</c> requested but <c>torch.cuda.is_available()</c> is false.</exception>
    public static TorchDevice Resolve(string? requested)
    {
        string request = (requested ?? "").Trim().ToLowerInvariant();
        switch (request)
        {
            case "" or "auto":
                return cuda.is_available()
                    ? new TorchDevice(CUDA, "auto: CUDA available")
                    : new TorchDevice(CPU, "auto: CUDA not available");
            case "cpu":
                return new TorchDevice(CPU, $"{EnvironmentVariable}=cpu");
            case "cuda":
                if (!cuda.is_available())
                    throw new InvalidOperationException(
                        $"{EnvironmentVariable}=cuda but torch.cuda.is_available() is false (TorchSharp-cpu build or no GPU).");
                return new TorchDevice(CUDA, $"{EnvironmentVariable}=cuda");
            default:
                throw new ArgumentException(
                    $"{nameof(requested)} must be one of auto, cpu, cuda (from {EnvironmentVariable}), got '{requested}'.",
                    nameof(requested));
        }
    }

    /// <summary>One line for reports, e.g. "cpu (libtorch 2.10.0, 2 threads; auto: CUDA not available)".</summary>
    public string Describe()
    {
        string where = IsCuda ? $"{Device} of {cuda.device_count()} CUDA device(s)" : $"cpu, {get_num_threads()} threads";
        return $"{Device.type.ToString().ToLowerInvariant()} (libtorch {__version__}, {where}; {Reason})";
    }

    /// <inheritdoc/>
    public override string ToString() => Describe();
}
