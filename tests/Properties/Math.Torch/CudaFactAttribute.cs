using Xunit;

namespace Verification.Tests.Properties.Numerics.Torch;

/// <summary>
/// A fact that needs a CUDA device: skipped, with <see cref="TestDevices"/>' reason shown in the test report, when
/// <c>torch.cuda.is_available()</c> is false (e.g. the TorchSharp-cpu build) — never a silent pass.
/// </summary>
public sealed class CudaFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> unless CUDA is usable.</summary>
    public CudaFactAttribute()
    {
        if (TestDevices.UnavailableReason(TestDevices.Cuda) is { } reason)
            Skip = reason;
    }
}

/// <summary>A fact that only makes sense without CUDA (e.g. that requesting CUDA fails); skipped where CUDA exists.</summary>
public sealed class NoCudaFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when CUDA is usable.</summary>
    public NoCudaFactAttribute()
    {
        if (TestDevices.UnavailableReason(TestDevices.Cuda) is null)
            Skip = "CUDA is available here; this test checks the behaviour without it.";
    }
}
