using System.Reflection;
using System.Runtime.Loader;

namespace NegotiationSim.Core.Negotiation;

/// <summary>
/// Strategy names a scenario may use: the built-ins and every public <see cref="INegotiationStrategy"/> class with a
/// public parameterless constructor in the user's assemblies, by class name with or without its "Strategy" suffix
/// (case-insensitive). A user strategy runs behind a guard (<see cref="GuardedStrategy"/>).
/// </summary>
public sealed class StrategyCatalog
{
    private static readonly (string Name, Func<INegotiationStrategy> Create)[] BuiltIns =
    [
        ("boulware", () => new BoulwareStrategy()),
        ("linear", () => new LinearStrategy()),
        ("conceder", () => new ConcederStrategy()),
        ("tit-for-tat", () => new TitForTatStrategy()),
        ("rubinstein", () => new RubinsteinStrategy()),
    ];

    private readonly Dictionary<string, Func<INegotiationStrategy>> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _names = [];

    private StrategyCatalog() { }

    public static StrategyCatalog Default { get; } = Load([]);

    /// <summary>Names in the order a user reads them: built-ins first, then user strategies by assembly and class name.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The built-ins plus the strategies in the given assemblies (full paths). Throws <see cref="StrategyException"/> with what and where.</summary>
    public static StrategyCatalog Load(IEnumerable<string> assemblyPaths)
    {
        var catalog = new StrategyCatalog();
        foreach (var (name, create) in BuiltIns) catalog.Add(name, create);
        foreach (var path in assemblyPaths)
        {
            Assembly assembly;
            try
            {
                assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(path));
            }
            catch (Exception e) when (e is FileNotFoundException or BadImageFormatException or FileLoadException or IOException)
            {
                throw new StrategyException($"cannot load strategy assembly '{path}': {e.Message}");
            }
            Type[] types;
            try
            {
                types = assembly.GetExportedTypes();
            }
            catch (Exception e) when (e is ReflectionTypeLoadException or TypeLoadException or FileNotFoundException)
            {
                throw new StrategyException($"cannot read the types of strategy assembly '{path}': {e.Message}");
            }
            foreach (var type in types.Where(IsStrategy).OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                var t = type;
                INegotiationStrategy Create() => new GuardedStrategy((INegotiationStrategy)Activator.CreateInstance(t)!, t.Name);
                catalog.Add(t.Name, Create);
                if (t.Name.EndsWith("Strategy", StringComparison.Ordinal) && t.Name.Length > "Strategy".Length)
                    catalog._byName.TryAdd(t.Name[..^"Strategy".Length], Create);
            }
        }
        return catalog;
    }

    private static bool IsStrategy(Type t) =>
        t is { IsClass: true, IsAbstract: false } && typeof(INegotiationStrategy).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null;

    private void Add(string name, Func<INegotiationStrategy> create)
    {
        if (!_byName.TryAdd(name, create)) throw new StrategyException($"two strategies are called '{name}'; rename one of the classes");
        _names.Add(name);
    }

    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>A fresh instance for one side of one session.</summary>
    public INegotiationStrategy Create(string name) =>
        _byName.TryGetValue(name, out var create) ? create() : throw new StrategyException(UnknownMessage(name));

    public string UnknownMessage(string name) => $"unknown strategy '{name}'; available: {string.Join(", ", _names)}";
}

/// <summary>A strategy cannot be found or loaded.</summary>
public sealed class StrategyException(string message) : Exception(message);
