using System.Globalization;
using System.Reflection;
using TorchSharp;
using Verification.Tests.Properties.Numerics.Torch.Curvature;
using Verification.Tests.Properties.Numerics.Torch.Lodo;
using Verification.Tests.Properties.Numerics.Torch.SignGeometry;
using Verification.Tests.Properties.Numerics.Torch.Stochastic;
using Verification.Tests.Properties.Optimizers.Torch;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Numerics.Torch;

/// <summary>
/// One comparison of a tensor result with its reference: |actual[i] − expected[i]| ≤ <paramref name="Tolerance"/>·scale[i]
/// for every i, checked by <see cref="Tolerances.AssertClose"/>.
/// </summary>
/// <param name="What">What is compared (shown on failure).</param>
/// <param name="Expected">The reference values (double-precision reference, closed form or exact value).</param>
/// <param name="Actual">The tensor values, copied to float64 on the CPU.</param>
/// <param name="Scale">The per-entry scale the tolerance multiplies (see the case's derivation).</param>
/// <param name="Tolerance">The tolerance derived for this operation and dtype.</param>
/// <param name="Input">The input behind entry i, for the failure message.</param>
internal sealed record Agreement(string What, double[] Expected, double[] Actual, double[] Scale, double Tolerance, Func<int, string> Input);

/// <summary>
/// One case of the agreement table: a tensor function or tensor optimizer, run by <see cref="Run"/> on a device and
/// dtype and compared with its reference. Each <see cref="Agreement"/> it returns carries the tolerance derived per
/// operation for that dtype; the derivation is in the doc comment where the case is defined.
/// </summary>
/// <param name="Name">Unique, stable name: "area/what".</param>
/// <param name="Covers">The public members of the tensor API the case runs, as <see cref="TensorApi.Member"/> keys.</param>
/// <param name="Run">Runs the tensor side on (device, dtype) and returns its comparisons with the reference.</param>
internal sealed record AgreementCase(string Name, string[] Covers, Func<Device, ScalarType, IEnumerable<Agreement>> Run)
{
    /// <summary>The dtypes the case runs in: float64 always, float32 wherever the tensor side supports it.</summary>
    public ScalarType[] Dtypes { get; init; } = [ScalarType.Float64, ScalarType.Float32];
}

/// <summary>
/// The rows of the agreement table on one device: every case × its dtypes. On a device that is not available here every
/// row is reported as skipped with the reason (xunit reads <see cref="DataAttribute.Skip"/> per data attribute), never
/// passed silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class AgreementRowsAttribute : DataAttribute
{
    /// <summary>Rows for <paramref name="device"/> (one of <see cref="TestDevices.All"/>).</summary>
    public AgreementRowsAttribute(string device)
    {
        Device = device;
        if (TestDevices.UnavailableReason(device) is { } reason)
            Skip = reason;
    }

    /// <summary>The device of these rows.</summary>
    public string Device { get; }

    /// <inheritdoc />
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        AgreementTable.Cases.SelectMany(c => c.Dtypes.Select(t => new object[] { c.Name, Device, AgreementTable.DtypeName(t) }));
}

/// <summary>
/// Issue 15, item 2: every tensor function and tensor optimizer of src/Numerics.Torch and src/Optimizers.Torch against its
/// reference, in one table of (case × device × dtype). The cases are listed in <see cref="Cases"/>, one list per area
/// (ELMO, curvature, LODO, sign geometry, stochastic steps, optimizers), each case with its tolerance derived per operation;
/// <see cref="AgreementCoverage"/> fails if a public member of the tensor API has no case. Float32 rows round the inputs to
/// float32 and give the reference those same values; a reference value beyond float32's range is expected as the ±∞ that
/// the correctly rounded float32 result is. Each passing row writes how much of its tolerance it used.
/// </summary>
public class AgreementTable(ITestOutputHelper output)
{
    /// <summary>The single list of agreement cases.</summary>
    internal static IReadOnlyList<AgreementCase> Cases { get; } =
    [
        .. ElmoAgreementCases.All,
        .. CurvatureAgreementCases.All,
        .. LodoAgreementCases.All,
        .. SignGeometryAgreementCases.All,
        .. StochasticAgreementCases.All,
        .. OptimizerAgreementCases.All,
    ];

    internal static string DtypeName(ScalarType dtype) => dtype switch
    {
        ScalarType.Float64 => "float64",
        ScalarType.Float32 => "float32",
        _ => throw new ArgumentException($"dtype must be Float64 or Float32, got {dtype}.", nameof(dtype)),
    };

    private static ScalarType ParseDtype(string dtype) => dtype switch
    {
        "float64" => ScalarType.Float64,
        "float32" => ScalarType.Float32,
        _ => throw new ArgumentException($"unknown dtype '{dtype}'.", nameof(dtype)),
    };

    /// <summary>The tensor side of <paramref name="case"/> on <paramref name="device"/> in <paramref name="dtype"/> matches the reference within the derived tolerance.</summary>
    [Theory]
    [AgreementRows(TestDevices.Cpu)]
    [AgreementRows(TestDevices.Cuda)]
    public void Tensor_MatchesReference(string @case, string device, string dtype)
    {
        var agreementCase = Cases.Single(c => c.Name == @case);
        var type = ParseDtype(dtype);
        int comparisons = 0;
        double worst = 0;
        using (NewDisposeScope())
        {
            foreach (var a in agreementCase.Run(TestDevices.Resolve(device), type))
            {
                // In float32 a reference value beyond float32's range is expected as the overflow the correctly rounded
                // float32 result is (±∞); below that the reference is compared as it is.
                var expected = type == ScalarType.Float32
                    ? a.Expected.Select(x => double.IsInfinity((float)x) ? (double)(float)x : x).ToArray()
                    : a.Expected;
                double ratio = Tolerances.AssertClose($"{@case} [{device}, {dtype}] {a.What}", expected, a.Actual, a.Scale, a.Tolerance, a.Input);
                worst = Math.Max(worst, ratio);
                comparisons += a.Expected.Length;
            }
        }
        // A case that compares nothing would pass whatever the tensor side does.
        Assert.True(comparisons > 0, $"{@case} compared no values.");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{@case} [{device}, {dtype}]: {comparisons} values, worst |diff| / (tolerance·scale) = {worst:G3}"));
    }

    /// <summary>Names are unique and every case has float64 rows and names the API it covers.</summary>
    [Fact]
    public void Table_IsWellFormed()
    {
        var duplicates = Cases.GroupBy(c => c.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.True(duplicates.Length == 0, $"duplicate case names: {string.Join(", ", duplicates)}");
        Assert.All(Cases, c =>
        {
            Assert.Contains(ScalarType.Float64, c.Dtypes);
            Assert.NotEmpty(c.Covers);
        });
    }

    /// <summary>
    /// Every device has a row for every (case, dtype): the CUDA rows are generated from the same list and skipped as a
    /// whole with the reason, so a case can never be CPU-only by omission.
    /// </summary>
    [Fact]
    public void EveryDevice_HasEveryRow()
    {
        var method = typeof(AgreementTable).GetMethod(nameof(Tensor_MatchesReference))!;
        var attributes = method.GetCustomAttributes<AgreementRowsAttribute>().ToArray();
        Assert.Equal(TestDevices.All, attributes.Select(a => a.Device).ToArray());
        int rows = Cases.Sum(c => c.Dtypes.Length);
        foreach (var attribute in attributes)
        {
            Assert.Equal(rows, attribute.GetData(method).Count());
            if (TestDevices.UnavailableReason(attribute.Device) is { } reason)
                Assert.Equal(reason, attribute.Skip);
            else
                Assert.Null(attribute.Skip);
        }
    }
}

/// <summary>Keys for the public members of the tensor API, shared by the cases (<see cref="AgreementCase.Covers"/>) and <see cref="AgreementCoverage"/>.</summary>
internal static class TensorApi
{
    /// <summary>"Type.Member" for a member of <paramref name="type"/> (nested types as "Outer.Inner"; constructors ".ctor").</summary>
    public static string Member(Type type, string member) => $"{TypeName(type)}.{member}";

    /// <summary>The constructors of <paramref name="type"/>.</summary>
    public static string Constructor(Type type) => Member(type, ".ctor");

    /// <summary>"Outer.Inner" for nested types, the simple name otherwise.</summary>
    public static string TypeName(Type type) => type.DeclaringType is null ? type.Name : $"{TypeName(type.DeclaringType)}.{type.Name}";
}

/// <summary>Why the reference and the tensor side may legitimately part, raised where a case cannot be certified.</summary>
internal sealed class UncertifiableCaseException(string message) : XunitException(message);
