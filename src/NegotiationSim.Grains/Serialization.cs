using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

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

    public static IServiceCollection AddNegotiationSimSerialization(this IServiceCollection services) =>
        services.AddSerializer(s => s.AddJsonSerializer(
            isSupported: t => t.Namespace?.StartsWith("NegotiationSim.Core", StringComparison.Ordinal) == true,
            Options));
}
