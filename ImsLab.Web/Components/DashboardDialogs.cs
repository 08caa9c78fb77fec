using Radzen;

namespace ImsLab.Web.Components;

/// <summary>How the dashboard opens its editor dialogs.</summary>
public static class DashboardDialogs
{
    /// <summary>
    /// Options for an editor of <paramref name="width"/>. Radzen's default focus handling moves the focus to the
    /// dialog's first focusable element half a second after the dialog opens (a setTimeout of 500 ms in
    /// Radzen.Blazor.js openDialog): keystrokes an engineer is typing into another field at that moment land there
    /// instead, and the jump scrolls a long dialog back to the top under the pointer. The editors turn that off and
    /// focus their first field themselves as soon as they have rendered (see their OnAfterRenderAsync).
    /// </summary>
    public static DialogOptions Editor(string width) => new() { Width = width, CloseDialogOnEsc = true, AutoFocusFirstElement = false };
}
