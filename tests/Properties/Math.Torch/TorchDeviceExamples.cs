using TorchSharp;
using Verification.Numerics.Torch;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Torch;

/// <summary>Device choice: automatic, overridden to CPU, and CUDA requested with and without a GPU.</summary>
public class TorchDeviceExamples
{
    [Fact]
    public void Resolve_Cpu_IsCpuAndSaysWhy()
    {
        var device = TorchDevice.Resolve("CPU");
        Assert.False(device.IsCuda);
        Assert.Contains($"{TorchDevice.EnvironmentVariable}=cpu", device.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_Auto_PicksCudaExactlyWhenAvailable() =>
        Assert.Equal(torch.cuda.is_available(), TorchDevice.Resolve(null).IsCuda);

    [NoCudaFact]
    public void Resolve_Cuda_WithoutCuda_Throws() =>
        Assert.Throws<InvalidOperationException>(() => TorchDevice.Resolve("cuda"));

    [CudaFact]
    public void Resolve_Cuda_WithCuda_IsCuda() =>
        Assert.True(TorchDevice.Resolve("cuda").IsCuda);
}
