using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace NegotiationSim.Server.Wargame;

/// <summary>
/// Where a class reaches the host. Bound to every interface (0.0.0.0 or [::]), the bound address is no address a team can
/// type: the machine's LAN addresses are. <see cref="PublicAddress"/> holds the one team links are built from.
/// </summary>
public static class LanAddresses
{
    /// <summary>True when <paramref name="bound"/> (as Kestrel reports it, e.g. http://0.0.0.0:5393) listens on every interface.</summary>
    public static bool IsWildcard(string bound) =>
        Uri.TryCreate(bound, UriKind.Absolute, out var u) && u.Host is "0.0.0.0" or "[::]" or "::";

    /// <summary>The bound address with its host replaced by each usable IPv4 address of this machine (up, not loopback or link-local).</summary>
    public static IReadOnlyList<string> Of(string bound)
    {
        var u = new Uri(bound);
        return Usable().Select(ip => $"{u.Scheme}://{ip}:{u.Port}").ToArray();
    }

    /// <summary>The address to open on this machine: loopback in place of a wildcard host.</summary>
    public static string Local(string bound)
    {
        var u = new Uri(bound);
        return u.Host switch
        {
            "0.0.0.0" => $"{u.Scheme}://127.0.0.1:{u.Port}",
            "[::]" or "::" => $"{u.Scheme}://[::1]:{u.Port}",
            _ => bound.TrimEnd('/'),
        };
    }

    /// <summary>Null when <paramref name="url"/> is an http(s) address with a host and nothing after it, else why not.</summary>
    public static string? Check(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" && !string.IsNullOrEmpty(u.Host)
            && u.AbsolutePath == "/" && u.Query.Length == 0 && u.Fragment.Length == 0 && !IsWildcard(url)
            ? null
            : $"--public-url: '{url}' is not an address teams can open; give one like http://10.0.0.5:5393";

    private static IEnumerable<IPAddress> Usable()
    {
        NetworkInterface[] nics;
        try { nics = NetworkInterface.GetAllNetworkInterfaces(); }
        catch (NetworkInformationException) { return []; } // no interface list on this platform: print no LAN lines
        return nics.Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses.Select(a => a.Address))
            .Where(ip => ip.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(ip)
                && !ip.ToString().StartsWith("169.254.", StringComparison.Ordinal))
            .Distinct()
            .OrderBy(ip => ip.ToString(), StringComparer.Ordinal);
    }
}

/// <summary>The address team links are built from (`--public-url`, else the first LAN address); null: the page's own origin.</summary>
public sealed class PublicAddress(string? url)
{
    public string? Url { get; set; } = url?.TrimEnd('/');
}
