using System.CommandLine;
using System.Text;
using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers;
using Verification.Optimizers.Guarantees;
using static Verification.Cli.Checking.Isolation.WorkerProtocol;

namespace Verification.Cli.Checking.Isolation;

/// <summary>
/// The hidden <c>check-optimizer-worker</c> command: the child process in which check-optimizer runs the user's
/// optimizer (<see cref="IsolatedOptimizer"/> is the other side). It reads requests on stdin and answers on stdout;
/// while a call is in progress it asks the parent for f, ∇f, H and Hv. Anything the user's code prints goes to stderr,
/// so it cannot corrupt the protocol. Runs are kept for the last <see cref="KeptRuns"/> starts.
/// </summary>
internal static class OptimizerWorker
{
    internal const string CommandName = "check-optimizer-worker";

    private const int KeptRuns = 64;

    internal static Command Create()
    {
        var command = new Command(CommandName, "Internal: the isolated process check-optimizer runs a user's optimizer in.") { Hidden = true };
        command.SetAction(_ => Serve(Console.In, Console.OpenStandardOutput()));
        return command;
    }

    private static int Serve(TextReader input, Stream stdout)
    {
        var output = new StreamWriter(stdout, new UTF8Encoding(false)) { AutoFlush = false, NewLine = "\n" };
        Console.SetOut(Console.Error);
        var session = new Session(input, output);
        string? line;
        while ((line = input.ReadLine()) is not null)
        {
            output.WriteLine(session.Handle(line.Split(' ')));
            output.Flush();
        }
        return 0;
    }

    private sealed class Session(TextReader input, TextWriter output)
    {
        private readonly Dictionary<int, IOptimizerRun> runs = [];
        private readonly Queue<int> order = new();
        private readonly Dictionary<int, RemoteObjective> objectives = [];
        private IOptimizer? optimizer;

        internal string Handle(string[] t)
        {
            try
            {
                switch (t[0])
                {
                    case "load":
                        return Load(Text(t, 1), Text(t, 2));
                    case "start":
                    {
                        int run = Int(t[1]);
                        int i = 5;
                        var objective = Objective(Int(t[2]), Text(t, 3), Int(t[4]));
                        var theta = Vector(t, ref i);
                        runs[run] = optimizer!.Start(objective, theta);
                        order.Enqueue(run);
                        while (order.Count > KeptRuns)
                            runs.Remove(order.Dequeue());
                        return "ok";
                    }
                    case "step":
                    {
                        var run = runs[Int(t[1])];
                        var delta = run.Step();
                        if (delta is null)
                            return "null";
                        return "step " + Vector(delta) + (t.Length > 2 && t[2] == "theta" ? " " + Vector(run.Theta) : "");
                    }
                    case "theta":
                        return "vector " + Vector(runs[Int(t[1])].Theta);
                    case "precond":
                    {
                        int i = 4;
                        var objective = Objective(Int(t[1]), Text(t, 2), Int(t[3]));
                        var theta = Vector(t, ref i);
                        return "matrix " + Matrix(((IQuasiNewtonOptimizer)optimizer!).Preconditioner(objective, theta));
                    }
                    default:
                        return "fault " + Text($"unknown request '{t[0]}'");
                }
            }
#pragma warning disable CA1031 // The user's exception goes back to the parent as a finding.
            catch (Exception e)
#pragma warning restore CA1031
            {
                return WorkerProtocol.Exception(e);
            }
        }

        private string Load(string assembly, string type)
        {
            var (loaded, problem) = OptimizerLoader.Load(assembly.Length == 0 ? null : assembly, type);
            if (loaded is null)
                return "usage " + Text(problem!);
            optimizer = loaded;
            string name;
            try
            {
                name = loaded.Name ?? throw new InvalidOperationException("Name returned null");
            }
#pragma warning disable CA1031 // A throwing getter is a finding, not a crash.
            catch (Exception e)
            {
                return "fault " + Text($"the optimizer's Name getter threw {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            }
            IReadOnlyList<Guarantee> declared = [];
            if (loaded is IDeclaresGuarantees d)
            {
                try
                {
                    declared = d.Guarantees ?? [];
                }
                catch (Exception e)
                {
                    return "fault " + Text($"the optimizer's Guarantees getter threw {e.GetType().Name}: {e.Message.Split('\n')[0]}");
                }
#pragma warning restore CA1031
            }
            var sb = new StringBuilder("loaded ").Append(Text(name)).Append(' ').Append(Text(loaded.GetType().FullName ?? loaded.GetType().Name))
                .Append(loaded is IQuasiNewtonOptimizer ? " 1 " : " 0 ").Append(loaded is IDeclaresGuarantees ? "1 " : "0 ").Append(Int(declared.Count));
            foreach (var g in declared)
                sb.Append(' ').Append(Guarantee(g));
            return sb.ToString();
        }

        private RemoteObjective Objective(int id, string name, int dimension)
        {
            if (!objectives.TryGetValue(id, out var o))
            {
                if (objectives.Count > 4096)
                    objectives.Clear();
                objectives[id] = o = new RemoteObjective(this, id, name, dimension);
            }
            return o;
        }

        /// <summary>Asks the parent for an oracle value; an error comes back as an ArgumentException about θ.</summary>
        internal string[] Ask(string request)
        {
            output.WriteLine(request);
            output.Flush();
            string reply = input.ReadLine() ?? throw new EndOfStreamException("check-optimizer closed the worker's input");
            var t = reply.Split(' ');
            if (t[0] == "error")
                throw new ArgumentException(Text(t, 1), "theta");
            return t;
        }
    }

    /// <summary>The parent's objective, seen through <see cref="IObjective"/>.</summary>
    private sealed class RemoteObjective(Session session, int id, string name, int dimension) : IObjective
    {
        public string Name => name;

        public int Dimension => dimension;

        public double Value(Vector<double> theta) => WorkerProtocol.Double(session.Ask($"f {Int(id)} {Vector(theta)}")[1]);

        public Vector<double> Gradient(Vector<double> theta)
        {
            int i = 1;
            return Vector(session.Ask($"g {Int(id)} {Vector(theta)}"), ref i);
        }

        public Matrix<double> Hessian(Vector<double> theta)
        {
            int i = 1;
            return Matrix(session.Ask($"h {Int(id)} {Vector(theta)}"), ref i);
        }

        public Vector<double> HessianVectorProduct(Vector<double> theta, Vector<double> v)
        {
            int i = 1;
            return Vector(session.Ask($"hv {Int(id)} {Vector(theta)} {Vector(v)}"), ref i);
        }
    }
}
