namespace ImsLab.Tests.Web;

/// <summary>Every browser test shares one host and one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
