namespace NegotiationSim.Core.World;

/// <summary>Production stage of a mineral: ore/concentrate → refined/processed → product.</summary>
public enum Stage
{
    Ore = 0,
    Refined = 1,
    Product = 2,
}

public static class Stages
{
    public const int Count = 3;
    public static readonly Stage[] All = [Stage.Ore, Stage.Refined, Stage.Product];

    public static string Name(Stage s) => s switch
    {
        Stage.Ore => "ore",
        Stage.Refined => "refined",
        Stage.Product => "product",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    public static bool TryParse(string text, out Stage stage)
    {
        switch (text)
        {
            case "ore": stage = Stage.Ore; return true;
            case "refined": stage = Stage.Refined; return true;
            case "product": stage = Stage.Product; return true;
            default: stage = Stage.Ore; return false;
        }
    }
}
