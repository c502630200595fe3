namespace Omnichannel.Bots.Web.Tests;

/// <summary>The in-test web server on its own, without a browser.</summary>
public sealed class StaticSiteTests
{
    [Fact]
    public async Task Static_site_answers_404_for_a_path_it_does_not_serve()
    {
        await using var site = await StaticSite.StartAsync(new Dictionary<string, StaticContent>
        {
            ["/index.html"] = StaticContent.Html("<p>here</p>"),
        });
        using var http = new HttpClient();

        using var found = await http.GetAsync(site.UrlOf("/index.html"));
        using var missing = await http.GetAsync(site.UrlOf("/nowhere.js"));

        Assert.Equal(System.Net.HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("text/html; charset=utf-8", found.Content.Headers.ContentType?.ToString());
        Assert.Equal("<p>here</p>", await found.Content.ReadAsStringAsync());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(["/index.html", "/nowhere.js"], site.RequestedPaths);
        Assert.Equal("127.0.0.1", site.BaseUrl.Host);
        Assert.NotEqual(0, site.BaseUrl.Port);
    }
}
