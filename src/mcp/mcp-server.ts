/**
 * `eos mcp`: a Model Context Protocol server (official TypeScript SDK, stdio) through which an AI
 * assistant reads the strategy — elements, traces, findings, explanations, the report — and
 * proposes changes that the strategy debugger checks before anything is written. Every tool
 * answers with JSON text; a bad argument gets an error result with what to do instead, and the
 * server never exits because of one.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { checkReport } from '../cli/check.js';
import { exportMarkdown } from '../cli/export-formats.js';
import { conceptMarkdown, ELEMENT_CONCEPTS, PROPERTY_CONCEPTS, VALUE_CONCEPTS, valueMeaning } from '../language/documentation/glossary.js';
import { ELEMENT_KINDS, KIND_LABEL, type ElementKind, type StrategyElement } from '../language/model/elements.js';
import type { ValueRule } from '../language/model/vocabulary.js';
import { describeCurrent, describeProgressNow } from '../language/model/key-result-history.js';
import { tracesOf } from '../language/model/trace.js';
import { latestEvidence } from '../language/model/evidence.js';
import type { WorkspaceModel } from '../language/model/workspace-model.js';
import { CATALOGUE, isDiagnosticCode } from '../language/validation/codes.js';
import { doingInitiativesByStream } from '../language/model/wip.js';
import type { StrategyState } from '../diff/model-diff.js';
import { MAX_TEXT_CHARS, ToolError } from './root-files.js';
import { applyEdits, StrategySession, type Proposal } from './strategy-session.js';

export const MCP_SERVER_NAME = 'eos-strategy';

const NAME = z.string().min(1).max(200);
const KIND = z.enum(ELEMENT_KINDS as [ElementKind, ...ElementKind[]]);
const LIMIT = z.number().int().min(1).max(1000).optional();
const SEVERITY = z.enum(['error', 'warning', 'info', 'hint']);
const CHANGE = {
    file: z.string().min(1).max(500).describe('Workspace-relative path of an .eos file, e.g. "teams/onboarding.eos"; a new file is created'),
    text: z.string().max(MAX_TEXT_CHARS).optional().describe('The whole new text of the file'),
    edits: z
        .array(z.object({ oldText: z.string().max(MAX_TEXT_CHARS), newText: z.string().max(MAX_TEXT_CHARS) }))
        .min(1)
        .max(100)
        .optional()
        .describe('Exact replacements in the current text, applied in order; each oldText must occur exactly once')
};

function json(value: unknown): CallToolResult {
    return { content: [{ type: 'text', text: JSON.stringify(value, null, 2) }] };
}

function failure(message: string): CallToolResult {
    return { content: [{ type: 'text', text: message }], isError: true };
}

/** One element as a line of a list. */
function summary(state: StrategyState, element: StrategyElement) {
    const owner = element.links.find(l => l.relation === 'owner')?.target;
    return {
        kind: element.kind,
        name: element.name,
        ...(element.title !== undefined ? { title: element.title } : {}),
        file: state.fileOf(element.uri),
        line: element.nameRange.start.line + 1,
        ...(element.status ? { status: element.status } : {}),
        ...(owner ? { owner } : {}),
        ...(element.period ? { period: element.period } : {})
    };
}

function findElement(model: WorkspaceModel, name: string, kind?: ElementKind): StrategyElement {
    const found = kind ? model.named(kind, name) : ELEMENT_KINDS.flatMap(k => model.named(k, name));
    if (found.length === 1 || (found.length > 1 && kind)) return found[0];
    if (found.length > 1) throw new ToolError(`'${name}' names ${found.length} elements (${found.map(e => KIND_LABEL[e.kind]).join(', ')}): give kind as well`);
    const lower = name.toLowerCase();
    const near = model.elements
        .filter(e => e.name.toLowerCase().includes(lower) || lower.includes(e.name.toLowerCase()))
        .slice(0, 5)
        .map(e => e.name);
    throw new ToolError(
        `No ${kind ? KIND_LABEL[kind] : 'element'} is named '${name}'.${near.length ? ` Did you mean ${near.map(n => `'${n}'`).join(' or ')}?` : ' list_elements shows the names.'} A key result is named Okr.Kr.`
    );
}

/** The elements whose links point at this one: its initiatives, supporting OKRs, key results… */
function supportersOf(state: StrategyState, element: StrategyElement) {
    const incoming = state.model.incoming(element).map(entry => ({ relation: entry.link.relation, ...summary(state, entry.source) }));
    const krs =
        element.kind === 'okr'
            ? (element.keyResults ?? [])
                  .map(name => state.model.get('kr', name))
                  .filter((e): e is StrategyElement => !!e)
                  .map(kr => ({ relation: 'key result', ...summary(state, kr) }))
            : [];
    return [...krs, ...incoming];
}

function factsOf(state: StrategyState, element: StrategyElement): Record<string, unknown> {
    const facts: Record<string, unknown> = {};
    if (element.kind === 'kr') {
        facts.current = describeCurrent(state.model, element);
        facts.progress = describeProgressNow(state.model, element);
        const checkIns = state.model.checkInsOf(element);
        if (checkIns.length)
            facts.checkIns = checkIns.map(entry => ({
                date: entry.date,
                value: entry.value.text,
                ...(entry.confidence ? { confidence: entry.confidence } : {}),
                ...(entry.note !== undefined ? { note: entry.note } : {})
            }));
    }
    if (element.kind === 'stream') {
        facts.doing = (doingInitiativesByStream(state.model).get(element) ?? []).map(e => e.name);
        if (element.wip !== undefined) facts.wipLimit = element.wip;
    }
    const latest = latestEvidence(element.evidence ?? []);
    if (latest) facts.latestEvidence = latest.verdict;
    const unresolved = element.links.filter(link => !state.model.resolve(link)).map(link => `${link.relation} ${link.target}`);
    if (unresolved.length) facts.unresolvedLinks = unresolved;
    return facts;
}

function findingsIn(state: StrategyState, filter: { code?: string | undefined; severity?: string | undefined; file?: string | undefined; element?: StrategyElement }) {
    return state.findings
        .filter(f => {
            if (filter.code && f.code !== filter.code) return false;
            if (filter.severity && f.severity !== filter.severity) return false;
            if (filter.file && state.fileOf(f.uri) !== filter.file) return false;
            if (filter.element) {
                const r = filter.element.range,
                    at = f.range.start;
                if (f.uri !== filter.element.uri || at.line < r.start.line || at.line > r.end.line) return false;
            }
            return true;
        })
        .map(f => ({ severity: f.severity, code: f.code, file: state.fileOf(f.uri), line: f.range.start.line + 1, column: f.range.start.character + 1, message: f.message }));
}

/** The shortest chain of links (either direction) between two elements. */
function traceBetween(model: WorkspaceModel, from: StrategyElement, to: StrategyElement): Array<{ element: StrategyElement; via?: string }> | undefined {
    const neighbours = (e: StrategyElement): Array<[StrategyElement, string]> => {
        const out: Array<[StrategyElement, string]> = [];
        for (const link of e.links) {
            const t = model.resolve(link);
            if (t) out.push([t, link.relation]);
        }
        for (const entry of model.incoming(e)) out.push([entry.source, `${entry.link.relation} (from)`]);
        if (e.kind === 'kr') {
            const okr = model.okrOf(e);
            if (okr) out.push([okr, 'key result of']);
        }
        if (e.kind === 'okr')
            for (const name of e.keyResults ?? []) {
                const kr = model.get('kr', name);
                if (kr) out.push([kr, 'has key result']);
            }
        return out;
    };
    const previous = new Map<StrategyElement, { from: StrategyElement; via: string } | null>([[from, null]]);
    const queue = [from];
    while (queue.length) {
        const e = queue.shift()!;
        if (e === to) break;
        for (const [next, via] of neighbours(e)) {
            if (previous.has(next)) continue;
            previous.set(next, { from: e, via });
            queue.push(next);
        }
    }
    if (!previous.has(to)) return undefined;
    const chain: Array<{ element: StrategyElement; via?: string }> = [];
    for (let at: StrategyElement | undefined = to; at;) {
        const step: { from: StrategyElement; via: string } | null | undefined = previous.get(at);
        chain.unshift({ element: at, ...(step ? { via: step.via } : {}) });
        at = step?.from;
    }
    return chain;
}

function explain(topic: string): string {
    const key = topic.trim();
    if (isDiagnosticCode(key)) {
        const entry = CATALOGUE[key];
        return `**\`${key}\`** (default severity: ${entry.severity})\n\n${entry.summary}\n\n**Fix:** ${entry.fix}`;
    }
    const lower = key.toLowerCase();
    if ((ELEMENT_KINDS as readonly string[]).includes(lower)) return conceptMarkdown(ELEMENT_CONCEPTS[lower as ElementKind]);
    const property =
        (Object.hasOwn(PROPERTY_CONCEPTS, lower) ? PROPERTY_CONCEPTS[lower] : undefined) ??
        Object.entries(PROPERTY_CONCEPTS).find(([k]) => k.toLowerCase().endsWith(`.${lower}`))?.[1];
    if (property) return conceptMarkdown(property);
    for (const rule of Object.keys(VALUE_CONCEPTS) as ValueRule[]) {
        const meaning = valueMeaning(rule, lower);
        if (meaning) return `**${lower}** (${VALUE_CONCEPTS[rule].label})\n\n${meaning}`;
    }
    const known = [...ELEMENT_KINDS, ...Object.keys(PROPERTY_CONCEPTS).filter(k => !k.includes('.'))];
    throw new ToolError(
        `No concept or diagnostic code is called '${topic}'. Try an element kind (${ELEMENT_KINDS.join(', ')}), a keyword (${known.slice(ELEMENT_KINDS.length, ELEMENT_KINDS.length + 8).join(', ')}…), a status such as doing, or a code such as orphan-initiative.`
    );
}

function proposalResult(proposal: Proposal, written: boolean) {
    return {
        file: proposal.relative,
        written,
        errorsIntroduced: proposal.errorsIntroduced,
        canApply: proposal.errorsIntroduced === 0,
        summary: proposal.diff.summary,
        findingsIntroduced: proposal.diff.findings.introduced,
        findingsResolved: proposal.diff.findings.resolved,
        changes: proposal.diff.elements,
        wip: proposal.diff.wip,
        unparsed: proposal.diff.unparsed.after,
        formatted: proposal.formatted,
        ...(written ? {} : { text: proposal.text })
    };
}

export function createMcpServer(session: StrategySession, version: string): McpServer {
    const server = new McpServer(
        { name: MCP_SERVER_NAME, version },
        {
            instructions:
                'EOS strategy workspace: read elements, findings and traces; check a change with propose_change before apply_change. Names are unique per kind; a key result is named Okr.Kr.'
        }
    );
    /** Every tool: the files re-read first, one request at a time, any failure an error result. */
    const tool = <Shape extends z.ZodRawShape>(
        name: string,
        description: string,
        shape: Shape,
        run: (args: z.infer<z.ZodObject<Shape>>, state: StrategyState) => Promise<unknown> | unknown,
        readOnly = true
    ) => {
        server.registerTool(name, { description, inputSchema: shape, annotations: { readOnlyHint: readOnly, openWorldHint: false } }, (async (
            args: z.infer<z.ZodObject<Shape>>
        ) => {
            try {
                return await session.serialised(async () => {
                    const state = await session.refresh();
                    const value = await run(args, state);
                    return typeof value === 'string' ? { content: [{ type: 'text', text: value }] } : json(value);
                });
            } catch (error) {
                if (error instanceof ToolError) return failure(error.message);
                process.stderr.write(`eos mcp: ${name} failed: ${(error as Error)?.stack ?? String(error)}\n`);
                return failure(`${name} failed: ${(error as Error)?.message ?? String(error)}`);
            }
        }) as never);
    };

    const listShape = {
        kind: KIND.optional(),
        owner: NAME.optional(),
        status: NAME.optional(),
        period: NAME.optional(),
        file: z.string().max(500).optional(),
        text: z.string().max(200).optional().describe('Words to find in the name, title, description or hypothesis'),
        limit: LIMIT
    };
    // Optional arguments the client left out arrive as undefined (zod's optional()).
    const list = (
        args: {
            kind?: ElementKind | undefined;
            owner?: string | undefined;
            status?: string | undefined;
            period?: string | undefined;
            file?: string | undefined;
            text?: string | undefined;
            limit?: number | undefined;
        },
        state: StrategyState
    ) => {
        const words = (args.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
        const matches = state.model.elements.filter(e => {
            if (args.kind && e.kind !== args.kind) return false;
            if (args.owner && !e.links.some(l => l.relation === 'owner' && l.target === args.owner)) return false;
            if (args.status && e.status !== args.status) return false;
            if (args.period && e.period !== args.period) return false;
            if (args.file && state.fileOf(e.uri) !== args.file) return false;
            if (words.length) {
                const haystack = [e.name, e.title, e.doc, e.hypothesis, e.outcome].filter(Boolean).join(' ').toLowerCase();
                if (!words.every(w => haystack.includes(w))) return false;
            }
            return true;
        });
        const limit = args.limit ?? 200;
        return { total: matches.length, shown: Math.min(limit, matches.length), elements: matches.slice(0, limit).map(e => summary(state, e)) };
    };
    tool('list_elements', "List the strategy's elements, optionally only one kind, owner (team name), status, period (e.g. 2026-Q1) or file.", listShape, list);
    tool(
        'search_elements',
        'Find elements whose name, title, description or hypothesis contain all the given words; filters as in list_elements.',
        { ...listShape, text: z.string().min(1).max(200).describe('Words to find') },
        list
    );

    tool(
        'get_element',
        'One element: its properties, links, traces up to the vision, what supports it, live facts (key-result progress, WIP), its findings and the hover text the editor shows.',
        { name: NAME.describe("The element's name; a key result is Okr.Kr"), kind: KIND.optional() },
        async (args, state) => {
            const element = findElement(state.model, args.name, args.kind);
            const { uri: _uri, range: _range, nameRange, links, propertyRanges: _p, repeatedProperties: _r, ...properties } = element;
            const document = session.documentOf(state.fileOf(element.uri));
            const hover = document
                ? await session.services.lsp.HoverProvider?.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position: nameRange.start })
                : undefined;
            const contents = hover?.contents;
            return {
                ...properties,
                file: state.fileOf(element.uri),
                line: nameRange.start.line + 1,
                links: links.map(link => ({ relation: link.relation, target: link.target, resolved: !!state.model.resolve(link) })),
                traces: tracesOf(state.model, element).map(trace => trace.map(e => `${e.kind} ${e.name}`).join(' → ')),
                supporters: supportersOf(state, element),
                facts: factsOf(state, element),
                findings: findingsIn(state, { element }),
                hover: typeof contents === 'object' && contents && 'value' in contents ? contents.value : ''
            };
        }
    );

    tool(
        'get_findings',
        'The findings (diagnostics) of the workspace, optionally only one code, severity or file, with counts per severity.',
        { code: z.string().max(100).optional(), severity: SEVERITY.optional(), file: z.string().max(500).optional(), limit: LIMIT },
        (args, state) => {
            if (args.code && !isDiagnosticCode(args.code)) throw new ToolError(`'${args.code}' is not a diagnostic code; explain lists what a code means, e.g. orphan-initiative`);
            const all = findingsIn(state, args);
            const counts = { error: 0, warning: 0, info: 0, hint: 0 };
            for (const f of all) counts[f.severity]++;
            const limit = args.limit ?? 200;
            return { total: all.length, counts, findings: all.slice(0, limit), ...(session.configProblem ? { configProblem: session.configProblem } : {}) };
        }
    );

    tool(
        'explain',
        "What a concept of the method (bet, theme, wip, hypothesis, doing…) or a diagnostic code (orphan-initiative…) means and what to write: the editor's hover text.",
        { topic: z.string().min(1).max(100) },
        args => explain(args.topic)
    );

    tool(
        'trace',
        'The shortest chain of links between two elements (e.g. an OKR and the vision), with the relation at each step.',
        { from: NAME, to: NAME, fromKind: KIND.optional(), toKind: KIND.optional() },
        (args, state) => {
            const from = findElement(state.model, args.from, args.fromKind),
                to = findElement(state.model, args.to, args.toKind);
            const chain = traceBetween(state.model, from, to);
            if (!chain)
                return { connected: false, message: `${KIND_LABEL[from.kind]} ${from.name} and ${KIND_LABEL[to.kind]} ${to.name} are not connected by any chain of links.` };
            return { connected: true, steps: chain.map(step => ({ ...(step.via ? { via: step.via } : {}), ...summary(state, step.element) })) };
        }
    );

    tool('report', 'The one-page Markdown report of the strategy (vision, themes, bets, initiatives, OKRs, flow, findings), as eos export --format markdown writes it.', {}, () => {
        const services = session.services;
        const documents = services.shared.workspace.LangiumDocuments.all.toArray();
        const paths = new Map(documents.map(d => [d.uri.toString(), d.uri.fsPath]));
        const report = checkReport({ services, documents, paths, unreadable: [] }, session.files.root);
        return exportMarkdown(services.eos.StrategyWorkspace, report);
    });

    const newText = (args: { file: string; text?: string | undefined; edits?: Array<{ oldText: string; newText: string }> | undefined }) => {
        const { relative } = session.files.resolve(args.file);
        if ((args.text === undefined) === (args.edits === undefined))
            throw new ToolError('give either text (the whole new file) or edits (exact replacements), not both and not neither');
        if (args.text !== undefined) return args.text;
        const current = session.textOf(relative);
        if (current === undefined) throw new ToolError(`${relative} does not exist yet: give its whole text with text`);
        const result = applyEdits(current, args.edits!);
        if (result.length > MAX_TEXT_CHARS) throw new ToolError(`the file would be ${result.length} characters; the limit is ${MAX_TEXT_CHARS}`);
        return result;
    };
    tool(
        'propose_change',
        'Check a change to one .eos file without writing anything: the findings it would introduce and resolve, and what it changes in the strategy (elements added, removed, changed; WIP). Give the whole new text, or exact edits.',
        CHANGE,
        async args => proposalResult(await session.propose(args.file, newText(args)), false)
    );
    tool(
        'apply_change',
        'Write a change to one .eos file, formatted — only if it introduces no error and eos.config.json allows writing ("mcp": { "allowWrites": true }). Check it with propose_change first.',
        CHANGE,
        async args => {
            if (!session.allowWrites) session.files.resolve(args.file); // a bad path is reported as such, even when writing is off
            return proposalResult(await session.apply(args.file, newText(args)), true);
        },
        false
    );
    return server;
}

/** Serves the workspace at `root` over stdio until the client disconnects. */
export async function serveMcp(root: string, version: string, today?: string): Promise<void> {
    // Standard output carries the protocol: anything a library logs goes to standard error.
    for (const method of ['log', 'info', 'warn', 'debug'] as const) console[method] = (...args: unknown[]) => process.stderr.write(`${args.map(String).join(' ')}\n`);
    process.on('uncaughtException', error => process.stderr.write(`eos mcp: ${error.stack ?? String(error)}\n`));
    process.on('unhandledRejection', error => process.stderr.write(`eos mcp: ${(error as Error)?.stack ?? String(error)}\n`));
    const session = new StrategySession(root, today);
    await session.refresh();
    const server = createMcpServer(session, version);
    const transport = new StdioServerTransport();
    await server.connect(transport);
    await new Promise<void>(resolve => {
        transport.onclose = () => resolve();
        process.stdin.on('end', () => resolve());
    });
}
