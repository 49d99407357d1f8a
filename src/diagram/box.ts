/**
 * What each node box shows and how big it is. Layout needs the sizes before anything is drawn,
 * and there is no DOM in the language server or the CLI, so text is measured with an average
 * glyph width and wrapped by words; long titles are cut with "…" (the tooltip has the full text).
 */
import { gradeLabel, type DiagramNode, type DiagramIssue, type KeyResultRow, type StreamInfo } from './graph.js';

export const BOX = {
    padding: 10,
    headerHeight: 16,
    titleLineHeight: 17,
    nameHeight: 15,
    chipHeight: 18,
    krRowHeight: 30,
    issueLineHeight: 15,
    /** Average advance of the diagram font, per pixel of font size (system UI fonts ≈ 0.55, DejaVu Sans ≈ 0.6: the wider one, so text never overflows). */
    glyphWidth: 0.6,
    titleFontSize: 13,
    smallFontSize: 11
} as const;

const WIDTH: Record<DiagramNode['kind'], number> = { vision: 280, theme: 250, bet: 250, initiative: 240, okr: 280, group: 220 };
const MAX_TITLE_LINES = 3;
const MAX_ISSUE_LINES = 2;
const MAX_CHIPS = 3;
/** Room for `graded 0.7` at the right of a key result's title line. */
export const GRADE_WIDTH = 70;
/** A key result row: the bar, then the trend line in the 92 px before the percentage. */
export const TREND = { gap: 6, width: 44, height: 10 } as const;

export interface Chip {
    text: string;
    /** Palette index; undefined for the "+n more" chip. */
    color?: number;
    width: number;
}

export interface NodeBox {
    width: number;
    height: number;
    /** `BET · active`, `OKR · 2026-Q1 · OnboardingCrew` */
    header: string;
    titleLines: string[];
    /** The name as written, shown under the title when a title exists. */
    nameLine?: string;
    chips: Chip[];
    keyResults: Array<KeyResultRow & { text: string }>;
    issueLines: string[];
    /** Most severe issue on the node (or its key results). */
    severity?: DiagramIssue['severity'];
    /** Descendants hidden by collapsing. */
    hiddenCount: number;
}

const KIND_HEADER: Record<DiagramNode['kind'], string> = {
    vision: 'VISION',
    theme: 'THEME',
    bet: 'BET',
    initiative: 'INITIATIVE',
    okr: 'OKR',
    group: 'GROUP'
};

export function textWidth(text: string, fontSize: number): number {
    return [...text].length * fontSize * BOX.glyphWidth;
}

/** Cuts text to fit a width, ending in "…" when it was cut. */
export function truncate(text: string, width: number, fontSize: number): string {
    const chars = [...text];
    const max = Math.max(1, Math.floor(width / (fontSize * BOX.glyphWidth)));
    return chars.length <= max
        ? text
        : chars
              .slice(0, max - 1)
              .join('')
              .trimEnd() + '…';
}

/** Word-wraps text into at most `maxLines` lines; the last line ends in "…" if text was left over. */
export function wrap(text: string, width: number, fontSize: number, maxLines: number): string[] {
    const max = Math.max(1, Math.floor(width / (fontSize * BOX.glyphWidth)));
    const words = text.split(/\s+/).filter(Boolean);
    const lines: string[] = [];
    let line = '';
    for (let i = 0; i < words.length; i++) {
        const word = words[i];
        const candidate = line ? `${line} ${word}` : word;
        if ([...candidate].length <= max) {
            line = candidate;
            continue;
        }
        if (line) lines.push(line);
        line = word;
        if (lines.length === maxLines) {
            const rest = words.slice(i).join(' ');
            lines[maxLines - 1] = truncate(`${lines[maxLines - 1]} ${rest}`, width, fontSize);
            return lines;
        }
        if ([...word].length > max) line = truncate(word, width, fontSize);
    }
    if (line) {
        if (lines.length === maxLines) lines[maxLines - 1] = truncate(`${lines[maxLines - 1]} ${line}`, width, fontSize);
        else lines.push(line);
    }
    return lines;
}

const SEVERITY_RANK = { error: 3, warning: 2, info: 1, hint: 0 } as const;

export function worstSeverity(issues: readonly DiagramIssue[]): DiagramIssue['severity'] | undefined {
    let worst: DiagramIssue['severity'] | undefined;
    for (const issue of issues) if (!worst || SEVERITY_RANK[issue.severity] > SEVERITY_RANK[worst]) worst = issue.severity;
    return worst;
}

export function nodeBox(node: DiagramNode, streams: ReadonlyMap<string, StreamInfo>, hiddenCount = 0): NodeBox {
    const width = WIDTH[node.kind];
    const inner = width - 2 * BOX.padding;
    const headerParts = [KIND_HEADER[node.kind]];
    if (node.status) headerParts.push(node.status);
    if (node.period) headerParts.push(node.period);
    if (node.score !== undefined) headerParts.push(gradeLabel(node.score));
    if (node.owner) headerParts.push(node.owner);
    const header = truncate(headerParts.join(' · '), inner - 40, BOX.smallFontSize);
    const titleLines = wrap(node.title ?? node.name, inner, BOX.titleFontSize, MAX_TITLE_LINES);
    const nameLine = node.title && node.kind !== 'group' ? truncate(node.name, inner, BOX.smallFontSize) : undefined;

    const chips: Chip[] = [];
    let used = 0;
    for (const [i, name] of node.streams.entries()) {
        const text = truncate(name, inner / 2, BOX.smallFontSize);
        const w = textWidth(text, BOX.smallFontSize) + 12;
        if (i >= MAX_CHIPS || used + w > inner - 30) {
            chips.push({ text: `+${node.streams.length - i}`, width: 26 });
            break;
        }
        chips.push({ text, color: streams.get(name)?.color ?? 0, width: w });
        used += w + 4;
    }

    const keyResults = (node.keyResults ?? []).map(kr => ({
        ...kr,
        // A graded row keeps room at its right for `graded 0.7`.
        text: truncate(kr.title ? `${kr.name}: ${kr.title}` : kr.name, kr.grade ? inner - GRADE_WIDTH : inner, BOX.smallFontSize)
    }));
    const allIssues = [...node.issues, ...(node.keyResults ?? []).flatMap(kr => kr.issues)];
    // Unaligned nodes say why in the box; elsewhere the badge and the tooltip carry the issues.
    const issueLines =
        node.unaligned && node.issues.length
            ? wrap(node.issues[0].message, inner, BOX.smallFontSize, MAX_ISSUE_LINES)
            : node.kind === 'group' && node.children.length
              ? [node.children.length === 1 ? '1 element links to nothing above it' : `${node.children.length} elements link to nothing above them`]
              : [];

    let height = BOX.padding + BOX.headerHeight + titleLines.length * BOX.titleLineHeight;
    if (nameLine) height += BOX.nameHeight;
    if (chips.length) height += BOX.chipHeight + 4;
    height += keyResults.length * BOX.krRowHeight;
    if (issueLines.length) height += issueLines.length * BOX.issueLineHeight + 4;
    height += BOX.padding;
    const severity = worstSeverity(allIssues);
    return {
        width,
        height: Math.round(height),
        header,
        titleLines,
        chips,
        keyResults,
        issueLines,
        hiddenCount,
        ...(nameLine ? { nameLine } : {}),
        ...(severity ? { severity } : {})
    };
}
