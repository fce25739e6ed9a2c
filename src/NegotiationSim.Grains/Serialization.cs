using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;

namespace NegotiationSim.Grains;

/// <summary>
/// The core stays free of Orleans, so its records cross grain boundaries through Orleans' System.Text.Json codec.
/// Doubles round-trip exactly in System.Text.Json, which keeps grain runs byte-identical to the reference engine.
/// </summary>
public static class Serialization
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        IncludeFields = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private static bool IsCore(Type t) => t.Namespace?.StartsWith("NegotiationSim.Core", StringComparison.Ordinal) == true;

    public static IServiceCollection AddNegotiationSimSerialization(this IServiceCollection services) =>
        services.AddSerializer(s =>
        {
            s.AddJsonSerializer(isSerializable: IsCore, isCopyable: _ => false, o => o.Configure(c => c.SerializerOptions = Options));
            s.Services.AddSingleton<IGeneralizedCopier, SharedCoreRecords>();
        });

    /// <summary>
    /// Calls inside one silo pass core records by reference instead of deep-copying them through JSON: the coordinator
    /// and the countries build a fresh message for every call and never change one after sending it (the reference
    /// engine shares them the same way, and the engine-agreement test holds the two byte-identical). Calls between silos
    /// still serialize.
    /// </summary>
    private sealed class SharedCoreRecords : IGeneralizedCopier
    {
        public object? DeepCopy(object? input, CopyContext context) => input;

        public bool IsSupportedType(Type type) => IsCore(type);
    }
}
