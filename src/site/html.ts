/**
 * HTML building blocks of the static site: escaping, links between pages, the page shell with its
 * Content-Security-Policy. Every string a user wrote reaches the page through {@link esc} (or
 * {@link inlineMarkdown}, which escapes first), so a title such as `<script>` stays text.
 */
import { createHash } from 'node:crypto';
import { visibleText } from '../shared/visible-text.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attribute values; bidi overrides, zero-width and control characters shown as `\u{…}` ({@link visibleText}). */
export function esc(text: string | number | undefined): string {
    return visibleText(String(text ?? '')).replace(/[&<>"']/g, ch => ENTITIES[ch]);
}

/**
 * The little Markdown the concept texts and doc comments use: `code`, **bold**, *emphasis*, and
 * paragraphs on blank lines. Escapes first, so nothing the text contains becomes markup.
 */
export function inlineMarkdown(text: string): string {
    return esc(text)
        .replace(/`([^`\n]+)`/g, '<code>$1</code>')
        .replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>')
        .replace(/(^|[\s(])\*([^*\s][^*\n]*?)\*(?=[\s).,;:!?]|$)/g, '$1<em>$2</em>');
}

export function paragraphs(text: string): string {
    return text
        .split(/\n\s*\n/)
        .map(p => p.trim())
        .filter(Boolean)
        .map(p => `<p>${inlineMarkdown(p.replace(/\s*\n\s*/g, ' '))}</p>`)
        .join('');
}

/**
 * How pages refer to each other. `files`: a folder of pages linked by relative paths, so the site
 * works from `file://` and under any sub-path of a host. `single`: one HTML document whose pages
 * are sections selected by the location hash.
 */
export type LinkMode = 'files' | 'single';

export class SiteLinks {
    constructor(readonly mode: LinkMode) {}

    /** The href from page `from` to the page at site path `to` (e.g. `bet/Onboarding.html`), optionally to an anchor on it. */
    href(from: string, to: string, anchor?: string): string {
        if (this.mode === 'single') return `#${encodePath(to)}${anchor ? `@${encodeURIComponent(anchor)}` : ''}`;
        const up = '../'.repeat(from.split('/').length - 1);
        const target = to === from && anchor ? '' : up + encodePath(to);
        return `${target}${anchor ? `#${encodeURIComponent(anchor)}` : ''}`;
    }

    /** The id attribute of an anchor on a page: unique in the single file too. */
    anchorId(page: string, anchor: string): string {
        return this.mode === 'single' ? `${page}@${anchor}` : anchor;
    }

    /** Prefix from a page back to the site root (asset URLs). */
    root(from: string): string {
        return '../'.repeat(from.split('/').length - 1);
    }
}

function encodePath(sitePath: string): string {
    return sitePath.split('/').map(encodeURIComponent).join('/');
}

/** `sha256-…` of an inline script or style, for the CSP of the single file. */
export function cspHash(content: string): string {
    return `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;
}

/**
 * The policy every page carries: nothing remote, nothing inline unless hashed. Pages of the
 * folder site load their scripts and styles as files of the site (`'self'`); the single file
 * inlines them and lists their hashes.
 */
export function contentSecurityPolicy(inline?: { scripts: string[]; styles: string[] }): string {
    const scripts = inline ? inline.scripts.map(cspHash).join(' ') : `'self'`;
    const styles = inline ? inline.styles.map(cspHash).join(' ') : `'self'`;
    return [`default-src 'none'`, `script-src ${scripts}`, `style-src ${styles}`, `img-src 'self' data:`, `base-uri 'none'`, `form-action 'none'`].join('; ');
}

/**
 * The head every EOS HTML document starts with — the site's pages, its single file and the
 * preview webview: the charset, the strict CSP (see {@link contentSecurityPolicy}; the webview
 * builds its own from VS Code's cspSource), the viewport and the title, then the page's own lines
 * (stylesheets, the site's referrer and colour-scheme meta, the webview's csp-nonce).
 */
export function htmlHead(csp: string, title: string, lines: readonly string[] = []): string {
    return [
        '<head>',
        '<meta charset="utf-8">',
        // Only what could end the attribute is escaped: the policy keeps its quotes as written ('none').
        `<meta http-equiv="Content-Security-Policy" content="${csp.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        ...lines,
        `<title>${esc(title)}</title>`,
        '</head>'
    ].join('\n');
}

/** A progress bar as inline SVG (style attributes would need 'unsafe-inline'). */
export function progressBar(fraction: number | undefined, label: string, tone: 'progress' | 'load' = 'progress'): string {
    const width = fraction === undefined ? 0 : Math.round(Math.min(1, Math.max(0, fraction)) * 1000) / 10;
    const done = fraction !== undefined && (tone === 'load' ? fraction > 1 : fraction >= 1);
    const fill = tone === 'load' ? (done ? ' over' : '') : done ? ' done' : '';
    return (
        `<svg class="bar${tone === 'load' ? ' load' : ''}${fraction === undefined ? ' none' : ''}" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label="${esc(label)}">` +
        `<rect class="track" width="100" height="8" rx="4"/>` +
        (fraction === undefined ? '' : `<rect class="fill${fill}" width="${width}" height="8" rx="4"/>`) +
        '</svg>'
    );
}
