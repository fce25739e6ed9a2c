using System.Globalization;
using System.Net;

namespace NegotiationSim.Server.Reports;

/// <summary>Escaping and number formats shared by the HTML report and the comparison page.</summary>
public static class Html
{
    /// <summary>Every string that came from a run's files goes through here: names, reasons, deal terms.</summary>
    public static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    public static string Num(double x, string format = "N0") =>
        double.IsNaN(x) || double.IsInfinity(x) ? "–" : x.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Compact: 912k, 1.2M, 3.4bn; keeps the sign.</summary>
    public static string Short(double x)
    {
        if (double.IsNaN(x) || double.IsInfinity(x)) return "–";
        var a = Math.Abs(x);
        var (v, unit) = a >= 1e9 ? (x / 1e9, "bn") : a >= 1e6 ? (x / 1e6, "M") : a >= 1e3 ? (x / 1e3, "k") : (x, "");
        var format = Math.Abs(v) >= 100 || unit == "" && Math.Abs(v) >= 10 ? "0" : Math.Abs(v) >= 10 ? "0.#" : "0.##";
        return v.ToString(format, CultureInfo.InvariantCulture) + unit;
    }

    public static string Pct(double x) => double.IsNaN(x) ? "–" : (x * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    /// <summary>Relative change b vs a, as a signed percentage; "–" when there is no base.</summary>
    public static string Change(double a, double b) =>
        double.IsNaN(a) || double.IsNaN(b) || a == 0 ? "–" : ((b - a) / Math.Abs(a) * 100).ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>The page's look: readable in light and dark (follows the reader's system setting), printable.</summary>
    public const string Style = """
        :root { --bg:#ffffff; --fg:#1b1f24; --muted:#5b6470; --grid:#d7dce2; --card:#f5f7f9; --s1:#1f6fd1; --s2:#c2410c; --s3:#6d28d9; --s4:#0f766e; --up:#15803d; --down:#b91c1c; --cell:#1f6fd1; }
        @media (prefers-color-scheme: dark) { :root { --bg:#15181c; --fg:#e6e9ed; --muted:#9aa4b1; --grid:#39414b; --card:#1e2328; --s1:#6aa8ff; --s2:#ff9a5c; --s3:#c4a5ff; --s4:#4fd1c5; --up:#4ade80; --down:#f87171; --cell:#6aa8ff; } }
        body { background:var(--bg); color:var(--fg); font:15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin:0 auto; max-width:1200px; padding:1.5rem; }
        h1 { font-size:1.6rem; margin:.2rem 0; } h2 { margin-top:2.2rem; border-bottom:1px solid var(--grid); padding-bottom:.2rem; } h3 { font-size:1rem; margin:.2rem 0; }
        .muted, figcaption { color:var(--muted); } .question { font-size:1.1rem; font-style:italic; }
        nav a { margin-right:1rem; color:var(--s1); }
        table { border-collapse:collapse; margin:.5rem 0; font-variant-numeric:tabular-nums; }
        th, td { border-bottom:1px solid var(--grid); padding:.25rem .6rem; text-align:left; vertical-align:top; }
        td.n, th.n { text-align:right; } td:first-child { white-space:nowrap; } .up { color:var(--up); } .down { color:var(--down); }
        .grid { display:grid; grid-template-columns:repeat(auto-fill, minmax(360px, 1fr)); gap:1rem; }
        figure { background:var(--card); border-radius:6px; margin:0; padding:.6rem; }
        svg { display:block; max-width:100%; height:auto; color:var(--fg); font-size:11px; }
        svg text { fill:currentColor; } svg .axis { stroke:var(--grid); } svg .lbl { fill:var(--muted); }
        svg .s1 { stroke:var(--s1); } svg .s2 { stroke:var(--s2); } svg .s3 { stroke:var(--s3); } svg .s4 { stroke:var(--s4); }
        svg .f1 { fill:var(--s1); } svg .f2 { fill:var(--s2); } svg .f3 { fill:var(--s3); } svg .f4 { fill:var(--s4); }
        svg .fup { fill:var(--up); } svg .fdown { fill:var(--down); } svg .dash { stroke-dasharray:5 4; }
        .key span { margin-right:1rem; white-space:nowrap; } .key i { display:inline-block; width:1.2rem; height:.2rem; vertical-align:middle; margin-right:.3rem; }
        .k1 { background:var(--s1); } .k2 { background:var(--s2); } .k3 { background:var(--s3); } .k4 { background:repeating-linear-gradient(90deg, var(--s4) 0 5px, transparent 5px 9px); }
        td.heat { text-align:right; background:color-mix(in srgb, var(--cell) calc(var(--a) * 70%), transparent); }
        details { margin:.5rem 0; } summary { cursor:pointer; color:var(--muted); }
        """;
}
