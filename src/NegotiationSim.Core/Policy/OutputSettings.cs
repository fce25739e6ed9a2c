namespace NegotiationSim.Core.Policy;

/// <summary>
/// Where a run's files go and what is written besides the CSVs and summary.json.
/// </summary>
/// <param name="Folder">The output folder, already resolved against the scenario file's folder; null for the console's default (a new folder under ./runs).</param>
/// <param name="Report">Also write report.html (the one-page HTML report) into the folder when the run ends.</param>
public sealed record OutputSettings(string? Folder = null, bool Report = false);
