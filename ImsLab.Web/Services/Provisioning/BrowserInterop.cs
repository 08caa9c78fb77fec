using Microsoft.JSInterop;

namespace ImsLab.Web.Services.Provisioning;

/// <summary>
/// The dashboard's browser-side helpers (wwwroot/imslab-interop.js), imported on first use by the page that owns
/// this instance and released with it.
/// </summary>
internal sealed class BrowserInterop(IJSRuntime js) : IAsyncDisposable
{
    private const string ModulePath = "./_content/ImsLab.Web/imslab-interop.js";

    private IJSObjectReference? _module;

    /// <summary>Streams <paramref name="content"/> from its current position to the browser as a download.</summary>
    public async Task SaveFileAsync(string fileName, string contentType, Stream content)
    {
        using var stream = new DotNetStreamReference(content, leaveOpen: true);
        await (await ModuleAsync()).InvokeVoidAsync("saveFile", fileName, contentType, stream);
    }

    /// <summary>Copies text to the clipboard; false when the browser refuses.</summary>
    public async Task<bool> CopyTextAsync(string text) => await (await ModuleAsync()).InvokeAsync<bool>("copyText", text);

    public async ValueTask DisposeAsync()
    {
        if (_module is null) return;
        try
        {
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the module with it.
        }
    }

    private async ValueTask<IJSObjectReference> ModuleAsync() => _module ??= await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
}
