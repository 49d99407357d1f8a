/** The non-JSON export formats: the tree picture and the one-page Markdown report. */
import { buildKanban } from '../diagram/kanban.js';
import { buildDiagramGraph, type DiagramNode } from '../diagram/graph.js';
import { diagramData, diagramSourceOf, renderDiagram } from '../diagram/render-diagram.js';
import type { StrategyWorkspace } from '../language/workspace/strategy-workspace.js';
import type { CheckReport } from './check.js';
import { visibleText } from '../shared/visible-text.js';
import { decisionReportMarkdown } from './decision-report.js';

/** The whole tree, nothing folded, with its stylesheet: the preview's picture as a file (and why it was drawn plainly, if it was). */
export async function exportDiagram(strategy: StrategyWorkspace): Promise<{ svg: string; notice?: string }> {
    const result = await renderDiagram(diagramData(diagramSourceOf(strategy)), { standalone: true, expandAll: true });
    return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${result.svg}\n`, ...(result.layoutNotice ? { notice: result.layoutNotice } : {}) };
}

/**
 * One page for a strategy review: the vision, the tree of themes, bets and initiatives (in the
 * same order as the picture), the OKRs with their key results' progress, the flow per value
 * stream, and a summary of the findings.
 */
export function exportMarkdown(strategy: StrategyWorkspace, report: CheckReport): string {
    const source = diagramSourceOf(strategy);
    const graph = buildDiagramGraph(source.model, source.issues, source.severityOf, source.clock);
    const byId = new Map(graph.nodes.map(node => [node.id, node]));
    const out: string[] = ['# Strategy report', ''];
    const { error, warning, info } = report.summary;
    out.push(`${report.files} file${report.files === 1 ? '' : 's'} · ${error} error${error === 1 ? '' : 's'} · ${warning} warning${warning === 1 ? '' : 's'} · ${info} info`, '');

    const visions = graph.nodes.filter(node => node.kind === 'vision');
    out.push('## Vision', '');
    if (!visions.length) out.push('_No vision is written yet._', '');
    for (const vision of visions) {
        out.push(`**${md(vision.title ?? vision.name)}** (${code(vision.name)})`, '');
        const element = source.model.get('vision', vision.name);
        if (element?.description) out.push(md(element.description), '');
        if (element?.doc) out.push(md(element.doc), '');
    }

    out.push('## Themes, bets and initiatives', '');
    const themes = graph.nodes.filter(node => node.kind === 'theme');
    if (!themes.length) out.push('_No themes yet._', '');
    for (const theme of themes) {
        const horizon = source.model.get('theme', theme.name)?.horizon;
        out.push(`### ${md(theme.title ?? theme.name)} (${code(theme.name)})${horizon ? ` · ${horizon.start}${horizon.end ? `–${horizon.end}` : ''}` : ''}`, '');
        if (theme.description) out.push(md(theme.description), '');
        const lines = treeLines(theme, byId, 0, source);
        append(out, lines.length ? lines : ['_No bets serve this theme._']);
        out.push('');
    }
    const unaligned = graph.nodes.find(node => node.kind === 'group');
    if (unaligned) {
        out.push('### Unaligned', '', 'Linked to nothing above them:', '');
        append(out, treeLines(unaligned, byId, 0, source));
        out.push('');
    }

    out.push('## OKRs', '');
    const okrs = graph.nodes.filter(node => node.kind === 'okr');
    if (!okrs.length) out.push('_No OKRs yet._', '');
    for (const okr of okrs) {
        const supports = source.model
            .get('okr', okr.name)
            ?.links.filter(l => l.relation === 'supports')
            .map(l => code(l.target))
            .join(', ');
        const facts = [okr.owner && `owner ${code(okr.owner)}`, okr.period, supports ? `supports ${supports}` : 'supports nothing'].filter(Boolean);
        out.push(`- **${md(okr.title ?? okr.name)}** (${code(okr.name)}) · ${facts.join(' · ')}`);
        if (okr.description) out.push(`  - _${md(okr.description)}_`);
        for (const kr of okr.keyResults ?? []) {
            const bar = kr.progress !== undefined ? ` ${progressBar(kr.progress)} ${Math.round(kr.progress * 100)}%` : '';
            out.push(`  - ${code(kr.name)} ${md(kr.title ?? '')}: ${md(kr.label)}${bar}`);
        }
    }
    if (okrs.length) out.push('');

    const kanban = buildKanban(source.model, source.issues, source.severityOf, source.clock);
    if (kanban.cards) {
        out.push(
            '## Portfolio flow',
            '',
            `Ages on ${kanban.today}; cycle time from \`started\` to \`finished\` (else \`updated\`); throughput: cards finished per quarter, the last four.`,
            '',
            '| value stream | ' + kanban.columns.join(' | ') + ' | WIP | median cycle | throughput | waits longest |',
            '|---|' + kanban.columns.map(() => '---:|').join('') + '---|---:|---|---|'
        );
        for (const lane of kanban.lanes) {
            const counts = kanban.columns.map(column => String(lane.cells[column].length));
            const wip = lane.wip === undefined ? `${lane.doing}` : `${lane.doing} / ${lane.wip}${lane.exceeded ? ' **over limit**' : ''}`;
            const cycle = lane.flow.medianCycleDays !== undefined ? `${lane.flow.medianCycleDays} days (${lane.flow.measured})` : '—';
            const throughput = lane.flow.recent.map(entry => `${entry.period}: ${entry.count}`).join(', ') || '—';
            const waits = lane.flow.waiting ? `${lane.flow.waiting.column} (avg ${lane.flow.waiting.averageDays} days)` : '—';
            out.push(`| ${lane.stream ? code(lane.stream) : md(lane.title ?? '')} | ${counts.join(' | ')} | ${wip} | ${cycle} | ${throughput} | ${waits} |`);
        }
        const ageing = kanban.lanes.flatMap(lane => lane.cells.doing.filter(card => card.flow.ageing === 'ageing' || card.flow.ageing === 'old'));
        if (ageing.length) {
            out.push('', `Ageing work: ${ageing.map(card => `${code(card.name)} ${card.flow.ageDays} days (${card.flow.ageing})`).join(', ')}.`);
        }
        out.push('');
    }

    append(out, decisionReportMarkdown(source.model, md, code));

    out.push('## Findings', '');
    if (!report.diagnostics.length) out.push('No findings: intent and work connect.', '');
    else {
        const byCode = new Map<string, typeof report.diagnostics>();
        for (const d of report.diagnostics) {
            const list = byCode.get(d.code);
            if (list) list.push(d);
            else byCode.set(d.code, [d]);
        }
        const rank = { error: 0, warning: 1, info: 2, hint: 3 } as const;
        const codes = [...byCode.entries()].sort((a, b) => rank[a[1][0].severity] - rank[b[1][0].severity] || (a[0] < b[0] ? -1 : 1));
        out.push('| severity | code | count | first at |', '|---|---|---:|---|');
        for (const [c, list] of codes) out.push(`| ${list[0].severity} | ${code(c)} | ${list.length} | ${md(`${list[0].file}:${list[0].line}`)} — ${md(list[0].message)} |`);
        out.push('');
    }
    return out.join('\n');
}

function treeLines(node: DiagramNode, byId: Map<string, DiagramNode>, depth: number, source: ReturnType<typeof diagramSourceOf>): string[] {
    const lines: string[] = [];
    for (const id of node.children) {
        const child = byId.get(id)!;
        if (child.kind === 'okr') continue; // listed with their key results under "OKRs"
        const facts = [child.status, child.streams.length ? child.streams.map(code).join(', ') : undefined, child.owner && `owner ${code(child.owner)}`].filter(Boolean);
        const flag = child.issues.length ? ` ⚠ ${child.issues.map(i => code(i.code)).join(', ')}` : '';
        lines.push(
            `${'  '.repeat(depth)}- ${child.kind === 'bet' ? 'Bet' : child.kind === 'initiative' ? 'Initiative' : 'Theme'}: **${md(child.title ?? child.name)}** (${code(child.name)})${facts.length ? ` · ${facts.join(' · ')}` : ''}${flag}`
        );
        if (child.description) lines.push(`${'  '.repeat(depth + 1)}- ${md(child.description)}`);
        const hypothesis = source.model.get(child.kind as 'bet', child.name)?.hypothesis;
        if (hypothesis && child.kind === 'bet') lines.push(`${'  '.repeat(depth + 1)}- _Hypothesis:_ ${md(hypothesis)}`);
        append(lines, treeLines(child, byId, depth + 1, source));
    }
    return lines;
}

/** Adds lines one by one: `push(...lines)` passes each as an argument and overflows on a very long list. */
function append(out: string[], lines: readonly string[]): void {
    for (const line of lines) out.push(line);
}

function progressBar(progress: number): string {
    const filled = Math.round(progress * 10);
    return '▰'.repeat(filled) + '▱'.repeat(10 - filled);
}

/**
 * Markdown-escapes user text, and keeps HTML out (`<script>` shows as text in any renderer).
 * Characters that reorder or hide text are shown as `\u{…}` (src/shared/visible-text.ts). A
 * bare web address is written as an autolink (`<https://…>`, whose inside Markdown reads
 * literally), so it stays one working link with exactly the characters written: escaping its
 * `_` or `(` would put backslashes into the address GitHub links.
 */
export function md(text: string): string {
    const flat = visibleText(text).replace(/\s*\n\s*/g, ' ');
    let out = '';
    let last = 0;
    for (const match of flat.matchAll(WEB_ADDRESS)) {
        const address = trimAddress(match[0]);
        out += mdPlain(flat.slice(last, match.index)) + (/^www\./i.test(address) ? `[${mdPlain(address)}](<https://${address}>)` : `<${address}>`);
        last = match.index + address.length;
    }
    return out + mdPlain(flat.slice(last));
}

/** An http(s) or www. address up to a space, an angle bracket, a quote or a table's `|`; `\u{…}` escapes end it too. */
const WEB_ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<>"|\\`]+/gi;

/** As GFM does: a final full stop, comma, colon, question mark… and an unbalanced `)` close the sentence, not the address. */
function trimAddress(address: string): string {
    let end = address.length;
    for (;;) {
        const last = address[end - 1];
        if (/[.,:;!?']/.test(last)) end--;
        else if (last === ')' && count(address.slice(0, end), '(') < count(address.slice(0, end), ')')) end--;
        else return address.slice(0, end);
    }
}

const count = (text: string, ch: string) => text.split(ch).length - 1;

/** Markdown and HTML escaping of text that holds no address (mdText uses it so no address becomes a link). */
export function mdPlain(text: string): string {
    return visibleText(text)
        .replace(/\s*\n\s*/g, ' ')
        .replace(/[\\`*_{}[\]()#+!|~]/g, ch => `\\${ch}`)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
}

function code(text: string): string {
    return '`' + text.replace(/`/g, "'") + '`';
}
