using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Objectives.Generic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives.Generic;

/// <summary>Closed-form values of the generic objectives, their exact constants, and bad input.</summary>
public class GenericObjectiveExamples
{
    /// <summary>
    /// GenericQuadratic.HasDiagonalHessian is true exactly when the stored A has no non-zero entry off the diagonal (read
    /// here from SpectralQuadratic.FromEigenvalues' matrix, which it stores): unrotated eigenvalues (no seed) give a diagonal A, a seeded rotation
    /// does not. The Hessian-diagonal path of the generic checks relies on it.
    /// </summary>
    [Fact]
    public void GenericQuadratic_HasDiagonalHessian_ExactlyWhenAIsDiagonal()
    {
        foreach (int? seed in new int?[] { null, 1, 7 })
        {
            var f = new GenericQuadratic([1.0, 2.0, 3.0], [0.0, 0.0, 0.0], seed);
            var a = SpectralQuadratic.FromEigenvalues([1.0, 2.0, 3.0], [0.0, 0.0, 0.0], seed).A;
            bool diagonal = true;
            for (int i = 0; i < a.RowCount; i++)
                for (int j = 0; j < a.ColumnCount; j++)
                    diagonal &= i == j || a[i, j] == 0;
            Assert.Equal(diagonal, f.HasDiagonalHessian);
            if (seed is not null)
                Assert.False(diagonal, $"seed {seed}: a rotated A should have an entry off the diagonal");
        }
    }

    private static GenericCubicPerturbedQuadratic CubicPlane() =>
        new(Matrix<double>.Build.DenseOfDiagonalArray([1.0, 2]), 3, Vector<double>.Build.DenseOfArray([1.0, 1]));

    [Fact]
    public void CubicPerturbedQuadratic_AtAPoint_IsItsClosedForm()
    {
        // θ = (1, 1): ½(1 + 2) + (3/6)·2³ = 5.5; ∇f = (1, 2) + (3/2)·4·(1, 1) = (7, 8); H = diag(1, 2) + 3·2·11ᵀ.
        var f = CubicPlane();
        var x = RealVector.Constant<RationalInterval>([1.0, 1]);
        Assert.Equal(new Fraction(11, 2), f.Value(x).Lower);
        Assert.Equal([new Fraction(7), new Fraction(8)], f.Gradient(x).Select(g => g.Lower));
        var h = f.Hessian(x);
        Assert.Equal(new Fraction(7), h[0, 0].Lower);
        Assert.Equal(new Fraction(6), h[0, 1].Lower);
        Assert.Equal(new Fraction(8), h[1, 1].Lower);
    }

    [Fact]
    public void LipschitzCubicBound_AlongU_IsAnExactRational()
    {
        // |c|‖u‖³‖Δ‖³ with ‖u‖² = 2, ‖Δ‖² = 2 (Δ = u): 3·(4)^{3/2} = 24, exactly, although ‖u‖³ alone is irrational.
        var bound = CubicPlane().LipschitzCubicBound(RationalInterval.Exact(2.0));
        Assert.Equal(new Fraction(24), bound.Lower);
        Assert.True(bound.Width.IsZero);
        var lh = CubicPlane().HessianLipschitz<RationalInterval>();
        Assert.True(lh.Lower * lh.Lower <= new Fraction(72) && new Fraction(72) <= lh.Upper * lh.Upper); // (3·2√2)² = 72
    }

    [Fact]
    public void Structure_IsReported()
    {
        Assert.False(CubicPlane().HasDiagonalHessian);
        Assert.True(new GenericCubicPerturbedQuadratic(Matrix<double>.Build.DenseOfDiagonalArray([1.0, 2]), 3, Vector<double>.Build.DenseOfArray([0.0, 1])).HasDiagonalHessian);
        Assert.True(new GenericQuadratic([1, 2], [0, 0], null).HasDiagonalHessian);
        Assert.False(new GenericQuadratic([1, 2], [0, 0], 4).HasDiagonalHessian);
        Assert.Equal(CubicPlane().Reference.Name, ((IGenericObjective)CubicPlane()).Name);
    }

    [Fact]
    public void WrongLength_IsRejectedNamingTheta()
    {
        var e = Assert.Throws<ArgumentException>(() => CubicPlane().Value(RealVector.Constant<Float64>([1.0, 2, 3])));
        Assert.Equal("theta", e.ParamName);
        var separable = new GenericSeparableObjective(new SeparableObjective([new CubicTerm(1, 2)]));
        Assert.Equal("theta", Assert.Throws<ArgumentException>(() => separable.Gradient(RealVector.Constant<Float64>([1.0, 2]))).ParamName);
    }

    [Fact]
    public void ATermWithoutAGenericVersion_IsRejected()
    {
        Assert.Throws<ArgumentNullException>(() => GenericScalarTerm.Of(null!));
        Assert.Equal("term", Assert.Throws<ArgumentException>(() => GenericScalarTerm.Of(new OtherTerm())).ParamName);
    }

    [Fact]
    public void BadParameters_AreRejectedByTheReference()
    {
        Assert.Throws<ArgumentException>(() => new GenericCubicPerturbedQuadratic(Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 0, 1 } }), 1, Vector<double>.Build.Dense(2, 1)));
        Assert.Throws<ArgumentException>(() => new GenericLogisticRegression(Matrix<double>.Build.Dense(2, 2, 1), [1, 0.5], 0.1));
    }

    private sealed class OtherTerm : IScalarTerm
    {
        public string Name => "other";
        public double Value(double x) => x;
        public double First(double x) => 1;
        public double Second(double x) => 0;
        public double Third(double x) => 0;
        public double ThirdBound => 0;
        public double SecondInfimum => 0;
        public double SecondSupremum => 0;
        public RationalInterval? ExactSecond(double x) => null;
        public RationalInterval? ExactValue(double x) => null;
        public RationalInterval? ExactFirst(double x) => null;
    }
}
