using System.Linq.Expressions;
using BigInteger = System.Numerics.BigInteger;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics;

/// <summary>
/// Issue 15 items 1 and 3, swept by reflection: every public method and constructor of every public type of
/// Verification.Numerics, called with one non-nullable reference parameter null and every other argument a valid
/// sample, throws <see cref="ArgumentNullException"/> naming exactly that parameter (the house rule "public functions
/// reject bad input with an ArgumentException naming the parameter", applied to null). A member whose call with all
/// samples non-null does not return or reject with a plain argument error is skipped and counted, never passed; a
/// second test puts a floor on how many (member, parameter) pairs the sweep reaches, so a provider that silently
/// skips everything fails.
/// </summary>
public class NullArgumentRejectionExamples
{
    /// <summary>
    /// (member, parameter) pairs whose null check is, by design, not the first check the samples meet (another
    /// argument's shape is checked first and no generic sample fits it); each with its reason. Keyed
    /// "Type.Member(param)". Skipped by rule, also counted: exception types (a null message is the .NET convention),
    /// positional record constructors (result carriers that store what their producers validated), and the string
    /// label 'name' of the Require-style validators (it names the failure; it is not an input).
    /// </summary>
    private static readonly Dictionary<string, string> Exclusions = new(StringComparer.Ordinal)
    {
        // CheckLabelAndOutput checks y's length against the shape's label length before f: the samples' y (length 2,
        // and the one-dimensional set's shape) trips that first; f's null check follows in CheckLength.
        ["CurvatureFormulas.LogDensity(f)"] = "y's label length is checked before f",
        ["CurvatureFormulas.LogDensityDerivatives(f)"] = "y's label length is checked before f",
        // θ is checked first against the instance's parameter count (8 for the sampled block network, n² = 4 for the
        // dense one), which neither sample length (2 or 1) meets; v, a and u are then checked by CheckVector / Require.Finite.
        ["BlockPermutationPreconditioner.Apply(v)"] = "theta's length is checked before v",
        ["BlockPermutationPreconditioner.Factor(v)"] = "theta's length is checked before v",
        ["BlockPermutationPreconditioner.BilinearGradient(a)"] = "theta's length is checked before a",
        ["BlockPermutationPreconditioner.BilinearGradient(u)"] = "theta's length is checked before u",
        ["DensePreconditioner.BilinearGradient(a)"] = "theta's length is checked before a",
        ["DensePreconditioner.BilinearGradient(u)"] = "theta's length is checked before u",
    };

    [Fact]
    public void EveryNonNullableReferenceParameter_NullIsRejectedNamingIt()
    {
        var sweep = NullSweep.Run();
        Assert.True(sweep.Failures.Count == 0,
            $"{sweep.Failures.Count} null argument(s) not rejected naming the parameter:\n" + string.Join("\n", sweep.Failures));
    }

    [Fact]
    public void Sweep_ReachesAtLeastTheMeasuredNumberOfPairs()
    {
        var sweep = NullSweep.Run();
        // Measured: see the constant's comment. The floor is the measured count minus a margin, so a change to the
        // sample provider that silently skips a large part of the library fails here (the report lists the skips).
        Assert.True(sweep.PairsExercised >= PairsFloor,
            $"only {sweep.PairsExercised} (member, parameter) pairs exercised, floor {PairsFloor}.\n{sweep.Summary()}");
        // An exclusion the sweep no longer meets is stale (renamed member, or reordered guards): it must be removed.
        Assert.Empty(Exclusions.Keys.Except(sweep.ExclusionsMet));
    }

    /// <summary>Measured 372 pairs (245 members) when this test was added; floor = 372 − 32 (about 9 % margin).</summary>
    private const int PairsFloor = 340;

    private sealed class NullSweep
    {
        /// <summary>
        /// A fresh sweep for each test, not one cached for both: Stryker attributes the code a test runs to that test, so
        /// with a shared cache every call was credited to whichever test ran first (the floor test, which one missing
        /// guard does not fail), and it never ran the failure test against a removed guard (run 24: eight survivors).
        /// </summary>
        public static NullSweep Run() => new NullSweep().Execute();

        public List<string> Failures { get; } = [];
        public int MembersExercised { get; private set; }
        public int PairsExercised { get; private set; }
        public HashSet<string> ExclusionsMet { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, List<string>> Skipped { get; } = new(StringComparer.Ordinal);

        private readonly NullabilityInfoContext nullability = new();
        private readonly SampleProvider samples = new(small: false);
        private readonly SampleProvider smallSamples = new(small: true);

        public string Summary()
        {
            var text = new StringBuilder();
            text.AppendLine($"members exercised {MembersExercised}, pairs exercised {PairsExercised}");
            foreach (var (reason, members) in Skipped.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                text.AppendLine($"skipped ({reason}): {members.Count}: {string.Join(", ", members)}");
            return text.ToString();
        }

        private void Skip(string reason, string member)
        {
            if (!Skipped.TryGetValue(reason, out var list))
                Skipped[reason] = list = [];
            list.Add(member);
        }

        private NullSweep Execute()
        {
            var assembly = typeof(Float64).Assembly;
            // Only the library's own namespaces, the sweep's scope: an instrumented build (a mutation-testing run) may
            // export helper types of its own.
            foreach (var declared in assembly.GetExportedTypes()
                .Where(t => t.Namespace is { } ns && (ns == "Verification.Numerics" || ns.StartsWith("Verification.Numerics.", StringComparison.Ordinal)))
                .OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                if (declared.IsInterface || typeof(Delegate).IsAssignableFrom(declared) || declared.IsEnum)
                    continue;
                if (typeof(Exception).IsAssignableFrom(declared))
                {
                    // .NET convention: an exception's message and inner exception may be null.
                    Skip("exception type (message may be null by .NET convention)", declared.Name);
                    continue;
                }
                var type = declared;
                if (type.IsGenericTypeDefinition)
                {
                    var closed = SampleProvider.CloseOverFloat64(type);
                    if (closed is null)
                    {
                        Skip("generic type not closable over Float64", type.Name);
                        continue;
                    }
                    type = closed;
                }
                foreach (var ctor in type.GetConstructors(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (IsRecordPrimaryConstructor(type, ctor) && ctor.GetParameters().Any(q => !q.ParameterType.IsValueType))
                    {
                        // A positional record is a result carrier: its producers validate, it stores what it is given.
                        Skip("positional record constructor (result carrier)", type.Name);
                        continue;
                    }
                    Sweep(type, ctor);
                }
                foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                {
                    if (method.IsAbstract || method.IsDefined(typeof(CompilerGeneratedAttribute)))
                        continue;
                    if (method.GetBaseDefinition().DeclaringType == typeof(object))
                        continue;
                    bool isOperator = method.IsSpecialName && method.Name.StartsWith("op_", StringComparison.Ordinal);
                    bool isIndexer = method.IsSpecialName && method.Name.StartsWith("get_", StringComparison.Ordinal)
                        && method.GetParameters().Length > 0;
                    if (method.IsSpecialName && !isOperator && !isIndexer)
                        continue;
                    var callable = (MethodBase)method;
                    if (method.IsGenericMethodDefinition)
                    {
                        var closed = SampleProvider.CloseOverFloat64(method);
                        if (closed is null)
                        {
                            Skip("generic method not closable over Float64", Name(type, method));
                            continue;
                        }
                        callable = closed;
                    }
                    Sweep(type, callable);
                }
            }
            return this;
        }

        private static bool IsRecordPrimaryConstructor(Type type, ConstructorInfo ctor)
        {
            bool isRecord = type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null;
            return isRecord && ctor.GetParameters().All(p => type.GetProperty(p.Name!) is not null);
        }

        /// <summary>A string parameter that only labels a failure message (Require.Finite(x, name)): not an input.</summary>
        private static bool IsLabel(ParameterInfo p) => p.ParameterType == typeof(string) && p.Name is "name";

        private static string Name(Type type, MethodBase member) =>
            $"{type.Name}.{(member is ConstructorInfo ? "ctor" : member.Name)}({string.Join(", ", member.GetParameters().Select(p => p.ParameterType.Name))})";

        private void Sweep(Type type, MethodBase member)
        {
            var name = Name(type, member);
            var parameters = member.GetParameters();
            var swept = parameters
                .Where(p => !p.ParameterType.IsValueType && !p.ParameterType.IsByRef && !p.IsOut
                    && nullability.Create(p).WriteState != NullabilityState.Nullable)
                .ToList();
            if (swept.Count == 0)
                return;
            if (parameters.Any(p => p.ParameterType.IsByRef || p.ParameterType.IsPointer))
            {
                Skip("by-reference or pointer parameter", name);
                return;
            }
            object? target = null;
            if (!member.IsStatic && member is MethodInfo)
            {
                target = samples.Get(type);
                if (target is null)
                {
                    Skip("no instance of the declaring type", name);
                    return;
                }
            }
            var arguments = new object?[parameters.Length];
            for (int k = 0; k < parameters.Length; k++)
            {
                arguments[k] = samples.Get(parameters[k].ParameterType);
                if (arguments[k] is null)
                {
                    Skip("no sample for " + parameters[k].ParameterType.Name, name);
                    return;
                }
            }
            var baseline = Invoke(member, target, arguments);
            if (!IsValidBaseline(baseline))
            {
                // The better sample: the one-dimensional set (a θ or index that fits n = 1 only).
                var small = parameters.Select(p => smallSamples.Get(p.ParameterType)).ToArray();
                if (small.Any(a => a is null) || !IsValidBaseline(Invoke(member, target, small)))
                {
                    Skip("all-samples call threw " + baseline!.GetType().Name, name);
                    return;
                }
                arguments = small;
            }
            MembersExercised++;
            foreach (var parameter in swept)
            {
                if (IsLabel(parameter))
                {
                    Skip("label parameter 'name' (names the failure, null leaves ParamName null)", name);
                    continue;
                }
                var key = $"{type.Name}.{(member is ConstructorInfo ? "ctor" : member.Name)}({parameter.Name})";
                if (Exclusions.ContainsKey(key))
                {
                    ExclusionsMet.Add(key);
                    Skip("excluded", key);
                    continue;
                }
                PairsExercised++;
                var withNull = (object?[])arguments.Clone();
                withNull[parameter.Position] = null;
                // The label of a validating helper names the checked value: the swept parameter's name.
                foreach (var label in parameters.Where(IsLabel))
                    withNull[label.Position] = parameter.Name;
                var thrown = Invoke(member, target, withNull);
                if (thrown is ArgumentException { ParamName: var other } and not ArgumentNullException && other != parameter.Name)
                {
                    // Another argument's shape check fired first (a length or index that fits n = 1 only): the better
                    // sample is the one-dimensional set, used when its own all-samples call is valid.
                    var retried = RetryWithSmallSamples(member, target, parameters, parameter);
                    if (retried is not null)
                        thrown = retried.Value.Thrown;
                }
                if (thrown is ArgumentNullException e && e.ParamName == parameter.Name)
                    continue;
                string what = thrown switch
                {
                    null => "returned normally",
                    ArgumentException a => $"{a.GetType().Name} naming '{a.ParamName}': {a.Message}",
                    _ => $"{thrown.GetType().Name}: {thrown.Message}",
                };
                Failures.Add($"{name} with {parameter.Name} = null: {what}");
            }
        }

        private (Exception? Thrown, bool Valid)? RetryWithSmallSamples(MethodBase member, object? target, ParameterInfo[] parameters, ParameterInfo swept)
        {
            var arguments = new object?[parameters.Length];
            for (int k = 0; k < parameters.Length; k++)
            {
                arguments[k] = smallSamples.Get(parameters[k].ParameterType);
                if (arguments[k] is null)
                    return null;
            }
            if (!IsValidBaseline(Invoke(member, target, arguments)))
                return null;
            arguments[swept.Position] = null;
            foreach (var label in parameters.Where(IsLabel))
                arguments[label.Position] = swept.Name;
            return (Invoke(member, target, arguments), true);
        }

        /// <summary>The all-samples call returned, or rejected an argument's value or shape (not as null).</summary>
        private static bool IsValidBaseline(Exception? thrown) =>
            thrown is null || (thrown is ArgumentException && thrown is not ArgumentNullException);

        private static Exception? Invoke(MethodBase member, object? target, object?[] arguments)
        {
            try
            {
                object? result = member is ConstructorInfo ctor ? ctor.Invoke(arguments) : member.Invoke(target, arguments);
                (result as IDisposable)?.Dispose();
                return null;
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                return e.InnerException;
            }
            catch (ArgumentException e)
            {
                // Invoke itself rejects an argument of the wrong runtime type: a provider defect, reported as such.
                return new InvalidOperationException("reflection rejected the arguments: " + e.Message);
            }
        }
    }

    /// <summary>
    /// A small, valid, non-null value per type: 1.0, 2 (a dimension), [1, 1], 2×2 identities (½·I for the library's
    /// matrices), the exact 1, a lambda returning a sample; other types through a public constructor or a static factory
    /// of the library (abstract types and interfaces through a public implementation). The one-dimensional set uses
    /// 1 and length 1 instead of 2.
    /// </summary>
    private sealed class SampleProvider
    {
        private const int MaxDepth = 4;
        private readonly int length;

        /// <param name="small">the one-dimensional set: dimension 1, vectors and lists of length 1, 1×1 matrices.</param>
        public SampleProvider(bool small)
        {
            length = small ? 1 : 2;
        }

        private readonly Dictionary<Type, object?> cache = [];
        private readonly HashSet<Type> building = [];
        private readonly Type[] exported = typeof(Float64).Assembly.GetExportedTypes();

        /// <summary>The scalars a generic member is closed over, in order: the double IReal, then the double dual scalar.</summary>
        private static readonly Type[] Scalars = [typeof(Float64), typeof(Real)];

        public static Type? CloseOverFloat64(Type definition)
        {
            foreach (var scalar in Scalars)
            {
                try
                {
                    return definition.MakeGenericType(definition.GetGenericArguments().Select(_ => scalar).ToArray());
                }
                catch (ArgumentException)
                {
                    // the constraint excludes this scalar: try the next.
                }
            }
            return null;
        }

        public static MethodInfo? CloseOverFloat64(MethodInfo definition)
        {
            foreach (var scalar in Scalars)
            {
                try
                {
                    return definition.MakeGenericMethod(definition.GetGenericArguments().Select(_ => scalar).ToArray());
                }
                catch (ArgumentException)
                {
                    // the constraint excludes this scalar: try the next.
                }
            }
            return null;
        }

        public object? Get(Type type) => Get(type, 0);

        private object? Get(Type type, int depth)
        {
            if (cache.TryGetValue(type, out var known))
                return known;
            if (depth > MaxDepth || !building.Add(type))
                return null;
            object? value;
            try
            {
                value = Build(type, depth);
            }
            finally
            {
                building.Remove(type);
            }
            cache[type] = value;
            return value;
        }

        private object? Build(Type type, int depth)
        {
            if (type == typeof(double)) return 1.0;
            if (type == typeof(float)) return 1.0f;
            if (type == typeof(int)) return length;
            if (type == typeof(long)) return (long)length;
            if (type == typeof(bool)) return true;
            if (type == typeof(string)) return "x";
            if (type == typeof(object)) return 1.0;
            if (type == typeof(BigInteger)) return new BigInteger(2);
            if (type == typeof(Fraction)) return Fraction.One;
            if (type == typeof(RationalInterval)) return RationalInterval.Exact(Fraction.One);
            if (type == typeof(System.Random)) return new System.Random(1);
            if (type == typeof(Matrix<double>)) return Matrix<double>.Build.DenseIdentity(length);
            if (type == typeof(Vector<double>)) return Vector<double>.Build.Dense(length, 1.0);
            // ½·I rather than I for the library's matrices: square, symmetric, positive definite and Schur-stable
            // (ρ = ½ < 1), so the noise sums of eq. (10) exist and the all-samples call returns.
            if (type == typeof(ExactMatrix)) return ExactMatrix.Build(length, length, (i, j) => i == j ? new Fraction(1, 2) : Fraction.Zero);
            if (type == typeof(RealMatrix<Float64>)) return RealMatrix<Float64>.Create(length, length, (i, j) => new Float64(i == j ? 0.5 : 0));
            if (type.IsEnum) return Enum.GetValues(type).GetValue(0);
            if (type.IsArray) return BuildArray(type, depth);
            if (typeof(Delegate).IsAssignableFrom(type)) return BuildDelegate(type, depth);
            if (type.IsGenericType)
            {
                var definition = type.GetGenericTypeDefinition();
                if (definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>) || definition == typeof(IEnumerable<>)
                    || definition == typeof(IReadOnlyCollection<>) || definition == typeof(ICollection<>))
                    return BuildArray(type.GetGenericArguments()[0].MakeArrayType(), depth);
                if (definition == typeof(List<>))
                {
                    var array = BuildArray(type.GetGenericArguments()[0].MakeArrayType(), depth);
                    return array is null ? null : Activator.CreateInstance(type, array);
                }
                if (definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>))
                {
                    var arguments = type.GetGenericArguments();
                    var key = Get(arguments[0], depth + 1);
                    var entry = Get(arguments[1], depth + 1);
                    if (key is null || entry is null)
                        return null;
                    var dictionary = (System.Collections.IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
                    dictionary.Add(key, entry);
                    return dictionary;
                }
                if (definition == typeof(Nullable<>))
                    return Get(type.GetGenericArguments()[0], depth + 1);
            }
            if (type.Assembly != typeof(Float64).Assembly)
                return null;
            // A real scalar of the library: T.Of(1).
            var of = type.GetMethod("Of", BindingFlags.Public | BindingFlags.Static, [typeof(double)]);
            if (of is not null && of.ReturnType == type && TryCall(of, null, [1.0], out var scalar))
                return scalar;
            return BuildThroughLibrary(type, depth);
        }

        private Array? BuildArray(Type type, int depth)
        {
            var element = type.GetElementType()!;
            var sample = Get(element, depth + 1);
            if (sample is null)
                return null;
            if (type.GetArrayRank() == 1)
            {
                var array = Array.CreateInstance(element, length);
                for (int i = 0; i < length; i++)
                    array.SetValue(sample, i);
                return array;
            }
            if (type.GetArrayRank() != 2)
                return null;
            // A 2×2 identity where a zero is known (doubles, integers, rationals, the library's reals); else all samples.
            object? zero = ZeroOf(element);
            var matrix = Array.CreateInstance(element, length, length);
            for (int i = 0; i < length; i++)
                for (int j = 0; j < length; j++)
                    matrix.SetValue(i == j || zero is null ? sample : zero, i, j);
            return matrix;
        }

        private static object? ZeroOf(Type element)
        {
            if (element == typeof(double)) return 0.0;
            if (element == typeof(int)) return 0;
            if (element == typeof(long)) return 0L;
            if (element == typeof(Fraction)) return Fraction.Zero;
            var of = element.GetMethod("Of", BindingFlags.Public | BindingFlags.Static, [typeof(double)]);
            return of is not null && of.ReturnType == element && TryCall(of, null, [0.0], out var zero) ? zero : null;
        }

        private Delegate? BuildDelegate(Type type, int depth)
        {
            var invoke = type.GetMethod("Invoke")!;
            if (invoke.GetParameters().Any(p => p.ParameterType.IsByRef))
                return null;
            var parameters = invoke.GetParameters().Select(p => Expression.Parameter(p.ParameterType, p.Name)).ToArray();
            Expression body;
            if (invoke.ReturnType == typeof(void))
                body = Expression.Empty();
            else
            {
                var result = Get(invoke.ReturnType, depth + 1);
                if (result is null)
                    return null;
                body = Expression.Constant(result, invoke.ReturnType);
            }
            return Expression.Lambda(type, body, parameters).Compile();
        }

        /// <summary>Abstract types and interfaces through a public concrete implementation; then constructors and static factories.</summary>
        private object? BuildThroughLibrary(Type type, int depth)
        {
            if (type.IsAbstract || type.IsInterface)
            {
                foreach (var concrete in exported.Where(t => !t.IsAbstract && !t.IsInterface && !t.IsGenericTypeDefinition && type.IsAssignableFrom(t))
                    .OrderBy(t => t.FullName, StringComparer.Ordinal))
                {
                    var value = Get(concrete, depth + 1);
                    if (value is not null)
                        return value;
                }
                return null;
            }
            var candidates = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
                .Cast<MethodBase>()
                .Concat(type.GetMethods(BindingFlags.Public | BindingFlags.Static)
                    .Where(m => !m.IsGenericMethodDefinition && m.ReturnType == type && !m.Name.StartsWith("op_", StringComparison.Ordinal)))
                .OrderBy(m => m.GetParameters().Length)
                .ThenBy(m => m.ToString(), StringComparer.Ordinal);
            foreach (var candidate in candidates)
            {
                var parameters = candidate.GetParameters();
                if (parameters.Any(p => p.ParameterType.IsByRef))
                    continue;
                var arguments = new object?[parameters.Length];
                bool complete = true;
                for (int k = 0; k < parameters.Length && complete; k++)
                {
                    arguments[k] = Get(parameters[k].ParameterType, depth + 1);
                    complete = arguments[k] is not null;
                }
                if (complete && TryCall(candidate, null, arguments, out var value) && value is not null)
                    return value;
            }
            return type.IsValueType ? Activator.CreateInstance(type) : null;
        }

        private static bool TryCall(MethodBase member, object? target, object?[] arguments, out object? value)
        {
            try
            {
                value = member is ConstructorInfo ctor ? ctor.Invoke(arguments) : member.Invoke(target, arguments);
                return true;
            }
            catch (Exception e) when (e is TargetInvocationException or ArgumentException)
            {
                value = null;
                return false;
            }
        }
    }
}
