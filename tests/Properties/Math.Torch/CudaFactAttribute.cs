using TorchSharp;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Torch;

/// <summary>
/// A fact that needs a CUDA device: skipped, with the reason shown in the test report, when
/// <c>torch.cuda.is_available()</c> is false (e.g. the TorchSharp-cpu build) — never a silent pass.
/// </summary>
public sealed class CudaFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> unless CUDA is usable.</summary>
    public CudaFactAttribute()
    {
        if (CudaProbe.UnavailableReason is { } reason)
            Skip = reason;
    }
}

/// <summary>A fact that only makes sense without CUDA (e.g. that requesting CUDA fails); skipped where CUDA exists.</summary>
public sealed class NoCudaFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when CUDA is usable.</summary>
    public NoCudaFactAttribute()
    {
        if (CudaProbe.UnavailableReason is null)
            Skip = "CUDA is available here; this test checks the behaviour without it.";
    }
}

/// <summary>Probes CUDA once per test run.</summary>
internal static class CudaProbe
{
    private static readonly Lazy<string?> Reason = new(() =>
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

    /// <summary>Why CUDA tests cannot run, or null when they can.</summary>
    public static string? UnavailableReason => Reason.Value;
}
