using System.Reflection;
using System.Runtime.Loader;
using Verification.Optimizers;

namespace Verification.Cli.Checking;

/// <summary>
/// Loads a user's optimizer for <c>check-optimizer</c>: the assembly into its own <see cref="AssemblyLoadContext"/>
/// (its private dependencies from its own folder and .deps.json; the assemblies the CLI itself ships, such as
/// Verification.Optimizers and MathNet.Numerics, shared with the CLI so that <see cref="IOptimizer"/> is the same
/// type on both sides), then an instance of the named type through, in this order, a public parameterless
/// constructor or a public static parameterless method <c>CreateDefault()</c> returning an <see cref="IOptimizer"/>.
/// Without an assembly the type is looked up among <see cref="BuiltInOptimizers"/>. Every failure is one line.
/// </summary>
internal static class OptimizerLoader
{
    /// <summary>The static factory's name.</summary>
    internal const string FactoryName = "CreateDefault";

    /// <summary>Null when <paramref name="assemblyPath"/> names an existing file, else the one-line reason.</summary>
    internal static string? CheckPath(string assemblyPath) =>
        string.IsNullOrWhiteSpace(assemblyPath) ? "--assembly must name a .dll file, got an empty value."
        : !File.Exists(Path.GetFullPath(assemblyPath)) ? $"--assembly '{assemblyPath}' does not exist (build the project first, e.g. `dotnet build`; the .dll is under bin/)."
        : null;

    /// <summary>The optimizer, or null with the one-line reason.</summary>
    internal static (IOptimizer? Optimizer, string? Error) Load(string? assemblyPath, string typeName)
    {
        if (string.IsNullOrWhiteSpace(typeName))
            return (null, "--type must name a type, got an empty value.");
        if (assemblyPath is null)
            return LoadBuiltIn(typeName);
        if (string.IsNullOrWhiteSpace(assemblyPath))
            return (null, "--assembly must name a .dll file, got an empty value.");
        string full = Path.GetFullPath(assemblyPath);
        if (!File.Exists(full))
            return (null, $"--assembly '{assemblyPath}' does not exist (build the project first, e.g. `dotnet build`; the .dll is under bin/).");

        Assembly assembly;
        try
        {
            assembly = new OptimizerLoadContext(full).LoadFromAssemblyPath(full);
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or IOException)
        {
            return (null, $"--assembly '{assemblyPath}' is not a loadable .NET assembly: {FirstLine(e.Message)}");
        }

        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = e.Types.Where(t => t is not null).ToArray()!;
            if (types.Length == 0)
                return (null, $"--assembly '{assemblyPath}': its types cannot be loaded: {FirstLine(e.LoaderExceptions.FirstOrDefault()?.Message ?? e.Message)}");
        }
        var matches = types.Where(t => t.FullName == typeName).ToList();
        if (matches.Count == 0)
            matches = types.Where(t => t.Name == typeName).ToList();
        if (matches.Count == 0)
        {
            var candidates = types.Where(t => typeof(IOptimizer).IsAssignableFrom(t) && !t.IsAbstract).Select(t => t.FullName).OrderBy(n => n, StringComparer.Ordinal).ToList();
            return (null, $"--type '{typeName}' is not a type of {assembly.GetName().Name}; its optimizers: {(candidates.Count == 0 ? "(none)" : string.Join(", ", candidates))}.");
        }
        if (matches.Count > 1)
            return (null, $"--type '{typeName}' is ambiguous in {assembly.GetName().Name}: {string.Join(", ", matches.Select(t => t.FullName))}; give the full name.");
        return Instantiate(matches[0]);
    }

    private static (IOptimizer?, string?) LoadBuiltIn(string typeName)
    {
        var match = BuiltInOptimizers.All.Where(b => b.TypeName == typeName || b.TypeName.EndsWith("." + typeName, StringComparison.Ordinal)).ToList();
        if (match.Count == 1)
            return (match[0].Create(), null);
        return (null, $"--type '{typeName}' is not a built-in optimizer ({string.Join(", ", BuiltInOptimizers.All.Select(b => b.TypeName))}); pass --assembly PATH for your own.");
    }

    private static (IOptimizer?, string?) Instantiate(Type type)
    {
        if (!typeof(IOptimizer).IsAssignableFrom(type))
        {
            bool namesakeInterface = type.GetInterfaces().Any(i => i.FullName == typeof(IOptimizer).FullName);
            return (null, namesakeInterface
                ? $"--type '{type.FullName}' implements a different copy of {typeof(IOptimizer).FullName} (version {type.GetInterfaces().First(i => i.FullName == typeof(IOptimizer).FullName).Assembly.GetName().Version}) than this CLI's ({typeof(IOptimizer).Assembly.GetName().Version}); build it against the same Verification.Optimizers."
                : $"--type '{type.FullName}' does not implement {typeof(IOptimizer).FullName}.");
        }
        if (type.IsAbstract || type.ContainsGenericParameters)
            return (null, $"--type '{type.FullName}' is abstract or generic; name a concrete optimizer type.");
        try
        {
            if (type.GetConstructor(Type.EmptyTypes) is { IsPublic: true } constructor)
                return ((IOptimizer)constructor.Invoke(null), null);
            var factory = type.GetMethod(FactoryName, BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes);
            if (factory is not null && typeof(IOptimizer).IsAssignableFrom(factory.ReturnType))
                return factory.Invoke(null, null) is IOptimizer created
                    ? (created, null)
                    : (null, $"--type '{type.FullName}': {FactoryName}() returned null.");
        }
        catch (TargetInvocationException e)
        {
            return (null, $"--type '{type.FullName}': creating it threw {e.InnerException?.GetType().Name}: {FirstLine(e.InnerException?.Message ?? e.Message)}");
        }
        return (null, $"--type '{type.FullName}' has neither a public parameterless constructor nor a public static {FactoryName}() returning an IOptimizer.");
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    /// <summary>The user's assembly and its private dependencies; the CLI's own assemblies are shared.</summary>
    private sealed class OptimizerLoadContext(string path) : AssemblyLoadContext("check-optimizer", isCollectible: false)
    {
        private static readonly HashSet<string> Shared = ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        private readonly AssemblyDependencyResolver _resolver = new(path);

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (assemblyName.Name is { } name && Shared.Contains(name))
                return null; // the CLI's copy, from the default context
            string? resolved = _resolver.ResolveAssemblyToPath(assemblyName);
            return resolved is null ? null : LoadFromAssemblyPath(resolved);
        }

        /// <summary>
        /// Native libraries (e.g. TorchSharp's libtorch): from the .deps.json, else from the assembly's folder or its
        /// runtimes/RID/native subfolder, as the default host would probe them.
        /// </summary>
        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
        {
            string? resolved = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
            if (resolved is null)
            {
                string folder = Path.GetDirectoryName(path) ?? ".";
                string rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
                string[] names = unmanagedDllName.Contains('.', StringComparison.Ordinal)
                    ? [unmanagedDllName]
                    : [unmanagedDllName, "lib" + unmanagedDllName + ".so", unmanagedDllName + ".so", "lib" + unmanagedDllName + ".dylib", unmanagedDllName + ".dll"];
                resolved = names.SelectMany(n => new[] { Path.Combine(folder, n), Path.Combine(folder, "runtimes", rid, "native", n) }).FirstOrDefault(File.Exists);
            }
            return resolved is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(resolved);
        }
    }
}
