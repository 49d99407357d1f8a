/**
 * The VS Code theme variables the preview and the toolkit read, as VS Code's "Light Modern" and
 * "Dark Modern" themes set them on the webview's <html>. Enough for screenshots that look like
 * the real thing; not a complete theme.
 */
const common = {
    '--vscode-font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif',
    '--vscode-font-size': '13px',
    '--vscode-font-weight': 'normal',
    '--vscode-editor-font-family': '"Droid Sans Mono", "monospace", monospace'
};

export const LIGHT_THEME: Record<string, string> = {
    ...common,
    '--vscode-foreground': '#3b3b3b', '--vscode-editor-foreground': '#3b3b3b', '--vscode-descriptionForeground': '#616161',
    '--vscode-editor-background': '#ffffff', '--vscode-sideBar-background': '#f8f8f8', '--vscode-panel-border': '#e5e5e5',
    '--vscode-editorWidget-background': '#f8f8f8', '--vscode-editorWidget-border': '#c8c8c8', '--vscode-focusBorder': '#005fb8',
    '--vscode-button-background': '#005fb8', '--vscode-button-foreground': '#ffffff', '--vscode-button-hoverBackground': '#0258a8',
    '--vscode-button-secondaryBackground': '#e5e5e5', '--vscode-button-secondaryForeground': '#3b3b3b', '--vscode-button-secondaryHoverBackground': '#cccccc',
    '--vscode-button-border': '#0000001a', '--vscode-input-background': '#ffffff', '--vscode-input-foreground': '#3b3b3b', '--vscode-input-border': '#cecece',
    '--vscode-input-placeholderForeground': '#767676',
    '--vscode-dropdown-background': '#ffffff', '--vscode-dropdown-foreground': '#3b3b3b', '--vscode-dropdown-border': '#cecece',
    '--vscode-charts-blue': '#1a85ff', '--vscode-charts-green': '#388a34', '--vscode-charts-purple': '#652d90', '--vscode-charts-orange': '#d18616',
    '--vscode-charts-red': '#e51400', '--vscode-charts-yellow': '#bf8803', '--vscode-editorWarning-foreground': '#bf8803',
    '--vscode-editorError-foreground': '#e51400', '--vscode-editorInfo-foreground': '#1a85ff', '--vscode-errorForeground': '#f85149',
    '--vscode-editorIndentGuide-activeBackground': '#939393', '--vscode-editor-findMatchBorder': '#e2a300',
    '--vscode-inputValidation-warningBackground': '#f6f5d2', '--vscode-inputValidation-warningBorder': '#b89500', '--vscode-inputValidation-warningForeground': '#3b3b3b'
};

export const DARK_THEME: Record<string, string> = {
    ...common,
    '--vscode-foreground': '#cccccc', '--vscode-editor-foreground': '#cccccc', '--vscode-descriptionForeground': '#9d9d9d',
    '--vscode-editor-background': '#1f1f1f', '--vscode-sideBar-background': '#181818', '--vscode-panel-border': '#2b2b2b',
    '--vscode-editorWidget-background': '#202020', '--vscode-editorWidget-border': '#454545', '--vscode-focusBorder': '#0078d4',
    '--vscode-button-background': '#0078d4', '--vscode-button-foreground': '#ffffff', '--vscode-button-hoverBackground': '#026ec1',
    '--vscode-button-secondaryBackground': '#313131', '--vscode-button-secondaryForeground': '#cccccc', '--vscode-button-secondaryHoverBackground': '#3c3c3c',
    '--vscode-button-border': '#ffffff12', '--vscode-input-background': '#313131', '--vscode-input-foreground': '#cccccc', '--vscode-input-border': '#3c3c3c',
    '--vscode-input-placeholderForeground': '#989898',
    '--vscode-dropdown-background': '#313131', '--vscode-dropdown-foreground': '#cccccc', '--vscode-dropdown-border': '#3c3c3c',
    '--vscode-charts-blue': '#3794ff', '--vscode-charts-green': '#89d185', '--vscode-charts-purple': '#b180d7', '--vscode-charts-orange': '#d18616',
    '--vscode-charts-red': '#f14c4c', '--vscode-charts-yellow': '#cca700', '--vscode-editorWarning-foreground': '#cca700',
    '--vscode-editorError-foreground': '#f14c4c', '--vscode-editorInfo-foreground': '#3794ff', '--vscode-errorForeground': '#f85149',
    '--vscode-editorIndentGuide-activeBackground': '#707070', '--vscode-editor-findMatchBorder': '#9e6a03',
    '--vscode-inputValidation-warningBackground': '#352a05', '--vscode-inputValidation-warningBorder': '#b89500', '--vscode-inputValidation-warningForeground': '#cccccc'
};

/** "Dark High Contrast": borders everywhere in `contrastBorder`, black background. */
export const HIGH_CONTRAST_THEME: Record<string, string> = {
    ...DARK_THEME,
    '--vscode-foreground': '#ffffff', '--vscode-editor-foreground': '#ffffff', '--vscode-descriptionForeground': '#ffffff',
    '--vscode-editor-background': '#000000', '--vscode-sideBar-background': '#000000', '--vscode-editorWidget-background': '#0c141f',
    '--vscode-contrastBorder': '#6fc3df', '--vscode-contrastActiveBorder': '#f38518', '--vscode-focusBorder': '#f38518',
    '--vscode-panel-border': '#6fc3df', '--vscode-editorWidget-border': '#6fc3df',
    '--vscode-button-background': '#000000', '--vscode-button-border': '#6fc3df', '--vscode-button-secondaryBackground': '#000000',
    '--vscode-input-background': '#000000', '--vscode-input-border': '#6fc3df', '--vscode-dropdown-background': '#000000', '--vscode-dropdown-border': '#6fc3df'
};
