/**
 * The preview's HTML page. Pure (no `vscode` import) so the screenshot tests load the very page
 * the extension serves. Strict CSP: scripts only with the nonce, styles and images only from the
 * extension's `out/` folder (plus blob: images for the PNG export), nothing remote.
 */
import { esc, htmlHead } from '../../site/html.js';

export interface WebviewHtmlOptions {
    /** `webview.cspSource`. */
    cspSource: string;
    nonce: string;
    scriptUri: string;
    styleUri: string;
}

export function webviewHtml({ cspSource, nonce, scriptUri, styleUri }: WebviewHtmlOptions): string {
    const csp = [
        `default-src 'none'`,
        `script-src 'nonce-${nonce}'`,
        // The toolkit (FAST) probes for :focus-visible with a <style> carrying the csp-nonce below.
        `style-src ${cspSource} 'nonce-${nonce}'`,
        `img-src ${cspSource} blob: data:`,
        `font-src ${cspSource}`
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
${htmlHead(csp, 'EOS Strategy Preview', [`<meta property="csp-nonce" content="${esc(nonce)}">`, `<link rel="stylesheet" href="${esc(styleUri)}">`])}
<body>
<header class="toolbar" role="toolbar" aria-label="Preview">
  <div class="group tabs">
    <vscode-button id="tab-tree" appearance="primary">Tree</vscode-button>
    <vscode-button id="tab-kanban" appearance="secondary">Kanban</vscode-button>
    <vscode-button id="tab-values" appearance="secondary" title="Company values, their interpretations and team practices, with tenets and decisions">Values</vscode-button>
    <vscode-button id="tab-rights" appearance="secondary" title="Decision rights: types of decision × teams">Decision rights</vscode-button>
  </div>
  <vscode-text-field id="search" placeholder="Search" title="Search names and titles" size="18" aria-label="Search names and titles"></vscode-text-field>
  <div class="group filters">
    <vscode-dropdown id="filter-theme" aria-label="Theme" title="Theme"></vscode-dropdown>
    <vscode-dropdown id="filter-stream" aria-label="Value stream" title="Value stream"></vscode-dropdown>
    <vscode-dropdown id="filter-status" aria-label="Status" title="Status"></vscode-dropdown>
    <vscode-dropdown id="filter-owner" aria-label="Owner" title="Owner"></vscode-dropdown>
  </div>
  <div class="group tree-only">
    <vscode-button id="zoom-out" appearance="icon" aria-label="Zoom out" title="Zoom out (Ctrl+wheel)">−</vscode-button>
    <span id="zoom-level" class="zoom-level">100%</span>
    <vscode-button id="zoom-in" appearance="icon" aria-label="Zoom in" title="Zoom in (Ctrl+wheel)">+</vscode-button>
    <vscode-button id="fit" appearance="secondary" title="Fit the whole tree in view">Fit</vscode-button>
    <vscode-button id="expand-all" appearance="secondary" title="Unfold every subtree">Expand all</vscode-button>
    <vscode-button id="collapse-all" appearance="secondary" title="Fold every subtree below the themes">Collapse</vscode-button>
  </div>
  <div class="group export">
    <vscode-button id="export-svg" appearance="secondary" title="Export the picture as SVG"><span class="wide">Export </span>SVG</vscode-button>
    <vscode-button id="export-png" appearance="secondary" title="Export the picture as PNG"><span class="wide">Export </span>PNG</vscode-button>
  </div>
</header>
<div id="notice" class="notice" role="status" hidden></div>
<section id="compare" class="compare" aria-label="Comparison" hidden>
  <div class="compare-head">
    <span id="compare-title" class="compare-title"></span>
    <span id="compare-summary" class="compare-summary"></span>
    <span class="group">
      <vscode-button id="compare-list-toggle" appearance="secondary" title="Show or hide the list of changes">Changes</vscode-button>
      <vscode-button id="compare-markdown" appearance="secondary" title="The changes as a pull-request comment (Markdown)">Markdown</vscode-button>
      <vscode-button id="compare-stop" appearance="secondary" title="Back to the plain strategy tree">Stop comparing</vscode-button>
    </span>
  </div>
</section>
<nav id="trace" class="trace tree-only" aria-label="Trace to the vision" hidden></nav>
<main>
  <div id="viewport" class="viewport" tabindex="0" aria-label="Lean Value Tree"><div id="canvas" class="canvas"></div></div>
  <div id="kanban" class="kanban" hidden></div>
  <div id="values" class="autonomy" hidden aria-label="Values framework"></div>
  <div id="rights" class="autonomy" hidden aria-label="Decision rights matrix"></div>
  <div id="empty" class="empty" hidden></div>
  <aside id="changes" class="changes" aria-label="Changes" hidden><ol id="changes-list"></ol></aside>
</main>
<script nonce="${nonce}" src="${scriptUri}"></script>
</body>
</html>`;
}

/** A fresh, unguessable nonce per page load. */
export function makeNonce(): string {
    const bytes = new Uint8Array(18);
    globalThis.crypto.getRandomValues(bytes);
    return [...bytes].map(b => b.toString(16).padStart(2, '0')).join('');
}
