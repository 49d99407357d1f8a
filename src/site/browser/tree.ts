/**
 * The value tree page's script: the editor preview's interactions on a static page. Folding and
 * filtering run the editor's own pipeline (view of the graph → ELK layout → SVG) in the browser,
 * so the picture is the one the language server would draw; search highlights and unfolds
 * matches; a click on a box opens the element's page; `#focus=kind:Name` reveals an element.
 */
import { viewOfGraph, type DiagramFilter } from '../../diagram/view.js';
import { layoutDiagram } from '../../diagram/layout.js';
import { renderSvg } from '../../diagram/svg.js';
import type { TreeData } from '../pages/tree-page.js';
import { PanZoom } from '../../webview/pan-zoom.js';
import { visibleText } from '../../shared/visible-text.js';
import { markSelected, nodePosition, revealNode } from '../../webview/tree-selection.js';

declare global {
    interface Window {
        EOS_TREE?: TreeData;
    }
}

interface TreeState {
    collapsed: string[];
    filter: DiagramFilter;
}

const data = window.EOS_TREE;
const viewport = document.getElementById('viewport');
const canvas = document.getElementById('canvas');
if (data && viewport && canvas) start(data, viewport, canvas);

function start(data: TreeData, viewport: HTMLElement, canvas: HTMLElement): void {
    const html = document.documentElement;
    const single = html.dataset.mode === 'single';
    const root = html.dataset.root ?? '';
    const byId = new Map(data.graph.nodes.map(node => [node.id, node]));
    const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
    const notice = $('tree-notice');
    const search = $<HTMLInputElement>('tree-search');
    const saved = (history.state as { eosTree?: TreeState } | null)?.eosTree;
    let state: TreeState = saved ?? { collapsed: [...data.collapsed], filter: {} };
    let visible = new Set<string>();
    let size = { width: 0, height: 0 };
    let drawing = Promise.resolve();
    let matchIndex = -1;
    let placed = false;

    const panZoom = new PanZoom(viewport, canvas, undefined, s => {
        $('zoom-level').textContent = `${Math.round(s.scale * 100)}%`;
    });

    const svgSize = () => {
        const svg = canvas.querySelector('svg');
        size = { width: Number(svg?.getAttribute('width') ?? 0), height: Number(svg?.getAttribute('height') ?? 0) };
        visible = new Set([...canvas.querySelectorAll<SVGGElement>('.node[data-id]')].map(n => n.dataset.id!));
    };
    svgSize();

    function remember(): void {
        history.replaceState({ ...(history.state ?? {}), eosTree: state }, '');
    }

    function say(text: string): void {
        notice.textContent = text;
        notice.hidden = !text;
    }

    function foldNotice(): string {
        const hidden = data.graph.nodes.length - visible.size;
        if (!hidden) return '';
        const filtered = Object.values(state.filter).some(Boolean);
        return `Showing ${visible.size} of ${data.graph.nodes.length} elements${filtered ? ' (filtered)' : ''}${state.collapsed.length ? '; use + on a box to unfold it, or Expand all' : ''}.`;
    }

    /** Lays out and draws the current view: the same functions the language server runs for the editor. */
    function redraw(next: TreeState): Promise<void> {
        state = next;
        remember();
        drawing = drawing
            .then(async () => {
                const view = viewOfGraph(data.graph, { collapsed: state.collapsed, filter: state.filter });
                if (view.graph.nodes.length > 400) say(`Laying out ${view.graph.nodes.length} elements…`);
                const layout = await layoutDiagram(view);
                canvas.innerHTML = renderSvg(view, layout, { standalone: false, interactive: true }); // every user string escaped by renderSvg
                svgSize();
                say(foldNotice());
                applySearch();
            })
            .catch(error => {
                console.error('EOS: the tree could not be laid out', error);
                say('The tree could not be redrawn; reload the page to see it as published.');
            });
        return drawing;
    }

    // ---- filters ---------------------------------------------------------------------------
    const options = {
        theme: data.graph.nodes.filter(n => n.kind === 'theme').map(n => [n.name, n.title ?? n.name]),
        stream: data.graph.streams.map(s => [s.name, s.title ?? s.name]),
        status: [...new Set(data.graph.nodes.map(n => n.status).filter((s): s is string => !!s))].sort().map(s => [s, s]),
        owner: [...new Set(data.graph.nodes.map(n => n.owner).filter((s): s is string => !!s))].sort().map(s => [s, s])
    } as const;
    for (const key of ['theme', 'stream', 'status', 'owner'] as const) {
        const select = $<HTMLSelectElement>(`filter-${key}`);
        for (const [value, label] of options[key]) {
            const option = document.createElement('option');
            option.value = value;
            option.textContent = visibleText(label); // bidi overrides shown, as in the drawn tree
            select.appendChild(option);
        }
        select.value = state.filter[key] ?? '';
        select.addEventListener('change', () => {
            const filter = { ...state.filter };
            if (select.value) filter[key] = select.value;
            else delete filter[key];
            void redraw({ ...state, filter });
        });
    }

    // ---- search ----------------------------------------------------------------------------
    const text = (id: string) => {
        const n = byId.get(id);
        return n ? `${n.name} ${n.title ?? ''}`.toLowerCase() : '';
    };
    function applySearch(): void {
        const query = search.value.trim().toLowerCase();
        canvas.querySelector('svg')?.classList.toggle('searching', query.length > 0);
        for (const element of canvas.querySelectorAll<SVGGElement>('.node[data-id]')) {
            element.classList.toggle('match', query.length > 0 && text(element.dataset.id!).includes(query));
        }
        matchIndex = -1;
        if (!query) {
            say(foldNotice());
            return;
        }
        const hiddenMatches = data.graph.nodes.filter(n => !visible.has(n.id) && n.kind !== 'group' && text(n.id).includes(query)).length;
        const shown = canvas.querySelectorAll('.node.match').length;
        say(`${shown} match${shown === 1 ? '' : 'es'}${hiddenMatches ? `; ${hiddenMatches} more in folded subtrees: press Enter to unfold them` : ''}.`);
    }
    search.addEventListener('input', applySearch);
    search.addEventListener('keydown', event => {
        if (event.key !== 'Enter') return;
        const query = search.value.trim().toLowerCase();
        if (!query) return;
        const hidden = data.graph.nodes.filter(n => !visible.has(n.id) && n.kind !== 'group' && text(n.id).includes(query));
        if (hidden.length) {
            void unfoldTo(hidden.slice(0, 50).map(n => n.id)).then(() => nextMatch());
            return;
        }
        nextMatch();
    });
    function nextMatch(): void {
        const matches = [...canvas.querySelectorAll<SVGGElement>('.node.match')];
        if (!matches.length) return;
        matchIndex = (matchIndex + 1) % matches.length;
        select(matches[matchIndex].dataset.id!, true);
    }

    /** Opens the folds above some nodes (and clears a filter that hides them). */
    function unfoldTo(ids: string[]): Promise<void> {
        const open = new Set<string>();
        for (const id of ids) for (let up = byId.get(id)?.parent; up; up = byId.get(up)?.parent) open.add(up);
        const collapsed = state.collapsed.filter(id => !open.has(id));
        const stillHidden = ids.some(id => !viewOfGraph(data.graph, { collapsed, filter: state.filter }).graph.nodes.some(n => n.id === id));
        const filter = stillHidden ? {} : state.filter;
        if (stillHidden) for (const key of ['theme', 'stream', 'status', 'owner']) $<HTMLSelectElement>(`filter-${key}`).value = '';
        if (collapsed.length === state.collapsed.length && filter === state.filter) return Promise.resolve();
        return redraw({ collapsed, filter });
    }

    // ---- zoom, fold, click -----------------------------------------------------------------
    $('zoom-in').addEventListener('click', () => panZoom.zoomAt(1.25));
    $('zoom-out').addEventListener('click', () => panZoom.zoomAt(0.8));
    $('fit').addEventListener('click', () => panZoom.fit(size.width, size.height));
    $('expand-all').addEventListener('click', () => {
        void redraw({ ...state, collapsed: [] });
    });
    $('collapse-all').addEventListener('click', () => {
        void redraw({ ...state, collapsed: data.graph.nodes.filter(n => (n.kind === 'bet' || n.kind === 'group') && n.children.length).map(n => n.id) });
    });

    canvas.addEventListener('click', event => {
        if (panZoom.dragged) return;
        const target = event.target as Element;
        const toggle = target.closest('[data-toggle]');
        if (toggle) {
            const id = toggle.getAttribute('data-toggle')!;
            const collapsed = new Set(state.collapsed);
            if (collapsed.has(id)) collapsed.delete(id);
            else collapsed.add(id);
            void redraw({ ...state, collapsed: [...collapsed] });
            return;
        }
        const node = target.closest<SVGGElement>('.node[data-id]');
        const page = node && data.pages[node.dataset.id!];
        if (page) location.href = href(page);
    });

    function href(page: string): string {
        const path = page.split('/').map(encodeURIComponent).join('/');
        return single ? `#${path}` : `${root}${path}`;
    }

    function select(id: string, reveal: boolean): void {
        const element = markSelected(canvas, id);
        if (element && reveal) revealNode(panZoom, element);
    }

    // ---- where to look first: #focus=kind:Name, or the whole tree if it is readable ----------
    function focusFromHash(): string | undefined {
        const hash = location.hash.slice(1);
        const raw = single ? (hash.includes('@') ? hash.slice(hash.indexOf('@') + 1) : '') : hash;
        let decoded = raw;
        try {
            decoded = decodeURIComponent(raw);
        } catch {
            /* keep it as written */
        }
        return /^focus=(.+)$/.exec(decoded)?.[1];
    }

    async function show(): Promise<void> {
        if (!viewport.clientWidth) return; // not on screen (another page of the single file)
        await drawing;
        const focus = focusFromHash();
        if (focus && byId.has(focus)) {
            if (!visible.has(focus)) await unfoldTo([focus]);
            if (!placed && !panZoom.fit(size.width, size.height, 0.75)) panZoom.zoomAt(1);
            placed = true;
            select(focus, true);
            return;
        }
        if (placed) return;
        placed = true;
        if (!panZoom.fit(size.width, size.height, 0.75)) {
            const first = canvas.querySelector<SVGGElement>('.node');
            const at = first && nodePosition(first);
            if (at) panZoom.showAt(at.x, at.y);
        }
    }

    window.addEventListener('hashchange', () => {
        void show();
    });
    window.addEventListener('eos:page', () => {
        void show();
    });
    if (saved) void redraw(saved).then(show);
    else void show();
    say(foldNotice());
    // Words typed into the search before the script arrived (a 1.5 MB tree on a slow disk) still count.
    if (search.value) applySearch();
    // The drawn picture is there before this script runs; this says the tree now answers search, folds and clicks.
    canvas.dataset.interactive = 'true';
}
