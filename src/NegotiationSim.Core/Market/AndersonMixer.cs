using System.Runtime.CompilerServices;

namespace NegotiationSim.Core.Market;

/// <summary>
/// Anderson acceleration of a fixed-point iteration x ← G(x) (Walker &amp; Ni 2011): the next point combines the last
/// few iterates so that the combined residual G(x) − x is smallest. The stage sweeps of a mineral are such an
/// iteration (input costs → stage prices → input costs); plain sweeps crawl when a shock couples the stages tightly.
/// </summary>
internal sealed class AndersonMixer(int depth)
{
    private readonly List<double[]> _points = [];
    private readonly List<double[]> _residuals = [];

    /// <summary>Given x and G(x), returns the next x. Restarts on its own when the history stops helping.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double[] Next(double[] x, double[] gx)
    {
        var f = new double[x.Length];
        for (var i = 0; i < x.Length; i++) f[i] = gx[i] - x[i];
        if (_residuals.Count > 0 && Norm(f) > 10 * Norm(_residuals[^1])) Restart();
        _points.Add(x);
        _residuals.Add(f);
        if (_points.Count > depth + 1)
        {
            _points.RemoveAt(0);
            _residuals.RemoveAt(0);
        }
        var m = _points.Count - 1;
        if (m == 0) return gx;
        // Differences of residuals and of images; least squares for γ in min ‖f − ΔF·γ‖ via regularised normal equations.
        var dF = new double[m][];
        var dG = new double[m][];
        for (var k = 0; k < m; k++)
        {
            dF[k] = new double[x.Length];
            dG[k] = new double[x.Length];
            for (var i = 0; i < x.Length; i++)
            {
                dF[k][i] = _residuals[k + 1][i] - _residuals[k][i];
                dG[k][i] = (_points[k + 1][i] + _residuals[k + 1][i]) - (_points[k][i] + _residuals[k][i]);
            }
        }
        var a = new double[m, m];
        var b = new double[m];
        var scale = 0.0;
        for (var p = 0; p < m; p++)
        {
            for (var q = 0; q < m; q++) a[p, q] = Dot(dF[p], dF[q]);
            b[p] = Dot(dF[p], f);
            scale = Math.Max(scale, a[p, p]);
        }
        if (scale <= 0) return gx;
        for (var p = 0; p < m; p++) a[p, p] += 1e-10 * scale;
        var gamma = b;
        try
        {
            new LuDecomposition(a).SolveInPlace(gamma);
        }
        catch (InvalidOperationException)
        {
            Restart();
            return gx;
        }
        var correction = new double[x.Length];
        for (var k = 0; k < m; k++)
            for (var i = 0; i < x.Length; i++) correction[i] -= gamma[k] * dG[k][i];
        // A trust bound on the extrapolation: far from the plain sweep's point, the history says little.
        var size = correction.Max(Math.Abs);
        var shrink = size > MaxCorrection ? MaxCorrection / size : 1.0;
        var next = new double[x.Length];
        for (var i = 0; i < x.Length; i++) next[i] = gx[i] + shrink * correction[i];
        return next.All(double.IsFinite) ? next : gx;
    }

    public const double MaxCorrection = 0.05;

    /// <summary>Forgets the history and returns G(x): the plain sweep.</summary>
    public double[] Reset(double[] gx)
    {
        Restart();
        return gx;
    }

    private void Restart()
    {
        _points.Clear();
        _residuals.Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Dot(double[] u, double[] v)
    {
        var s = 0.0;
        for (var i = 0; i < u.Length; i++) s += u[i] * v[i];
        return s;
    }

    private static double Norm(double[] u) => Math.Sqrt(Dot(u, u));
}
