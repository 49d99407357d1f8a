/**
 * The preview webview: shows the SVG the language server laid out, and the kanban board. It keeps
 * zoom, scroll, folds and filters across updates, keeps the last good picture while the text
 * does not parse, and turns clicks into "reveal in editor" messages. Nothing here lays out or
 * trusts text: the SVG arrives escaped, the kanban HTML is escaped by renderKanbanHtml.
 */
import './preview.css';
import { DIAGRAM_CSS } from '../diagram/svg.js';
import { AUTONOMY_CSS } from '../diagram/autonomy-svg.js';
import type { CompareEntry, DiagramFilter, DiagramNodeInfo, DiagramResult } from '../shared/protocol.js';
import type { FromWebview, PreviewTab, ToWebview } from '../shared/preview-messages.js';
import { visibleText } from '../shared/visible-text.js';
import { renderKanbanHtml } from '../diagram/kanban-html.js';
import { PanZoom, type PanZoomState } from './pan-zoom.js';
import { markSelected, nodeElement, nodePosition, revealNode } from './tree-selection.js';
import { controlValue, registerToolkit, setActiveButton, setDropdownOptions } from './toolkit.js';

interface VsCodeApi {
    postMessage(message: FromWebview): void;
    getState(): unknown;
    setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface SavedState {
    tab: PreviewTab;
    zoom?: PanZoomState;
    collapsed?: string[];
    filter: DiagramFilter;
    search: string;
    /** Kanban columns the user folded or opened (the others fold when empty). */
    kanbanColumns?: Record<string, 'open' | 'folded'>;
    /** Compare mode: the list of changes hidden by the user. */
    changesHidden?: boolean;
}

registerToolkit();
adoptDiagramStyles();

const vscode = acquireVsCodeApi();
const saved = (vscode.getState() as SavedState | undefined) ?? { tab: 'tree', filter: {}, search: '' };
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const viewport = $('viewport'),
    canvas = $('canvas'),
    kanban = $('kanban'),
    notice = $('notice'),
    empty = $('empty'),
    traceBar = $('trace');
const values = $('values'),
    rights = $('rights');
const compareBar = $('compare'),
    changesPane = $('changes'),
    changesList = $('changes-list');

let current: DiagramResult | undefined;
/** The last result without syntax errors: what stays on screen while the user is mid-edit. */
let good: DiagramResult | undefined;
let nodesById = new Map<string, DiagramNodeInfo>();
let selectedId: string | undefined;
let firstPicture = saved.zoom === undefined;
/** The editor's cursor as last reported, so the first picture can open on the element under it. */
let lastCursor: { uri: string; line: number; character: number } | undefined;
/**
 * The smallest zoom Fit and the first picture use: box titles (13 px) stay at about 10 px, the
 * small text at 8 px. A tree that needs less is shown in part (around the selection) instead.
 */
const READABLE_SCALE = 0.75;
const panZoom = new PanZoom(viewport, canvas, saved.zoom, state => {
    $('zoom-level').textContent = `${Math.round(state.scale * 100)}%`;
    save({ zoom: state });
});

function save(patch: Partial<SavedState>): void {
    Object.assign(saved, patch);
    vscode.setState(saved);
}

/** The diagram stylesheet is adopted (CSSOM), because the CSP forbids inline <style>. */
function adoptDiagramStyles(): void {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(DIAGRAM_CSS + AUTONOMY_CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
    const message = event.data;
    switch (message.type) {
        case 'diagram':
            return showResult(message.result);
        case 'cursor':
            lastCursor = { uri: message.uri, line: message.line, character: message.character };
            return highlightAt(message.uri, message.line, message.character, message.reveal !== false);
        case 'showTab':
            return showTab(message.tab);
        case 'renderPng':
            return void renderPng(message.svg);
        case 'notice':
            return showNotice(message.text);
    }
});

function showResult(result: DiagramResult): void {
    current = result;
    if (result.error) {
        showNotice(result.error + (good ? ' Showing the last picture.' : ''));
        if (!good) showEmpty('The preview could not be drawn.');
        return;
    }
    const broken = result.syntaxErrors[0];
    const where = broken && `Syntax error in ${fileName(broken.uri)} line ${broken.line + 1}: ${broken.message}`;
    // Compare mode switched on or off mid-edit: the last good picture would show the wrong mode.
    if (broken && good && !!good.compare === !!result.compare) {
        showNotice(`${where} — showing the last good picture.`);
        return;
    }
    if (!broken) good = result;
    // Nothing good to keep yet: draw what could be read, and say it may be incomplete.
    showNotice(broken ? `${where} — the picture may be incomplete.` : foldNotice(result));
    updateFilters(result);
    draw(result);
}

function draw(result: DiagramResult): void {
    nodesById = new Map(result.nodes.map(node => [node.id, node]));
    save({ collapsed: result.collapsed });
    if (!result.totalNodes) {
        showEmpty('Nothing to draw yet: write a vision, themes, bets and initiatives in a .eos file.');
    } else {
        empty.hidden = true;
    }
    // While typing, the picture is redrawn under a still view: the selected box keeps its place on
    // screen (the layout may move it), so the view never jumps unless asked to.
    const anchor = selectedId ? screenPosition(selectedId) : undefined;
    // The SVG was produced by our renderer with every user string escaped.
    canvas.innerHTML = result.svg;
    renderKanban();
    renderCompare(result);
    // Drawn by the language server's renderer with every user string escaped, like the tree.
    values.innerHTML = result.autonomy?.frameworkSvg ?? '';
    rights.innerHTML = result.autonomy?.matrixSvg ?? '';
    if (firstPicture && result.width) {
        firstPicture = false;
        const atCursor = lastCursor && nodeAt(lastCursor.uri, lastCursor.line, lastCursor.character);
        if (atCursor) {
            select(atCursor.id, false);
            showTrace(atCursor.id);
        } else if (!panZoom.fit(result.width, result.height, READABLE_SCALE)) {
            // Shrunk to fit only while its text stays readable; otherwise it starts at its root.
            const root = canvas.querySelector<SVGGElement>('.node');
            const at = root && nodePosition(root);
            if (at) panZoom.showAt(at.x, at.y);
        }
    } else if (anchor && selectedId) {
        const now = screenPosition(selectedId);
        if (now) panZoom.panBy(anchor.x - now.x, anchor.y - now.y);
    }
    applySearch();
    // The element under the cursor in the new picture (typing may have just created it).
    const atCursor = lastCursor && nodeAt(lastCursor.uri, lastCursor.line, lastCursor.character);
    if (atCursor) selectedId = atCursor.id;
    if (selectedId) select(selectedId, false);
}

// ---- compare mode ---------------------------------------------------------------------------

const CHANGE_HEADINGS: Record<CompareEntry['change'], string> = {
    added: 'Added',
    modified: 'Changed',
    removed: 'Removed',
    unreadable: 'Could not be read',
    'finding-introduced': 'Findings introduced',
    'finding-resolved': 'Findings resolved'
};
const CHANGE_ORDER = Object.keys(CHANGE_HEADINGS) as Array<CompareEntry['change']>;
let compareEntries: CompareEntry[] = [];

/** The bar naming the revision, the diff's summary, and the list of changes; text only, never markup. */
function renderCompare(result: DiagramResult): void {
    const compare = result.compare;
    compareBar.hidden = !compare;
    document.body.classList.toggle('comparing', !!compare);
    if (!compare) {
        showChanges(false);
        compareEntries = [];
        return;
    }
    compareBar.classList.toggle('failed', !!compare.error);
    $('compare-title').textContent = compare.error ? 'Not compared' : `Compared with ${compare.before}${compare.commit ? ` (${compare.commit})` : ''}`;
    $('compare-summary').textContent = compare.error ?? compare.summary;
    // Grouped by what happened (the list the server sends is ordered by theme, like the diff).
    compareEntries = [...compare.entries].sort((a, b) => CHANGE_ORDER.indexOf(a.change) - CHANGE_ORDER.indexOf(b.change));
    $('compare-list-toggle').textContent = `Changes (${compare.entries.filter(e => !e.change.startsWith('finding')).length})`;
    changesList.replaceChildren();
    let heading: string | undefined;
    compareEntries.forEach((entry, index) => {
        if (CHANGE_HEADINGS[entry.change] !== heading) {
            heading = CHANGE_HEADINGS[entry.change];
            changesList.append(Object.assign(document.createElement('li'), { className: 'heading', textContent: heading }));
        }
        const item = document.createElement('li');
        item.className = entry.change;
        item.tabIndex = 0;
        item.dataset.entry = String(index);
        if (entry.nodeId) item.dataset.node = entry.nodeId;
        item.append(Object.assign(document.createElement('div'), { className: 'what', textContent: visibleText(entry.text) }));
        for (const note of entry.notes) item.append(Object.assign(document.createElement('div'), { className: 'note', textContent: visibleText(note) }));
        item.title = entry.uri ? 'Click to show it in the tree and in the editor' : entry.nodeId ? 'Click to show it in the tree' : '';
        changesList.append(item);
    });
    if (!compare.entries.length && !compare.error) changesList.append(Object.assign(document.createElement('li'), { className: 'heading', textContent: 'No change' }));
    showChanges(!compare.error && saved.changesHidden !== true);
}

/** The list beside the tree; the tree's view narrows so nothing hides under it. */
function showChanges(shown: boolean): void {
    changesPane.hidden = !shown;
    document.body.classList.toggle('with-changes', shown);
}

changesList.addEventListener('click', event => openEntry((event.target as Element).closest<HTMLElement>('[data-entry]')));
changesList.addEventListener('keydown', event => {
    if ((event as KeyboardEvent).key === 'Enter') openEntry((event.target as Element).closest<HTMLElement>('[data-entry]'));
});

/** A change clicked in the list: its box selected in the tree, its source revealed in the editor. */
function openEntry(item: HTMLElement | null): void {
    const entry = item && compareEntries[Number(item.dataset.entry)];
    if (!entry) return;
    for (const other of changesList.querySelectorAll('li.selected')) other.classList.remove('selected');
    item.classList.add('selected');
    if (entry.nodeId && nodesById.has(entry.nodeId)) {
        showTab('tree');
        select(entry.nodeId, true);
    }
    if (entry.uri && entry.range) vscode.postMessage({ type: 'reveal', uri: entry.uri, range: entry.range });
}

$('compare-list-toggle').addEventListener('click', () => {
    save({ changesHidden: !changesPane.hidden });
    showChanges(saved.changesHidden !== true);
});
$('compare-markdown').addEventListener('click', () => vscode.postMessage({ type: 'openMarkdown' }));
$('compare-stop').addEventListener('click', () => vscode.postMessage({ type: 'stopCompare' }));

function renderKanban(): void {
    if (current) kanban.innerHTML = renderKanbanHtml(current.kanban, { columns: saved.kanbanColumns ?? {} });
}

/** Where a node's box is on screen (viewport pixels), if it is drawn. */
function screenPosition(id: string): { x: number; y: number } | undefined {
    const element = nodeElement(canvas, id);
    const at = element && nodePosition(element);
    const { scale, x, y } = panZoom.state;
    return at ? { x: at.x * scale + x, y: at.y * scale + y } : undefined;
}

/** The node and its ancestors up to the root (the trace to the vision), nearest first. */
function traceOf(id: string): string[] {
    const trace: string[] = [];
    for (let at: string | undefined = id; at && !trace.includes(at); at = nodesById.get(at)?.parent) trace.push(at);
    return trace;
}

/**
 * Puts a node and its trace to the root in view, as large as fits up to 100 % and never below the
 * readable zoom; where the whole trace does not fit, the node itself stays in view and the trace
 * runs off towards the root (the view is cropped, the text never shrinks below legibility).
 */
function showTrace(id: string): void {
    const boxes = traceOf(id)
        .map(step => nodeElement(canvas, step))
        .map(element => element && nodePosition(element))
        .filter((box): box is NonNullable<typeof box> => !!box);
    if (!boxes.length) return;
    const left = Math.min(...boxes.map(b => b.x)),
        top = Math.min(...boxes.map(b => b.y));
    const right = Math.max(...boxes.map(b => b.x + b.width)),
        bottom = Math.max(...boxes.map(b => b.y + b.height));
    panZoom.showRegion({ x: left, y: top, width: right - left, height: bottom - top }, boxes[0], READABLE_SCALE);
}

function foldNotice(result: DiagramResult): string {
    if (result.layoutNotice) return result.layoutNotice;
    const hidden = result.totalNodes - result.visibleNodes;
    if (!hidden) return '';
    const filtered = Object.values(saved.filter).some(Boolean);
    return `Showing ${result.visibleNodes} of ${result.totalNodes} elements${filtered ? ' (filtered)' : ''}${result.collapsed.length ? '; use + to unfold a subtree or Expand all' : ''}.`;
}

function showNotice(text: string): void {
    notice.textContent = text;
    notice.hidden = !text;
}

function showEmpty(text: string): void {
    empty.textContent = text;
    empty.hidden = false;
}

function fileName(uri: string): string {
    return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

// ---- tabs, filters, search ---------------------------------------------------------------

const TABS: readonly PreviewTab[] = ['tree', 'kanban', 'values', 'rights'];
const tabButtons = TABS.map(tab => $(`tab-${tab}`));
function showTab(tab: PreviewTab): void {
    if (!TABS.includes(tab)) tab = 'tree';
    save({ tab });
    setActiveButton(tabButtons, tabButtons[TABS.indexOf(tab)]);
    viewport.hidden = tab !== 'tree';
    kanban.hidden = tab !== 'kanban';
    values.hidden = tab !== 'values';
    rights.hidden = tab !== 'rights';
    document.body.dataset.tab = tab;
}
TABS.forEach((tab, index) => tabButtons[index].addEventListener('click', () => showTab(tab)));
showTab(saved.tab);

const FILTERS = [
    ['theme', 'filter-theme', 'All themes'],
    ['stream', 'filter-stream', 'All streams'],
    ['status', 'filter-status', 'Any status'],
    ['owner', 'filter-owner', 'Any owner']
] as const;

function updateFilters(result: DiagramResult): void {
    const values = { theme: result.filterOptions.themes, stream: result.filterOptions.streams, status: result.filterOptions.statuses, owner: result.filterOptions.owners };
    for (const [key, id, label] of FILTERS) {
        setDropdownOptions($(id), label, values[key]);
        if (saved.filter[key] && values[key].includes(saved.filter[key]!)) ($(id) as HTMLSelectElement).value = saved.filter[key]!;
    }
}

for (const [key, id] of FILTERS) {
    $(id).addEventListener('change', () => {
        const value = controlValue($(id));
        const filter = { ...saved.filter };
        if (value) filter[key] = value;
        else delete filter[key];
        if (filter[key] === saved.filter[key]) return;
        save({ filter });
        requestView();
    });
}

function requestView(collapsed = saved.collapsed ?? []): void {
    vscode.postMessage({ type: 'view', collapsed, filter: saved.filter });
}

const search = $('search');
(search as HTMLInputElement).value = saved.search;
search.addEventListener('input', () => {
    save({ search: controlValue(search) });
    applySearch();
});
search.addEventListener('keydown', event => {
    if ((event as KeyboardEvent).key === 'Enter') nextMatch();
});

let matchIndex = -1;
function applySearch(): void {
    const query = saved.search.trim().toLowerCase();
    const svg = canvas.querySelector('svg');
    svg?.classList.toggle('searching', query.length > 0);
    kanban.classList.toggle('searching', query.length > 0);
    values.classList.toggle('searching', query.length > 0);
    rights.classList.toggle('searching', query.length > 0);
    for (const element of document.querySelectorAll<SVGElement | HTMLElement>('[data-id]')) {
        const node = nodesById.get(element.dataset.id ?? '') ?? cardOf(element.dataset.id ?? '') ?? current?.autonomy?.targets[element.dataset.id ?? ''];
        const text = node ? `${node.name} ${node.title ?? ''}`.toLowerCase() : '';
        element.classList.toggle('match', query.length > 0 && text.includes(query));
    }
    matchIndex = -1;
    const folded = foldedMatches();
    if (query && current && !current.error && !current.syntaxErrors.length) {
        showNotice(
            folded.length ? `${folded.length} more match${folded.length === 1 ? '' : 'es'} in folded subtrees: press Enter in the search box to unfold them.` : foldNotice(current)
        );
    }
}

/** Folded-away nodes whose name or title matches the search. */
function foldedMatches(): DiagramResult['folded'] {
    const query = saved.search.trim().toLowerCase();
    if (!query || !current) return [];
    return current.folded.filter(node => `${node.name} ${node.title ?? ''}`.toLowerCase().includes(query));
}

function nextMatch(): void {
    const folded = foldedMatches();
    if (folded.length) {
        // Unfold what hides the matches (the first 50), then the redraw highlights them.
        const open = new Set(folded.slice(0, 50).flatMap(node => node.foldedAncestors));
        requestView((saved.collapsed ?? []).filter(id => !open.has(id)));
        return;
    }
    const matches = [...canvas.querySelectorAll<SVGGElement>('.node.match')];
    if (!matches.length) return;
    matchIndex = (matchIndex + 1) % matches.length;
    focusNode(matches[matchIndex]);
}

function cardOf(id: string): { name: string; title?: string; uri: string; nameRange: DiagramNodeInfo['nameRange'] } | undefined {
    for (const lane of current?.kanban.lanes ?? []) {
        for (const cards of Object.values(lane.cells)) {
            const card = cards.find(c => c.id === id);
            if (card) return card;
        }
    }
    return undefined;
}

// ---- zoom, fold, click ----------------------------------------------------------------------

$('zoom-in').addEventListener('click', () => panZoom.zoomAt(1.25));
$('zoom-out').addEventListener('click', () => panZoom.zoomAt(0.8));
$('fit').addEventListener('click', () => {
    if (!current) return;
    if (panZoom.fit(current.width, current.height, READABLE_SCALE)) return;
    // Too big to fit legibly: say so (first: the notice takes room from the view), then the
    // readable zoom around the selection's trace, or the root.
    showNotice(
        `The whole tree does not fit at a readable size: showing part of it at ${Math.round(READABLE_SCALE * 100)}%. Fold subtrees (⊖ or Collapse) or filter to see more at once.`
    );
    if (selectedId && nodesById.has(selectedId)) showTrace(selectedId);
    else {
        const root = canvas.querySelector<SVGGElement>('.node');
        const at = root && nodePosition(root);
        if (at) panZoom.showAt(at.x, at.y);
    }
});
$('expand-all').addEventListener('click', () => requestView([]));
$('collapse-all').addEventListener('click', () => {
    requestView([...nodesById.values()].filter(node => node.kind === 'bet' || node.kind === 'group').map(node => node.id));
});
$('export-svg').addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'svg' }));
$('export-png').addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'png' }));

canvas.addEventListener('click', event => {
    if (panZoom.dragged) return;
    const target = event.target as Element;
    const toggle = target.closest('[data-toggle]');
    if (toggle) {
        const id = toggle.getAttribute('data-toggle')!;
        const collapsed = new Set(saved.collapsed ?? []);
        if (collapsed.has(id)) collapsed.delete(id);
        else collapsed.add(id);
        requestView([...collapsed]);
        return;
    }
    const element = target.closest<SVGGElement>('[data-id]');
    const node = element && nodesById.get(element.dataset.id ?? '');
    if (node) {
        select(node.id, false);
        if (node.uri && node.nameRange) vscode.postMessage({ type: 'reveal', uri: node.uri, range: node.nameRange });
    }
});

for (const pane of [values, rights]) {
    pane.addEventListener('click', event => {
        const element = (event.target as Element).closest<SVGElement>('[data-id]');
        const id = element?.dataset.id ?? '';
        const target = current?.autonomy?.targets[id];
        if (!target) return;
        for (const other of pane.querySelectorAll('.card.selected')) other.classList.remove('selected');
        element!.classList.add('selected');
        vscode.postMessage({ type: 'reveal', uri: target.uri, range: target.nameRange });
    });
}

kanban.addEventListener('click', event => {
    const column = (event.target as Element).closest<HTMLElement>('[data-column]');
    if (column) {
        const name = column.dataset.column!;
        const folded = column.classList.contains('folded');
        save({ kanbanColumns: { ...saved.kanbanColumns, [name]: folded ? 'open' : 'folded' } });
        renderKanban();
        applySearch();
        return;
    }
    const element = (event.target as Element).closest<HTMLElement>('[data-id]');
    const card = element && cardOf(element.dataset.id ?? '');
    if (card?.nameRange) vscode.postMessage({ type: 'reveal', uri: card.uri, range: card.nameRange });
});

/** Marks a node (and lights up its alignment links); optionally pans it into view. */
function select(id: string, reveal: boolean): void {
    selectedId = id;
    const element = markSelected(canvas, id);
    for (const card of kanban.querySelectorAll('.card.selected')) card.classList.remove('selected');
    kanban.querySelector(`.card[data-id="${CSS.escape(id)}"]`)?.classList.add('selected');
    if (element && reveal) focusNode(element);
    showTraceBar(id);
}

/**
 * The selection's trace to the vision as a line of names above the tree: in a narrow column the
 * whole chain is rarely in view at a readable size, so it is always readable here. A click on a
 * step brings that box into view.
 */
function showTraceBar(id: string): void {
    const steps = traceOf(id)
        .reverse()
        .map(step => nodesById.get(step))
        .filter((node): node is DiagramNodeInfo => !!node && node.kind !== 'group');
    traceBar.replaceChildren();
    traceBar.hidden = steps.length === 0;
    for (const [index, node] of steps.entries()) {
        if (index) traceBar.append(Object.assign(document.createElement('span'), { className: 'sep', textContent: '›' }));
        const step = document.createElement('button');
        step.type = 'button';
        step.className = `step kind-${node.kind}${node.id === id ? ' current' : ''}`;
        step.dataset.step = node.id;
        // Text content and attributes only: names and titles are never markup.
        step.textContent = node.name;
        step.title = `${node.kind} ${node.name}${node.title ? ` — ${node.title}` : ''}`;
        traceBar.append(step);
    }
}

traceBar.addEventListener('click', event => {
    const step = (event.target as Element).closest<HTMLElement>('[data-step]');
    // Brings the step's box into view; the bar keeps showing the selection's whole trace.
    const element = step && nodeElement(canvas, step.dataset.step!);
    if (element) focusNode(element);
});

function focusNode(element: SVGGElement): void {
    revealNode(panZoom, element);
}

/**
 * Highlights the innermost visible node whose source range holds the editor's cursor. The view
 * pans to it only when asked (`reveal`: the cursor was moved, not carried along by typing) and
 * when it is another element than the one already selected.
 */
function highlightAt(uri: string, line: number, character: number, reveal: boolean): void {
    const best = nodeAt(uri, line, character);
    if (best) select(best.id, reveal && best.id !== selectedId);
}

/** The innermost visible node whose source range holds a position. */
function nodeAt(uri: string, line: number, character: number): DiagramNodeInfo | undefined {
    let best: DiagramNodeInfo | undefined;
    for (const node of nodesById.values()) {
        const r = node.range;
        if (node.uri !== uri || !r) continue;
        const after = line > r.start.line || (line === r.start.line && character >= r.start.character);
        const before = line < r.end.line || (line === r.end.line && character <= r.end.character);
        if (after && before && (!best || r.start.line > best.range!.start.line || (r.start.line === best.range!.start.line && r.start.character >= best.range!.start.character)))
            best = node;
    }
    return best;
}

// ---- PNG export: the standalone SVG, coloured with the current theme, drawn into a canvas ----

async function renderPng(svg: string): Promise<void> {
    try {
        const styles = getComputedStyle(document.documentElement);
        const names = [...new Set(DIAGRAM_CSS.match(/--vscode-[\w-]+/g) ?? [])];
        const vars = names.map(name => [name, styles.getPropertyValue(name).trim()] as const).filter(([, value]) => value && !/[<>{}]/.test(value));
        const themed = svg.replace(/<svg([^>]*)>/, open => `${open}<style>.eos-diagram{${vars.map(([n, v]) => `${n}:${v};`).join('')}}</style>`);
        const width = Number(/width="(\d+)"/.exec(svg)?.[1] ?? 800),
            height = Number(/height="(\d+)"/.exec(svg)?.[1] ?? 600);
        const scale = Math.max(0.25, Math.min(2, 16000 / Math.max(width, height)));
        const url = URL.createObjectURL(new Blob([themed], { type: 'image/svg+xml' }));
        const image = new Image();
        await new Promise<void>((resolve, reject) => {
            image.onload = () => resolve();
            image.onerror = () => reject(new Error('the SVG could not be drawn'));
            image.src = url;
        });
        const output = document.createElement('canvas');
        output.width = Math.round(width * scale);
        output.height = Math.round(height * scale);
        const context = output.getContext('2d')!;
        context.scale(scale, scale);
        context.drawImage(image, 0, 0, width, height);
        URL.revokeObjectURL(url);
        vscode.postMessage({ type: 'png', dataUrl: output.toDataURL('image/png') });
    } catch (error) {
        vscode.postMessage({ type: 'error', message: `PNG export failed: ${(error as Error).message}` });
    }
}

vscode.postMessage({ type: 'ready' });
