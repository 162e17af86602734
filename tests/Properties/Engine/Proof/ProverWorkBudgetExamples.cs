using System.Diagnostics.CodeAnalysis;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Engine.Generators;
using Verification.Numerics.Arithmetic;
using Xunit;

namespace Verification.Tests.Properties.Engine.Proof;

/// <summary>
/// The prover's work budget (<see cref="ProofDomain{TInput}.MaxWork"/>): a proof whose exact work runs out stops at once,
/// at the same box on every run, with a stall that names the budget. It is never "proved", and it does not split on to
/// MaxBoxes on evaluations that are all refused. The same statements are proved at the default budget, so the budget is
/// what stops them.
/// </summary>
public class ProverWorkBudgetExamples
{
    private static FormalizationResult Run(IFormalization f) => f.Run(new RunSettings(200, 1) { ClaimSeed = 7 });

    private static string Why(FormalizationResult r) => r.Verdict + ": " + string.Join("; ", r.Proof?.Notes ?? []) + " | " + string.Join("; ", r.Notes);

    /// <summary>
    /// √(1 + x) ≤ c + x/2 on [−1, 10], proved by branch-and-bound in a few boxes: c = 1 (equality at x = 0, declared tight,
    /// where a refused charge escapes the face expansion) or c = 3/2 (no tight value: a refused charge is caught on the
    /// way as an undecided comparison, and the box would otherwise just split).
    /// </summary>
    private sealed class SqrtBound : Statement<double>
    {
        private readonly bool _tight;

        [SetsRequiredMembers]
        public SqrtBound(long? maxWork, bool tight)
        {
            _tight = tight;
            Name = "sqrt-budget";
            Description = Name;
            Tolerance = "none";
            Domain = new Domain<double>
            {
                Generator = EdgeDoubles.Unit.Select(u => -1 + u * 11),
                Describe = x => [NamedValue.Of("x", x)],
            };
            Proofs = [new ProofDomain<double>
            {
                Box = [new ProofCoordinate("x", -1, 10) { TightAt = tight ? [0] : [] }],
                At = v => v[0],
                CoversStatedDomain = true,
                MaxWork = maxWork ?? ProofDomain<double>.DefaultMaxWork,
            }];
        }

        public override Relation<T> Evaluate<T>(double x)
        {
            var v = T.Input(x);
            return Relation.LessOrEqual(T.Sqrt(1 + v), (_tight ? T.Of(1) : T.Ratio(3, 2)) + v / 2, 1 + T.Abs(v));
        }
    }

    /// <summary>(x + 1)³ = x³ + 3x² + 3x + 1 on [−2, 2], proved by the exact identity method (a grid of 4 exact evaluations).</summary>
    private sealed class CubeIdentity : Statement<double>
    {
        [SetsRequiredMembers]
        public CubeIdentity(long? maxWork)
        {
            Name = "cube-budget";
            Description = Name;
            Tolerance = "none";
            Kind = StatementKind.Identity;
            double[] samples = [-2, -0.5, 0.25, 1.5, 2];
            MinimumDistinctInputs = samples.Length;
            Domain = new Domain<double>
            {
                Generator = Gen.Elements(samples),
                Edges = () => samples,
                Describe = x => [NamedValue.Of("x", x)],
            };
            Proofs = [new ProofDomain<double>
            {
                Box = [new ProofCoordinate("x", -2, 2)],
                At = v => v[0],
                CoversStatedDomain = true,
                Identity = new ExactIdentity(),
                MaxWork = maxWork ?? ProofDomain<double>.DefaultMaxWork,
            }];
        }

        public override Relation<T> Evaluate<T>(double x)
        {
            var v = T.Input(x);
            var lhs = (v + 1) * (v + 1) * (v + 1);
            return Relation.Equal(lhs, v * v * v + 3 * v * v + 3 * v + 1, 1 + v * v * v * v, 1e-12);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ABranchAndBoundProof_ProvedAtTheDefaultBudget_StallsWhenItsBudgetRunsOut(bool tight)
    {
        var proved = Run(new SqrtBound(maxWork: null, tight));
        Assert.True(proved.Verdict == Verdict.Proved, Why(proved));

        // A budget of a few boxes' work: the proof must stop, say why, and not have split on to MaxBoxes (4096) on refused
        // evaluations, each of which would otherwise come back undecided and split again.
        var stopped = Run(new SqrtBound(maxWork: 2_000, tight));
        Assert.True(stopped.Verdict == Verdict.Holds, Why(stopped));
        Assert.False(stopped.Proof!.Proved);
        Assert.Contains("exact work budget of 2,000 word products", string.Join("; ", stopped.Proof.Notes));
        Assert.True(stopped.Proof.Boxes < proved.Proof!.Boxes + 1 && stopped.Proof.Closed < stopped.Proof.Boxes, Why(stopped));

        // Counted, not timed: the same box and the same closed count on every run.
        var again = Run(new SqrtBound(maxWork: 2_000, tight));
        Assert.Equal(stopped.Proof.Boxes, again.Proof!.Boxes);
        Assert.Equal(stopped.Proof.Closed, again.Proof.Closed);
        Assert.Equal(stopped.Proof.Notes, again.Proof.Notes);
    }

    [Fact]
    public void AnExactIdentityProof_ProvedAtTheDefaultBudget_StallsWhenItsBudgetRunsOut()
    {
        var proved = Run(new CubeIdentity(maxWork: null));
        Assert.True(proved.Verdict == Verdict.Proved, Why(proved));

        var stopped = Run(new CubeIdentity(maxWork: 50));
        Assert.True(stopped.Verdict == Verdict.Holds, Why(stopped));
        Assert.False(stopped.Proof!.Proved);
        Assert.Contains("exact identity method: stopped when its exact work budget of 50 word products", string.Join("; ", stopped.Proof.Notes));
    }

    /// <summary>
    /// The run's budget (<see cref="RunSettings.MaxProofWork"/>) lowers a domain's: the proof stops where the domain's own
    /// budget of the same size stops it (same boxes, same closed count), and the note names the run's setting.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheRunsProofBudget_StopsABranchAndBoundProofWhereTheDomainsOwnWould(bool tight)
    {
        var settings = new RunSettings(200, 1) { ClaimSeed = 7, MaxProofWork = 2_000 };
        var byRun = new SqrtBound(maxWork: null, tight).Run(settings);
        var byDomain = Run(new SqrtBound(maxWork: 2_000, tight));
        Assert.True(byRun.Verdict == Verdict.Holds, Why(byRun));
        Assert.False(byRun.Proof!.Proved);
        Assert.Equal(byDomain.Proof!.Boxes, byRun.Proof.Boxes);
        Assert.Equal(byDomain.Proof.Closed, byRun.Proof.Closed);
        Assert.Contains("exact work budget of 2,000 word products (RunSettings.MaxProofWork)", string.Join("; ", byRun.Proof.Notes));
        Assert.Contains("exact work budget of 2,000 word products (ProofDomain.MaxWork)", string.Join("; ", byDomain.Proof.Notes));
    }

    /// <summary>The smaller budget applies: a run's larger budget does not raise a domain's own.</summary>
    [Fact]
    public void ALargerRunBudget_DoesNotRaiseTheDomainsOwn()
    {
        var settings = new RunSettings(200, 1) { ClaimSeed = 7, MaxProofWork = ProofDomain<double>.DefaultMaxWork };
        var r = new SqrtBound(maxWork: 2_000, tight: true).Run(settings);
        Assert.False(r.Proof!.Proved, Why(r));
        Assert.Contains("exact work budget of 2,000 word products (ProofDomain.MaxWork)", string.Join("; ", r.Proof.Notes));
    }

    [Fact]
    public void TheRunsProofBudget_StopsAnExactIdentityProof()
    {
        var r = new CubeIdentity(maxWork: null).Run(new RunSettings(200, 1) { ClaimSeed = 7, MaxProofWork = 50 });
        Assert.True(r.Verdict == Verdict.Holds, Why(r));
        Assert.False(r.Proof!.Proved);
        Assert.Contains("exact identity method: stopped when its exact work budget of 50 word products (RunSettings.MaxProofWork)", string.Join("; ", r.Proof.Notes));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    public void ARunProofBudgetThatIsNotPositive_IsRejected(long budget)
    {
        var e = Assert.Throws<ArgumentException>(() => new RunSettings(10, 1) { MaxProofWork = budget }.Validated());
        Assert.Equal("MaxProofWork", e.ParamName);
        Assert.Contains("must be positive", e.Message);
    }

    /// <summary>
    /// √(x² + y²) ≤ x + 4y/3 on x ∈ [0, 1], y = 1, proved with the declared scaling (x, y) → (ax, ay), whose check (the
    /// dimensional analysis of every closed box) does exact work of its own.
    /// </summary>
    private sealed class ScaledNorm : Statement<(double X, double Y)>
    {
        [SetsRequiredMembers]
        public ScaledNorm(long maxWork)
        {
            Name = "scaling-budget";
            Description = Name;
            Tolerance = "none";
            Domain = new Domain<(double X, double Y)>
            {
                Generator = from u in EdgeDoubles.Unit from v in EdgeDoubles.Unit select (u, 1 + v),
                Describe = e => [NamedValue.Of("x", e.X), NamedValue.Of("y", e.Y)],
            };
            Proofs = [new ProofDomain<(double X, double Y)>
            {
                Box = [new ProofCoordinate("x", 0, 1), new ProofCoordinate("y", 1, 1)],
                At = v => (v[0], v[1]),
                Reduction = "(x, y) → (ax, ay)",
                Scaling = [[1], [1]],
                CoversStatedDomain = true,
                MaxWork = maxWork,
            }];
        }

        public override Relation<T> Evaluate<T>((double X, double Y) input)
        {
            var (x, y) = (T.Input(input.X), T.Input(input.Y));
            return Relation.LessOrEqual(T.Sqrt(x * x + y * y), x + y + y / 3);
        }
    }

    /// <summary>
    /// A budget that runs out inside the scaling check is a stall, never "the relation is not scale invariant" (a refused
    /// charge came back from the dimensional analysis as a failure about the degrees; found in review at MaxWork = 12 839).
    /// Every budget from 50 up to one that proves the statement is tried, so the one that runs out in the check is among them.
    /// </summary>
    [Fact]
    public void ABudgetSpentInTheScalingCheck_IsAStall_NotAScalingFailure()
    {
        var settings = new RunSettings(50, 1) { ClaimSeed = 7 };
        var proved = new ScaledNorm(ProofDomain<(double X, double Y)>.DefaultMaxWork).Run(settings);
        Assert.True(proved.Verdict == Verdict.Proved, Why(proved));
        int stalls = 0;
        for (long w = 50; ; w = w * 21 / 20 + 1)
        {
            var r = new ScaledNorm(w).Run(settings);
            Assert.DoesNotContain("not scale invariant", Why(r));
            if (r.Verdict == Verdict.Proved)
                break;
            Assert.Contains("exact work budget", Why(r));
            stalls++;
            Assert.True(w < 10_000_000, "no budget below 10^7 proved it: " + Why(r));
        }
        Assert.True(stalls > 0);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    public void ABudgetThatIsNotPositive_IsRejected(long budget)
    {
        var e = Assert.Throws<ArgumentException>(() => new ProofDomain<double> { Box = [new ProofCoordinate("x", 0, 1)], At = v => v[0], MaxWork = budget });
        Assert.Equal("MaxWork", e.ParamName);
        Assert.Contains("must be positive", e.Message);
    }
}
