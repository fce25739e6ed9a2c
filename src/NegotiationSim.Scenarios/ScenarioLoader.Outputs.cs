using NegotiationSim.Core.Policy;
using YamlDotNet.RepresentationModel;
using L = NegotiationSim.Scenarios.Language.ScenarioLanguage;

namespace NegotiationSim.Scenarios;

/// <summary>The `outputs:` section. The folder is relative to the file that names it, like `extends:`.</summary>
public static partial class ScenarioLoader
{
    private static OutputSettings ReadOutputs(NodeReader r, YamlMappingNode root)
    {
        if (r.Map(root, L.Root.Outputs) is not { } m) return new OutputSettings();
        r.CheckKeys(m, L.OutputSection.Shape);
        string? folder = null;
        if (r.Get(m, L.OutputSection.Folder) is { } node && r.Text(m, L.OutputSection.Folder) is { } text)
        {
            if (string.IsNullOrWhiteSpace(text) || text.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
                r.Error(node, $"'{text}' is not a folder path");
            else
                folder = r.PathBeside(node, text);
        }
        return new OutputSettings(folder, r.Boolean(m, L.OutputSection.Report, false));
    }
}
