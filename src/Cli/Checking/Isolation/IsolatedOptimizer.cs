using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using MathNet.Numerics.LinearAlgebra;
using Verification.Checks;
using Verification.Optimizers;
using Verification.Optimizers.Guarantees;
using static Verification.Cli.Checking.Isolation.WorkerProtocol;

namespace Verification.Cli.Checking.Isolation;

/// <summary>
/// The worker process of one check run (<see cref="OptimizerWorker"/>), with a timeout on every call. A hang past
/// the timeout or the death of the worker (a stack overflow aborts it with exit code 134) ends it and sets
/// <see cref="Fault"/>; from then on every call returns null at once, so the checks finish quickly and check-optimizer
/// reports the fault instead of their verdicts. While a call is in progress it answers the worker's oracle requests
/// (f, ∇f, H, Hv) from the objectives it was given.
/// </summary>
internal sealed class WorkerConnection : IDisposable
{
    private readonly Process process;
    private readonly BlockingCollection<string?> lines = [];
    private readonly List<string> stderr = [];
    private readonly Dictionary<IObjective, int> objectiveIds = new(ReferenceEqualityComparer.Instance);
    private readonly List<IObjective> objectives = [];
    private readonly TimeSpan timeout;

    internal WorkerConnection(TimeSpan timeout)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.ArgumentList.Add(OptimizerWorker.CommandName);
        process = Process.Start(start) ?? throw new InvalidOperationException("the worker process did not start");
        process.StandardInput.AutoFlush = true;
        this.timeout = timeout;
        var reader = new Thread(() =>
        {
            try
            {
                string? line;
                while ((line = process.StandardOutput.ReadLine()) is not null)
                    lines.Add(line);
            }
            catch (IOException)
            {
            }
            lines.Add(null);
        }) { IsBackground = true, Name = "check-optimizer worker reader" };
        reader.Start();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } d)
                lock (stderr)
                    if (stderr.Count < 20)
                        stderr.Add(d);
        };
        process.BeginErrorReadLine();
    }

    /// <summary>Set once the optimizer hung or its process died: one line, with the call and the input.</summary>
    internal string? Fault { get; private set; }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!process.HasExited)
        {
            try
            {
                process.StandardInput.Close();
                if (!process.WaitForExit(2000))
                    process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
            }
        }
        process.Dispose();
    }

    internal int Register(IObjective objective)
    {
        if (!objectiveIds.TryGetValue(objective, out int id))
        {
            id = objectives.Count;
            objectives.Add(objective);
            objectiveIds[objective] = id;
        }
        return id;
    }

    /// <summary>Sends a request and serves oracle requests until the reply; null when the worker hung or died.</summary>
    internal string[]? Call(string request, string what, TimeSpan? limit = null)
    {
        var allowed = limit ?? timeout;
        if (Fault is not null)
            return null;
        var deadline = Stopwatch.StartNew();
        try
        {
            process.StandardInput.WriteLine(request);
        }
        catch (IOException)
        {
            return Died(what);
        }
        while (true)
        {
            var left = allowed - deadline.Elapsed;
            if (left <= TimeSpan.Zero || !lines.TryTake(out string? line, left))
            {
                Fault = $"{what} did not return within {allowed.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s (--timeout); the optimizer's process was stopped";
                Kill();
                return null;
            }
            if (line is null)
                return Died(what);
            var t = line.Split(' ');
            string? answer = t[0] switch
            {
                "f" or "g" or "h" or "hv" => Oracle(t),
                _ => null,
            };
            if (answer is null)
                return t;
            try
            {
                process.StandardInput.WriteLine(answer);
            }
            catch (IOException)
            {
                return Died(what);
            }
        }
    }

    private string Oracle(string[] t)
    {
        try
        {
            var objective = objectives[Int(t[1])];
            int i = 2;
            var theta = Vector(t, ref i);
            return t[0] switch
            {
                "f" => "value " + WorkerProtocol.Double(objective.Value(theta)),
                "g" => "vector " + Vector(objective.Gradient(theta)),
                "h" => "matrix " + Matrix(objective.Hessian(theta)),
                _ => "vector " + Vector(objective.HessianVectorProduct(theta, Vector(t, ref i))),
            };
        }
        catch (ArgumentException e)
        {
            return "error " + Text(e.Message);
        }
    }

    private string[]? Died(string what)
    {
        process.WaitForExit(5000);
        process.WaitForExit(); // drains stderr
        int code = process.HasExited ? process.ExitCode : -1;
        string signal = code > 128 && code < 160 ? $", signal {(code - 128).ToString(CultureInfo.InvariantCulture)}{(code == 134 ? " SIGABRT" : "")}" : "";
        string first;
        lock (stderr)
            first = stderr.FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "no message";
        Fault = $"the optimizer's process died during {what} (exit code {code.ToString(CultureInfo.InvariantCulture)}{signal}: {first})";
        return null;
    }

    private void Kill()
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }
    }

    /// <summary>The dotnet host that runs this CLI's .dll (the same runtime as this process).</summary>
    private static string DotnetHost()
    {
        string name = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";
        string root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        string candidate = Path.Combine(root, name);
        return File.Exists(candidate) ? candidate : name;
    }
}

/// <summary>The optimizer in the worker, seen through <see cref="IOptimizer"/>.</summary>
internal class IsolatedOptimizer : IOptimizer, IDeclaresGuarantees, IOptimizerProxy
{
    /// <summary>The least time loading may take: it includes starting the worker process and its runtime.</summary>
    internal static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(30);

    private int runs;

    private protected IsolatedOptimizer(WorkerConnection worker) => Worker = worker;

    /// <summary>The worker process.</summary>
    internal WorkerConnection Worker { get; }

    /// <summary>The optimizer's Name.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Its type's full name.</summary>
    public string TypeName { get; private set; } = "";

    /// <summary>Its declarations (empty when it declares none).</summary>
    public IReadOnlyList<Guarantee> Guarantees { get; private set; } = [];

    /// <summary>
    /// Starts a worker and loads the optimizer in it. Returns the optimizer (one that is also an
    /// <see cref="IQuasiNewtonOptimizer"/> when the type is), or null with a usage error (it cannot be loaded) or a
    /// fault (a getter threw, the worker hung or died while loading). The caller disposes <see cref="Worker"/>.
    /// </summary>
    internal static (IsolatedOptimizer? Optimizer, string? UsageError, string? Fault) Load(string? assembly, string type, TimeSpan timeout)
    {
        var worker = new WorkerConnection(timeout);
        // Loading includes starting the worker process and the runtime: it gets at least LoadTimeout.
        var reply = worker.Call($"load {Text(assembly ?? "")} {Text(type)}", "loading the optimizer", timeout > LoadTimeout ? timeout : LoadTimeout);
        IsolatedOptimizer? result = null;
        string? usage = null, fault = worker.Fault;
        switch (reply?[0])
        {
            case "usage": usage = Text(reply, 1); break;
            case "fault": fault = Text(reply, 1); break;
            case "throw": fault = "loading the optimizer threw " + WorkerProtocol.Exception(reply).Message; break;
            case "loaded":
                result = reply[3] == "1" ? new QuasiNewtonIsolated(worker) : new IsolatedOptimizer(worker);
                result.Name = Text(reply, 1);
                result.TypeName = Text(reply, 2);
                int count = Int(reply[5]), i = 6;
                var list = new List<Guarantee>();
                for (int k = 0; k < count; k++)
                    list.Add(WorkerProtocol.Guarantee(reply, ref i));
                result.Guarantees = list;
                break;
        }
        if (result is null)
            worker.Dispose();
        return (result, usage, fault);
    }

    /// <inheritdoc />
    public IOptimizerRun Start(IObjective objective, Vector<double> theta0)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(theta0);
        int run = ++runs;
        string where = Describe(objective, theta0);
        Expect(Worker.Call($"start {Int(run)} {Int(Worker.Register(objective))} {Text(objective.Name)} {Int(objective.Dimension)} {Vector(theta0)}", $"Start() on {where}"), "ok");
        return new Run(this, run, theta0.Clone(), where);
    }

    /// <summary>Φ(θ) from the worker (for a quasi-Newton optimizer).</summary>
    private protected Matrix<double> RemotePreconditioner(IObjective objective, Vector<double> theta)
    {
        var reply = Expect(Worker.Call($"precond {Int(Worker.Register(objective))} {Text(objective.Name)} {Int(objective.Dimension)} {Vector(theta)}", $"Preconditioner() on {Describe(objective, theta)}"), "matrix");
        int i = 1;
        return Matrix(reply, ref i);
    }

    private static string Describe(IObjective objective, Vector<double> theta) =>
        $"{objective.Name} (n = {objective.Dimension.ToString(CultureInfo.InvariantCulture)}) at θ = [{string.Join(", ", theta.Take(6).Select(x => x.ToString("R", CultureInfo.InvariantCulture)))}{(theta.Count > 6 ? ", …" : "")}]";

    private static string[] Expect(string[]? reply, string kind)
    {
        if (reply is null)
            throw new UserCodeException("WorkerStopped", "the optimizer's process was stopped earlier (see the finding)");
        if (reply[0] == "throw")
            throw WorkerProtocol.Exception(reply);
        if (reply[0] == "null" && kind == "step")
            return reply;
        if (reply[0] != kind)
            throw new UserCodeException("ProtocolError", $"unexpected reply '{reply[0]}' from the worker");
        return reply;
    }

    private sealed class Run(IsolatedOptimizer owner, int id, Vector<double> theta0, string where) : IOptimizerRun
    {
        private Vector<double> theta = theta0;

        public Vector<double> Theta => theta.Clone();

        public int Iteration { get; private set; }

        public Vector<double> Step()
        {
            var reply = Expect(owner.Worker.Call($"step {Int(id)} theta", $"Step() at t = {Iteration.ToString(CultureInfo.InvariantCulture)} of a run on {where}"), "step");
            if (reply[0] == "null")
                return null!;
            int i = 1;
            var delta = Vector(reply, ref i);
            theta = Vector(reply, ref i);
            Iteration++;
            return delta;
        }
    }

    private sealed class QuasiNewtonIsolated(WorkerConnection worker) : IsolatedOptimizer(worker), IQuasiNewtonOptimizer
    {
        public Matrix<double> Preconditioner(IObjective objective, Vector<double> theta) => RemotePreconditioner(objective, theta);
    }
}
