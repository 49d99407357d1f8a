/**
 * The change list for people: text for the terminal (grouped by theme, coloured only when asked)
 * and Markdown for a pull-request comment (grouped by theme; every piece of user text escaped so
 * a title cannot make a link, a mention, an image or HTML). JSON is the {@link StrategyDiff} itself.
 */
import { KIND_LABEL } from '../language/model/elements.js';
import { mdPlain } from '../cli/export-formats.js';
import type { DiffFinding, ElementChange, FieldChange, StrategyDiff, WipChange } from './types.js';

/** Marks the comment so a CI job can find and update its earlier comment instead of adding one. */
export const MARKDOWN_MARKER = '<!-- eos-diff -->';

/** Property names as a reviewer reads them; a property not listed is shown by its keyword. */
const FIELD_LABEL: Record<string, string> = {
    doc: 'description',
    wip: 'WIP limit',
    serves: 'serves',
    streams: 'streams',
    supports: 'supports',
    embodies: 'embodies',
    upholds: 'upholds',
    vision: 'vision',
    bet: 'bet',
    stream: 'stream',
    owner: 'owner',
    parent: 'parent team',
    extends: 'extends',
    chosen: 'choose',
    over: 'over',
    rationale: 'because',
    situation: 'when'
};

const fieldLabel = (field: string) => FIELD_LABEL[field] ?? field;

/** `target: 65% → 60% (lowered)`, `serves: + Growth, − Retention`, with values passed through `value`. */
export function describeFieldChange(change: FieldChange, value: (text: string) => string = t => t): string {
    const label = fieldLabel(change.field);
    if (change.added || change.removed) {
        const parts = [...(change.added ?? []).map(v => `+ ${value(v)}`), ...(change.removed ?? []).map(v => `− ${value(v)}`)];
        return `${label}: ${parts.join(', ')}`;
    }
    if (change.before === undefined) return `${label}: ${value(change.after!)} (new)`;
    if (change.after === undefined) return `${label}: ${value(change.before)} (removed)`;
    return `${label}: ${value(change.before)} → ${value(change.after)}${change.trend ? ` (${change.trend})` : ''}`;
}

interface ThemeGroup {
    heading?: { name: string; title?: string };
    changes: ElementChange[];
}

/** An element that only moved because its whole file was renamed: the file's line says it. */
function movedWithFile(diff: StrategyDiff, change: ElementChange): boolean {
    return (
        change.change === 'modified' &&
        !change.renamedFrom &&
        !change.changes.length &&
        change.movedFrom !== undefined &&
        diff.files.renamed.some(r => r.from === change.movedFrom && r.to === change.file)
    );
}

function movedWithFileCount(diff: StrategyDiff, rename: { from: string; to: string }): number {
    return diff.elements.filter(c => movedWithFile(diff, c) && c.movedFrom === rename.from).length;
}

/** Changes by the theme they serve, themes in name order, then those under no theme. */
function groups(diff: StrategyDiff): ThemeGroup[] {
    const byTheme = new Map<string, ThemeGroup>();
    for (const change of diff.elements) {
        if (movedWithFile(diff, change)) continue;
        const k = change.theme?.name ?? '';
        let group = byTheme.get(k);
        if (!group) byTheme.set(k, (group = { ...(change.theme ? { heading: change.theme } : {}), changes: [] }));
        group.changes.push(change);
    }
    return [...byTheme.values()].sort((a, b) => (a.heading ? 0 : 1) - (b.heading ? 0 : 1) || ((a.heading?.name ?? '') < (b.heading?.name ?? '') ? -1 : 1));
}

const sideLabel = (diff: StrategyDiff, side: 'before' | 'after' | 'both') =>
    side === 'both' ? `${diff.before.label} and ${diff.after.label}` : side === 'before' ? diff.before.label : diff.after.label;

const withFile = (n: number) => (n ? ` (${n} element${n === 1 ? '' : 's'} moved with it)` : '');

const wipState = (s?: { doing: number; limit?: number }) => (!s ? 'no such stream' : `${s.doing} doing${s.limit !== undefined ? ` / limit ${s.limit}` : ''}`);

function wipNote(change: WipChange): string {
    const over = (s?: { doing: number; limit?: number }) => s?.limit !== undefined && s.doing > s.limit;
    if (over(change.before) && change.after && !over(change.after)) return 'back under its limit';
    if (!over(change.before) && over(change.after)) return 'now over its limit';
    if (over(change.before) && over(change.after)) return 'still over its limit';
    return '';
}

// ---------------------------------------------------------------- text

export interface TextOptions {
    color: boolean;
}

const ANSI = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m', blue: '\x1b[34m', magenta: '\x1b[35m', cyan: '\x1b[36m' };

/** Removes control characters from user text so a title cannot move the cursor or recolour the terminal. */
function plain(text: string): string {
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\uFFFD').replace(/\s*\n\s*/g, ' ');
}

export function formatDiffText(diff: StrategyDiff, options: TextOptions = { color: false }): string {
    const paint = (color: keyof typeof ANSI, text: string) => (options.color ? `${ANSI[color]}${text}${ANSI.reset}` : text);
    const out: string[] = [];
    out.push(paint('bold', `Strategy changes: ${plain(diff.before.label)} → ${plain(diff.after.label)}`));
    out.push(plain(diff.summary), '');
    const sign: Record<ElementChange['change'], [string, keyof typeof ANSI]> = {
        added: ['+', 'green'],
        removed: ['-', 'red'],
        modified: ['~', 'yellow'],
        unreadable: ['?', 'magenta']
    };
    for (const group of groups(diff)) {
        out.push(paint('bold', group.heading ? `Theme ${group.heading.name}${group.heading.title ? ` "${plain(group.heading.title)}"` : ''}` : 'Under no theme'));
        for (const change of group.changes) {
            const [mark, color] = sign[change.change];
            const title = change.title ? ` "${plain(change.title)}"` : '';
            const where = paint('dim', `(${plain(change.file)}:${change.line})`);
            const notes: string[] = [];
            if (change.change === 'added') notes.push('added');
            if (change.change === 'removed') notes.push('removed');
            if (change.change === 'unreadable')
                notes.push(`could not be read at ${change.unreadableAt === 'after' ? plain(diff.after.label) : plain(diff.before.label)}: its file does not parse there`);
            if (change.renamedFrom) notes.push(`renamed from ${change.renamedFrom}`);
            if (change.movedFrom) notes.push(`moved from ${plain(change.movedFrom)}`);
            if (change.unparsedAt) notes.push(`its file does not parse at ${plain(sideLabel(diff, change.unparsedAt))}: what changed may be incomplete`);
            out.push(`  ${paint(color, mark)} ${KIND_LABEL[change.kind]} ${paint('bold', change.name)}${title} ${where}${notes.length ? ` — ${notes.join(', ')}` : ''}`);
            for (const field of change.changes) out.push(`      ${describeFieldChange(field, plain)}`);
        }
        out.push('');
    }
    if (!groups(diff).length) out.push(diff.elements.length ? 'No element changed apart from the files renamed below.' : 'No element changed.', '');
    const { added, removed, renamed } = diff.files;
    if (added.length || removed.length || renamed.length) {
        out.push(paint('bold', 'Files'));
        for (const r of renamed) out.push(`  ${paint('cyan', '→')} ${plain(r.from)} renamed to ${plain(r.to)}${withFile(movedWithFileCount(diff, r))}`);
        for (const f of added) out.push(`  ${paint('green', '+')} ${plain(f)}`);
        for (const f of removed) out.push(`  ${paint('red', '-')} ${plain(f)}`);
        out.push('');
    }
    const findingLine = (f: DiffFinding) => {
        const color = f.severity === 'error' ? 'red' : f.severity === 'warning' ? 'yellow' : 'blue';
        return `  ${plain(f.file)}:${f.line}:${f.column} ${paint(color, f.severity)} ${f.code} ${plain(f.message)}`;
    };
    if (diff.findings.introduced.length) out.push(paint('bold', `Findings introduced (${diff.findings.introduced.length})`), ...diff.findings.introduced.map(findingLine), '');
    if (diff.findings.resolved.length) out.push(paint('bold', `Findings resolved (${diff.findings.resolved.length})`), ...diff.findings.resolved.map(findingLine), '');
    if (diff.wip.length) {
        out.push(paint('bold', 'Work in progress per value stream'));
        for (const w of diff.wip) {
            const note = wipNote(w);
            out.push(`  ${w.stream}${w.title ? ` "${plain(w.title)}"` : ''}: ${wipState(w.before)} → ${wipState(w.after)}${note ? ` (${note})` : ''}`);
        }
        out.push('');
    }
    for (const [side, problems] of [
        ['before', diff.unparsed.before],
        ['after', diff.unparsed.after]
    ] as const) {
        const label = side === 'before' ? diff.before.label : diff.after.label;
        for (const p of problems) out.push(paint('magenta', `Does not parse at ${plain(label)}: ${plain(p.file)}:${p.line} ${plain(p.message)}`));
    }
    while (out.at(-1) === '') out.pop();
    return out.join('\n') + '\n';
}

// ---------------------------------------------------------------- markdown

/**
 * User text for a pull-request comment: Markdown and HTML escaped (as the report does), and
 * GitHub's autolinks broken with a zero-width space — a URL, `www.`, an e-mail address, an
 * `@mention` or an `#123` reference in a title stays text and pings nobody.
 */
export function mdText(text: string): string {
    return mdPlain(text)
        .replace(/([A-Za-z][A-Za-z0-9+.-]*):(?=\/\/)/g, '$1:\u200B')
        .replace(/\b(mailto|xmpp|tel|javascript|data|file):/gi, '$1:\u200B')
        .replace(/\b(www)\./gi, '$1\u200B.')
        .replace(/@(?=\S)/g, '@\u200B')
        .replace(/#(?=\S)/g, '#\u200B');
}

/** A name as code; names are words, but a backtick could never close the span early. */
function mdName(name: string): string {
    return '`' + name.replace(/`/g, "'").replace(/\|/g, '\\|') + '`';
}

export function formatDiffMarkdown(diff: StrategyDiff): string {
    const out: string[] = [MARKDOWN_MARKER, `### Strategy changes: ${mdText(diff.before.label)} → ${mdText(diff.after.label)}`, ''];
    out.push(`**${mdText(diff.summary)}**`, '');
    const verb: Record<ElementChange['change'], string> = { added: '🟢 **Added**', removed: '🔴 **Removed**', modified: '🟡 **Changed**', unreadable: '⚪ **Unreadable**' };
    for (const group of groups(diff)) {
        out.push(group.heading ? `#### Theme: ${mdText(group.heading.title ?? group.heading.name)} (${mdName(group.heading.name)})` : '#### Under no theme', '');
        for (const change of group.changes) {
            const title = change.title ? ` “${mdText(change.title)}”` : '';
            const notes: string[] = [];
            if (change.renamedFrom) notes.push(`renamed from ${mdName(change.renamedFrom)}`);
            if (change.movedFrom) notes.push(`moved from ${mdText(change.movedFrom)}`);
            if (change.change === 'unreadable') notes.push(`its file does not parse at ${mdText(change.unreadableAt === 'after' ? diff.after.label : diff.before.label)}`);
            if (change.unparsedAt) notes.push(`its file does not parse at ${mdText(sideLabel(diff, change.unparsedAt))}: what changed may be incomplete`);
            out.push(
                `- ${verb[change.change]} ${KIND_LABEL[change.kind]} ${mdName(change.name)}${title} · ${mdText(`${change.file}:${change.line}`)}${notes.length ? ` · ${notes.join(' · ')}` : ''}`
            );
            for (const field of change.changes) out.push(`  - ${describeFieldChange(field, v => mdText(v))}`);
        }
        out.push('');
    }
    if (!groups(diff).length) out.push(diff.elements.length ? '_No element changed apart from the files renamed below._' : '_No element changed._', '');
    const { added, removed, renamed } = diff.files;
    if (added.length || removed.length || renamed.length) {
        out.push('#### Files', '');
        for (const r of renamed) out.push(`- ${mdText(r.from)} → ${mdText(r.to)} (renamed${withFile(movedWithFileCount(diff, r)).replace(' (', '; ').replace(/\)$/, '')})`);
        for (const f of added) out.push(`- ${mdText(f)} (added)`);
        for (const f of removed) out.push(`- ${mdText(f)} (removed)`);
        out.push('');
    }
    const table = (title: string, findings: readonly DiffFinding[]) => {
        if (!findings.length) return;
        out.push(`#### ${title} (${findings.length})`, '', '| severity | code | where | finding |', '|---|---|---|---|');
        for (const f of findings) out.push(`| ${f.severity} | ${mdName(f.code)} | ${mdText(`${f.file}:${f.line}`)} | ${mdText(f.message)} |`);
        out.push('');
    };
    table('Findings introduced', diff.findings.introduced);
    table('Findings resolved', diff.findings.resolved);
    if (diff.wip.length) {
        out.push('#### Work in progress', '', '| value stream | before | after | |', '|---|---|---|---|');
        for (const w of diff.wip) out.push(`| ${mdName(w.stream)}${w.title ? ` ${mdText(w.title)}` : ''} | ${wipState(w.before)} | ${wipState(w.after)} | ${wipNote(w)} |`);
        out.push('');
    }
    const unparsed = [...diff.unparsed.before.map(p => [diff.before.label, p] as const), ...diff.unparsed.after.map(p => [diff.after.label, p] as const)];
    if (unparsed.length) {
        out.push('#### Files that do not parse', '', 'Their elements may be missing from this comparison.', '');
        for (const [label, p] of unparsed) out.push(`- ${mdText(label)}: ${mdText(`${p.file}:${p.line}`)} — ${mdText(p.message)}`);
        out.push('');
    }
    out.push(`<sub>${diff.before.files} → ${diff.after.files} files, ${diff.before.elements} → ${diff.after.elements} elements · eos diff</sub>`);
    return out.join('\n') + '\n';
}
