// Browser-side helpers of the dashboard, imported as a module where needed.

// Saves a stream the server sends (Blazor's DotNetStreamReference) as a file download; used by the export buttons.
export async function saveFile(fileName, contentType, streamReference) {
    const buffer = await streamReference.arrayBuffer();
    const url = URL.createObjectURL(new Blob([buffer], { type: contentType }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
}

// Copies text to the clipboard; false when the browser refuses (then the user copies the selected text by hand).
export async function copyText(text) {
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        return false;
    }
}
