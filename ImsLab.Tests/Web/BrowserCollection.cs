namespace ImsLab.Tests.Web;

/// <summary>
/// Every browser test shares one host and one Chromium. They run on their own, after the other collections: with
/// the whole suite competing for two cores, a Blazor circuit could fall seconds behind the browser driving it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
