namespace NegotiationSim.Core.Market;

/// <summary>
/// Dense LU factorisation with partial (row) pivoting, PA = LU, stored LAPACK-style:
/// L (unit diagonal, implicit) and U share one matrix, and the row swaps are kept as a
/// sequence so a right-hand side can be permuted in place. Factorising is O(N³) and done
/// once per market; each what-if is then an O(N²) forward/back substitution.
/// </summary>
internal sealed class LuDecomposition
{
    // Relative pivot threshold: a pivot this small next to the largest entry means the
    // clearing system has no unique solution, so we fail loudly instead of returning noise.
    private const double SingularTolerance = 1e-13;

    private readonly double[,] _lu;
    private readonly int[] _swaps;

    public LuDecomposition(double[,] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int n = matrix.GetLength(0);
        if (n == 0 || matrix.GetLength(1) != n)
            throw new ArgumentException("LU needs a non-empty square matrix.", nameof(matrix));

        _lu = (double[,])matrix.Clone();
        _swaps = new int[n];
        double scale = 0;
        foreach (double x in _lu)
            scale = Math.Max(scale, Math.Abs(x));
        double tiny = SingularTolerance * Math.Max(scale, double.Epsilon);

        for (int c = 0; c < n; c++)
        {
            // Partial pivoting: largest magnitude in the column bounds the multipliers by 1.
            int p = c;
            for (int i = c + 1; i < n; i++)
                if (Math.Abs(_lu[i, c]) > Math.Abs(_lu[p, c]))
                    p = i;
            if (!(Math.Abs(_lu[p, c]) > tiny))
                throw new InvalidOperationException($"Matrix is singular to working precision (column {c}).");
            _swaps[c] = p;
            if (p != c)
                for (int j = 0; j < n; j++)
                    (_lu[c, j], _lu[p, j]) = (_lu[p, j], _lu[c, j]);

            double pivot = _lu[c, c];
            for (int i = c + 1; i < n; i++)
            {
                double f = _lu[i, c] / pivot;
                _lu[i, c] = f;
                if (f == 0)
                    continue;
                for (int j = c + 1; j < n; j++)
                    _lu[i, j] -= f * _lu[c, j];
            }
        }
    }

    public int Size => _swaps.Length;

    /// <summary>Overwrites <paramref name="rhs"/> (b) with x such that A·x = b.</summary>
    public void SolveInPlace(Span<double> rhs)
    {
        int n = Size;
        if (rhs.Length != n)
            throw new ArgumentException($"Right-hand side must have length {n}.", nameof(rhs));

        for (int c = 0; c < n; c++)
            if (_swaps[c] != c)
                (rhs[c], rhs[_swaps[c]]) = (rhs[_swaps[c]], rhs[c]);

        for (int i = 1; i < n; i++) // L·y = Pb (unit lower triangle)
        {
            double s = rhs[i];
            for (int j = 0; j < i; j++)
                s -= _lu[i, j] * rhs[j];
            rhs[i] = s;
        }

        for (int i = n - 1; i >= 0; i--) // U·x = y
        {
            double s = rhs[i];
            for (int j = i + 1; j < n; j++)
                s -= _lu[i, j] * rhs[j];
            rhs[i] = s / _lu[i, i];
        }
    }
}
