using System.Runtime.CompilerServices;

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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    /// <summary>
    /// <see cref="SolveInPlace(Span{double})"/> for four right-hand sides in one pass over the factors (the factors of
    /// a 200-region market do not fit in cache, so reading them once instead of four times is most of the saving).
    /// Each vector sees the same operations in the same order as when solved alone: the same bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SolveInPlace(Span<double> a, Span<double> b, Span<double> c, Span<double> d)
    {
        int n = Size;
        if (a.Length != n || b.Length != n || c.Length != n || d.Length != n)
            throw new ArgumentException($"Right-hand sides must have length {n}.");

        for (int k = 0; k < n; k++)
        {
            int p = _swaps[k];
            if (p == k)
                continue;
            (a[k], a[p]) = (a[p], a[k]);
            (b[k], b[p]) = (b[p], b[k]);
            (c[k], c[p]) = (c[p], c[k]);
            (d[k], d[p]) = (d[p], d[k]);
        }

        for (int i = 1; i < n; i++)
        {
            double sa = a[i], sb = b[i], sc = c[i], sd = d[i];
            for (int j = 0; j < i; j++)
            {
                double l = _lu[i, j];
                sa -= l * a[j];
                sb -= l * b[j];
                sc -= l * c[j];
                sd -= l * d[j];
            }
            (a[i], b[i], c[i], d[i]) = (sa, sb, sc, sd);
        }

        for (int i = n - 1; i >= 0; i--)
        {
            double sa = a[i], sb = b[i], sc = c[i], sd = d[i];
            for (int j = i + 1; j < n; j++)
            {
                double u = _lu[i, j];
                sa -= u * a[j];
                sb -= u * b[j];
                sc -= u * c[j];
                sd -= u * d[j];
            }
            double pivot = _lu[i, i];
            (a[i], b[i], c[i], d[i]) = (sa / pivot, sb / pivot, sc / pivot, sd / pivot);
        }
    }
}
