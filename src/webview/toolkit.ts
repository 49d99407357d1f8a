/**
 * The only module that imports @vscode/webview-ui-toolkit (deprecated by Microsoft since
 * 2025-01-01, required here). Replacing it, e.g. with @vscode-elements/elements, touches this
 * file and the tag names in the HTML only.
 */
import { provideVSCodeDesignSystem, vsCodeButton, vsCodeDropdown, vsCodeOption, vsCodeTextField } from '@vscode/webview-ui-toolkit';

/** Registers the controls the preview's HTML uses (webview-html.ts), and only those. */
export function registerToolkit(): void {
    provideVSCodeDesignSystem().register(vsCodeButton(), vsCodeDropdown(), vsCodeOption(), vsCodeTextField());
}

/** The value of a toolkit control (dropdown, text field), read the same way whatever the library. */
export function controlValue(element: Element | null): string {
    return (element as HTMLInputElement | null)?.value ?? '';
}

/** Replaces a dropdown's options; keeps the selection when it still exists. */
export function setDropdownOptions(dropdown: Element | null, anyLabel: string, values: readonly string[]): void {
    if (!dropdown) return;
    const current = controlValue(dropdown);
    const known = [...dropdown.querySelectorAll('vscode-option')].map(option => option.getAttribute('value') ?? '');
    if (known.length === values.length + 1 && values.every((value, i) => known[i + 1] === value)) return;
    dropdown.replaceChildren();
    for (const value of ['', ...values]) {
        const option = document.createElement('vscode-option');
        option.setAttribute('value', value);
        option.textContent = value || anyLabel;
        dropdown.appendChild(option);
    }
    (dropdown as HTMLSelectElement).value = values.includes(current) ? current : '';
}

/** Marks one of a set of buttons as the active one (primary appearance). */
export function setActiveButton(buttons: Element[], active: Element | null): void {
    for (const button of buttons) button.setAttribute('appearance', button === active ? 'primary' : 'secondary');
}
