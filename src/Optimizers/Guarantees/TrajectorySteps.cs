namespace Verification.Optimizers.Guarantees;

/// <summary>The number of steps T a trajectory guarantee is replayed over, validated in one place.</summary>
public static class TrajectorySteps
{
    /// <summary>T when a declaration does not state it: enough for momentum and moment estimates to build up.</summary>
    public const int Default = 20;

    /// <summary>The largest T accepted (each step of each generated input is replayed and decided exactly).</summary>
    public const int Max = 1000;

    /// <summary>Returns <paramref name="steps"/> or throws <see cref="ArgumentException"/> unless 1 ≤ T ≤ <see cref="Max"/>.</summary>
    public static int Require(int steps, string name) =>
        steps is >= 1 and <= Max ? steps : throw new ArgumentException($"{name} must be in [1, {Max}], got {steps}.", name);
}
