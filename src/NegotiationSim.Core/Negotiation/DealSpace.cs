namespace NegotiationSim.Core.Negotiation;

/// <summary>The issues of a mineral deal and their grids (MODEL.md §3.2): about 10⁴ outcomes, cheap to enumerate.</summary>
public static class DealSpace
{
    public const int Volume = 0;
    public const int Price = 1;
    public const int Duration = 2;
    public const int BuyerCut = 3;
    public const int SellerCut = 4;
    public const int Investment = 5;
    public const int Processing = 6;

    public static OutcomeSpace Standard { get; } = new([
        new Issue("offtake", [0, 0.05, 0.1, 0.2, 0.4], ["0%", "5%", "10%", "20%", "40%"]),
        new Issue("price", [-0.2, -0.1, 0, 0.1, 0.2], ["ref-20%", "ref-10%", "ref", "ref+10%", "ref+20%"]),
        new Issue("months", [12, 36, 60], ["12", "36", "60"]),
        new Issue("buyer-cut", [0, 0.25, 0.5, 1], ["0%", "25%", "50%", "100%"]),
        new Issue("seller-cut", [0, 0.25, 0.5, 1], ["0%", "25%", "50%", "100%"]),
        new Issue("investment", [0, 0.5, 1, 2], ["0", "0.5x", "1x", "2x"]),
        new Issue("processing", [0, 1], ["none", "in-seller"]),
    ]);
}
