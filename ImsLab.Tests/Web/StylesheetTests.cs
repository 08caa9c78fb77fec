using ImsLab.Tests.Support;

namespace ImsLab.Tests.Web;

public sealed class StylesheetTests
{
    // One unclosed rule swallows every rule after it without an error anywhere: the ladder diagram rendered as black
    // boxes after a merge lost a single brace.
    [Fact]
    public void EveryRuleOfTheDashboardStylesheetIsClosed()
    {
        var css = File.ReadAllText(RepositoryRoot.Combine("ImsLab.Web", "wwwroot", "imslab.css"));
        var depth = 0;
        var line = 1;
        foreach (var c in css)
        {
            if (c == '\n') line++;
            if (c == '{') depth++;
            if (c == '}') depth--;
            Assert.True(depth is >= 0 and <= 2, $"unbalanced braces near line {line}");
        }

        Assert.Equal(0, depth);
    }
}
