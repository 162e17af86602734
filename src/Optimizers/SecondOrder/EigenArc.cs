using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.SecondOrder;

/// <summary>
/// The constants of elmo-amos Alg. 3: γ₁ &gt; 1 &gt; γ₂ &gt; 0, η₂ ≥ η₁ &gt; 0, (L_0^i) &gt; 0 (one value for all i),
/// and <see cref="MaxAdjustments"/>, a bound this implementation adds on every while-loop of lines 8–14 (the paper's
/// loops need not terminate: on a quadratic with H ≻ 0 the ratio exceeds 1 for every L, so line 12 would halve
/// L forever). Defaults: γ₁ = 2, γ₂ = ½ (§5: powers of 2), η₁ = 1 (Σ M bounded the realized change),
/// η₂ = 1.25 (the ratio tends to 3/2 as L → ∞ at λ = 0, so a larger η₂ would never call L overly conservative).
/// </summary>
/// <param name="Gamma1">γ₁ &gt; 1, the raising factor (lines 9, 13, 15).</param>
/// <param name="Gamma2">γ₂ ∈ (0, 1), the lowering factor of line 5.</param>
/// <param name="Eta1">η₁ &gt; 0, the assessment's pass level (lines 7, 8, 12).</param>
/// <param name="Eta2">η₂ ≥ η₁, the "overly conservative" level (line 4).</param>
/// <param name="L0">L_0^i, the same for every i.</param>
/// <param name="MaxAdjustments">The cap on each while-loop's iterations.</param>
/// <param name="Line8AsPrinted">Run line 8 as printed ("while ASSESS &gt; η₁") instead of the reading its comment gives ("while ASSESS &lt; η₁"); see <see cref="EigenArc"/>.</param>
public sealed record EigenArcSettings(double Gamma1 = 2, double Gamma2 = 0.5, double Eta1 = 1, double Eta2 = 1.25, double L0 = 1, int MaxAdjustments = 64, bool Line8AsPrinted = false)
{
    /// <summary>Checks the ranges Alg. 3 requires.</summary>
    public EigenArcSettings Validated()
    {
        if (!(Require.Finite(Gamma1, nameof(Gamma1)) > 1))
            throw new ArgumentException($"Gamma1 must be > 1, got {Require.Show(Gamma1)}.", nameof(Gamma1));
        if (!(Require.Positive(Gamma2, nameof(Gamma2)) < 1))
            throw new ArgumentException($"Gamma2 must lie in (0, 1), got {Require.Show(Gamma2)}.", nameof(Gamma2));
        Require.Positive(Eta1, nameof(Eta1));
        if (!(Require.Finite(Eta2, nameof(Eta2)) >= Eta1))
            throw new ArgumentException($"Eta2 must be ≥ Eta1 = {Require.Show(Eta1)}, got {Require.Show(Eta2)}.", nameof(Eta2));
        Require.Positive(L0, nameof(L0));
        if (MaxAdjustments < 1)
            throw new ArgumentException($"MaxAdjustments must be ≥ 1, got {MaxAdjustments}.", nameof(MaxAdjustments));
        return this;
    }
}

/// <summary>Which branch of Alg. 3's lines 4–18 ran.</summary>
public enum EigenArcBranch
{
    /// <summary>ASSESS &gt; η₂: all L scaled by γ₂ (line 5).</summary>
    Conservative,

    /// <summary>ASSESS &lt; η₁: all L raised, then each lowered as far as the assessment allows (lines 8–16).</summary>
    Liberal,

    /// <summary>η₁ ≤ ASSESS ≤ η₂: L unchanged.</summary>
    Kept,
}

/// <summary>One pass of lines 4–18 of Alg. 3.</summary>
/// <param name="Before">(L_t^i) on entry.</param>
/// <param name="After">(L_t^i) on exit.</param>
/// <param name="Branch">The branch taken.</param>
/// <param name="AssessBefore">ASSESS_LIPSCHITZ(Before).</param>
/// <param name="AssessAfter">ASSESS_LIPSCHITZ(After).</param>
/// <param name="Capped">True when a loop stopped at <see cref="EigenArcSettings.MaxAdjustments"/> instead of its condition, or where a factor γ would take an entry outside the normal doubles (below 2^-1022 or beyond double.MaxValue; the entries are then kept), line 15's raise included (before stop 43 that one was skipped without setting it, so Capped = false claimed a raise that did not happen).</param>
public sealed record EigenArcAdjustment(Vector<double> Before, Vector<double> After, EigenArcBranch Branch, double AssessBefore, double AssessAfter, bool Capped);

/// <summary>
/// BASE_OPT of elmo-amos Alg. 3 (Require line, line 19: θ_{t+1} ← BASE_OPT(θ_t)): the optimizer that moves θ while lines
/// 3–18 adapt the constants. It is built once per run from the LIPSCHITZ oracle that returns the constants lines 4–18
/// left at the current θ_t (App. J.1: lines 3–18 are "usable as the LIPSCHITZ subroutine of algorithm ELMO"), so a base
/// that has a LIPSCHITZ subroutine (ELMO, Cauchy's method) steps with the adapted constants, and one that has none
/// (gradient descent, Newton, any <see cref="IOptimizer"/>) ignores them: EigenARC then only measures the eigenspace
/// constants along that optimizer's path, the use §5 makes of it.
/// </summary>
public sealed class EigenArcBaseOptimizer
{
    private readonly Func<ILipschitzOracle, IOptimizer> create;

    /// <summary>A base named <paramref name="name"/> that <paramref name="create"/> builds from the adapted-constants oracle.</summary>
    public EigenArcBaseOptimizer(string name, Func<ILipschitzOracle, IOptimizer> create)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("name must not be empty.", nameof(name)) : name;
        this.create = create ?? throw new ArgumentNullException(nameof(create));
    }

    /// <summary>ELMO (Alg. 1) with the adapted constants: App. J.1's pairing, and the default.</summary>
    public static EigenArcBaseOptimizer Elmo { get; } = new("elmo", oracle => new ElmoOptimizer(oracle));

    /// <summary>Cauchy's method (App. F.1) with the adapted constants.</summary>
    public static EigenArcBaseOptimizer Cauchy { get; } = new("cauchy", oracle => new CauchyMethod(oracle));

    /// <summary>Any optimizer, which does not read the constants (they are then only measured along its path).</summary>
    public static EigenArcBaseOptimizer Of(IOptimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        return new(optimizer.Name, _ => optimizer);
    }

    /// <summary>A short, stable name.</summary>
    public string Name { get; }

    /// <summary>The base optimizer that reads its constants from <paramref name="adapted"/>.</summary>
    public IOptimizer Create(ILipschitzOracle adapted)
    {
        ArgumentNullException.ThrowIfNull(adapted);
        return create(adapted) ?? throw new InvalidOperationException($"the factory of base optimizer '{Name}' returned null.");
    }
}

/// <summary>
/// EigenARC, elmo-amos Alg. 3 (App. J.1): per-eigenspace Hessian-Lipschitz constants adapted by ASSESS_LIPSCHITZ
/// (<see cref="AssessLipschitz"/>, which always trials ELMO's step Δθ*(L̂) as the procedure is written), and a pluggable
/// BASE_OPT (<see cref="EigenArcBaseOptimizer"/>, default ELMO at the adapted constants) that takes line 19's step.
/// Reading of line 8: as printed it loops "while ASSESS &gt; η₁" right after line 7 found ASSESS &lt; η₁, so it never
/// runs and lines 11–16 only multiply every L by γ₁; the comment ("raise all L until assessment is passed") says the
/// condition is ASSESS &lt; η₁, which is what is implemented unless <see cref="EigenArcSettings.Line8AsPrinted"/>. Lines 12–15 are as printed.
/// </summary>
public sealed class EigenArc : IOptimizer
{
    /// <summary>Creates EigenARC with <paramref name="settings"/> (defaults when null) and BASE_OPT <paramref name="baseOptimizer"/> (ELMO when null).</summary>
    public EigenArc(EigenArcSettings? settings = null, EigenArcBaseOptimizer? baseOptimizer = null)
    {
        Settings = (settings ?? new EigenArcSettings()).Validated();
        BaseOptimizer = baseOptimizer ?? EigenArcBaseOptimizer.Elmo;
    }

    /// <summary>The constants.</summary>
    public EigenArcSettings Settings { get; }

    /// <summary>BASE_OPT.</summary>
    public EigenArcBaseOptimizer BaseOptimizer { get; }

    /// <inheritdoc />
    public string Name => ReferenceEquals(BaseOptimizer, EigenArcBaseOptimizer.Elmo)
        ? $"eigen-arc(L0={Require.Show(Settings.L0)})"
        : $"eigen-arc(L0={Require.Show(Settings.L0)}, base={BaseOptimizer.Name})";

    /// <inheritdoc />
    public IOptimizerRun Start(IObjective objective, Vector<double> theta0) => new EigenArcRun(this, objective, theta0);

    /// <summary>Lines 4–18 of Alg. 3 at θ_t with eigensystem <paramref name="eigen"/> and constants <paramref name="lipschitz"/>.</summary>
    /// <remarks>
    /// Range and accuracy: any L_i in (0, double.MaxValue]. Each After_i is Before_i times γ₂ or times and divided by γ₁, one
    /// rounding per factor (exact for the default powers of two); a factor that would leave the normal doubles is not
    /// applied and sets Capped, so no entry becomes subnormal, 0 or ∞ (a subnormal L_i given on entry is kept as it is
    /// where it would be lowered or raised to another subnormal). The branches and loops follow
    /// <see cref="AssessLipschitz.Ratio"/>'s values, whose own range and accuracy are its own.
    /// </remarks>
    public EigenArcAdjustment Adjust(IObjective objective, Vector<double> theta, EigenSystem eigen, Vector<double> lipschitz)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(eigen);
        Require.Positive(lipschitz, nameof(lipschitz));
        Require.SameLength(eigen.Dimension, lipschitz.Count, nameof(lipschitz));
        var s = Settings;
        var l = lipschitz.Clone();
        double Assess() => AssessLipschitz.Ratio(objective, theta, eigen, l);
        bool Representable(double v) => double.IsNormal(v) && v > 0;

        double before = Assess();
        bool capped = false;
        EigenArcBranch branch;
        if (before > s.Eta2)
        {
            branch = EigenArcBranch.Conservative;
            var lowered = l * s.Gamma2;
            if (lowered.All(Representable))
                l = lowered;
            else
                capped = true;
        }
        else if (before < s.Eta1)
        {
            branch = EigenArcBranch.Liberal;
            int k = 0;
            while (s.Line8AsPrinted ? Assess() > s.Eta1 : Assess() < s.Eta1)
            {
                var raised = l * s.Gamma1;
                if (++k > s.MaxAdjustments || !raised.All(Representable))
                {
                    capped = true;
                    break;
                }
                l = raised;
            }
            if (!capped)
            {
                for (int i = 0; i < l.Count; i++)
                {
                    k = 0;
                    bool stopped = false;
                    while (Assess() > s.Eta1)
                    {
                        double lowered = l[i] / s.Gamma1;
                        if (++k > s.MaxAdjustments || !Representable(lowered))
                        {
                            capped = stopped = true;
                            break;
                        }
                        l[i] = lowered;
                    }
                    if (stopped)
                        continue;
                    if (Representable(l[i] * s.Gamma1))
                        l[i] *= s.Gamma1; // line 15: undo the reduction that failed the assessment
                    else
                        capped = true; // line 15's raise would overflow: L_i kept, and Capped says so
                }
            }
        }
        else
        {
            branch = EigenArcBranch.Kept;
        }
        return new EigenArcAdjustment(lipschitz.Clone(), l, branch, before, Assess(), capped);
    }

    /// <summary>A run of EigenARC: θ_t (owned by BASE_OPT's run), (L_t^i) and the last adjustment.</summary>
    public sealed class EigenArcRun : IOptimizerRun
    {
        private readonly EigenArc owner;
        private readonly IObjective objective;
        private readonly IOptimizerRun baseRun;
        private Vector<double> lipschitz;

        internal EigenArcRun(EigenArc owner, IObjective objective, Vector<double> theta0)
        {
            var start = OptimizerArguments.StartingPoint(objective, theta0);
            this.owner = owner;
            this.objective = objective;
            lipschitz = Vector<double>.Build.Dense(start.Count, owner.Settings.L0);
            baseRun = owner.BaseOptimizer.Create(new AdaptedConstants(this)).Start(objective, start);
        }

        /// <inheritdoc />
        public Vector<double> Theta => baseRun.Theta;

        /// <inheritdoc />
        public int Iteration { get; private set; }

        /// <summary>(L_t^i), ascending-eigenvalue order.</summary>
        public Vector<double> Lipschitz => lipschitz.Clone();

        /// <summary>The last pass of lines 4–18 (null before the first step).</summary>
        public EigenArcAdjustment? Last { get; private set; }

        /// <summary>Line 3's eigensystem at the θ_t of the last step (null before the first step).</summary>
        public EigenSystem? LastEigen { get; private set; }

        /// <inheritdoc />
        public Vector<double> Step()
        {
            var theta = baseRun.Theta;
            var eigen = SymmetricEigen.Decompose(objective.Hessian(theta), objective.Gradient(theta));
            LastEigen = eigen;
            Last = owner.Adjust(objective, theta, eigen, lipschitz);
            lipschitz = Last.After;
            var step = baseRun.Step();
            Iteration++;
            return step;
        }

        /// <summary>LIPSCHITZ for BASE_OPT: the constants lines 4–18 left at θ_t (ordered by ascending eigenvalue, as line 3's).</summary>
        private sealed class AdaptedConstants(EigenArcRun run) : ILipschitzOracle
        {
            public string Name => "eigen-arc";

            public Vector<double> Estimate(IObjective objective, Vector<double> theta, EigenSystem eigen)
            {
                ArgumentNullException.ThrowIfNull(eigen);
                Require.SameLength(run.lipschitz.Count, eigen.Dimension, nameof(eigen));
                return run.lipschitz.Clone();
            }
        }
    }
}
