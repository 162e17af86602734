using TorchSharp;
using static TorchSharp.torch;

namespace Verification.Tests.Properties;

/// <summary>
/// The one list of devices the device-parametrized tests run on: the CPU always, CUDA where
/// <c>torch.cuda.is_available()</c> is true. A test on a device that is not usable here is skipped with
/// <see cref="UnavailableReason"/> shown in the report — never passed silently. Used by the agreement table's rows
/// (<c>AgreementRowsAttribute</c>) and by <c>CudaFactAttribute</c> / <c>NoCudaFactAttribute</c>.
/// </summary>
internal static class TestDevices
{
    /// <summary>The CPU.</summary>
    public const string Cpu = "cpu";

    /// <summary>The first CUDA device.</summary>
    public const string Cuda = "cuda";

    /// <summary>Every device, in the order of the test rows.</summary>
    public static IReadOnlyList<string> All { get; } = [Cpu, Cuda];

    /// <summary>Why tests on <paramref name="device"/> cannot run here, or null when they can.</summary>
    public static string? UnavailableReason(string device) => device switch
    {
        Cpu => null,
        Cuda => CudaReason.Value,
        _ => throw new ArgumentException($"unknown device '{device}'; the devices are {string.Join(", ", All)}.", nameof(device)),
    };

    /// <summary>The TorchSharp device.</summary>
    public static Device Resolve(string device) => device switch
    {
        Cpu => CPU,
        Cuda => CUDA,
        _ => throw new ArgumentException($"unknown device '{device}'; the devices are {string.Join(", ", All)}.", nameof(device)),
    };

    /// <summary>CUDA is probed once per test run.</summary>
    private static readonly Lazy<string?> CudaReason = new(() =>
    {
        try
        {
            return torch.cuda.is_available()
                ? null
                : "CUDA not available (torch.cuda.is_available() is false: TorchSharp-cpu build or no GPU).";
        }
        catch (Exception ex) when (ex is TypeInitializationException or DllNotFoundException or NotSupportedException or InvalidOperationException)
        {
            return $"libtorch could not be probed for CUDA: {ex.GetType().Name}: {ex.Message}";
        }
    });
}
