/**
 * The script of every page: the site search (an index loaded on first use, results built with
 * textContent so no title can become markup) and, in the single file, the router that shows the
 * page the location hash names, so links, back and forward work as between files.
 */
import { visibleText } from '../../shared/visible-text.js';

type SearchEntry = [kind: string, title: string, name: string, page: string, anchor?: string];

declare global {
    interface Window {
        EOS_SEARCH?: SearchEntry[];
    }
}

const html = document.documentElement;
html.classList.add('js');
const single = html.dataset.mode === 'single';
const root = html.dataset.root ?? '';

/** The href to a page (and anchor) from the current page. */
export function pageHref(page: string, anchor?: string): string {
    const path = page.split('/').map(encodeURIComponent).join('/');
    if (single) return `#${path}${anchor ? `@${encodeURIComponent(anchor)}` : ''}`;
    return `${root}${path}${anchor ? `#${encodeURIComponent(anchor)}` : ''}`;
}

// ---- single file: the hash selects the page -------------------------------------------------

function currentRoute(): { page: string; anchor?: string } {
    const hash = location.hash.slice(1);
    const at = hash.indexOf('@');
    const decode = (text: string) => {
        try {
            return decodeURIComponent(text);
        } catch {
            return text;
        }
    };
    const page = decode(at < 0 ? hash : hash.slice(0, at)) || 'index.html';
    return at < 0 ? { page } : { page, anchor: decode(hash.slice(at + 1)) };
}

function route(): void {
    const { page, anchor } = currentRoute();
    const sections = document.querySelectorAll<HTMLElement>('section.page');
    let shown: HTMLElement | undefined;
    for (const section of sections) {
        const match = section.dataset.page === page;
        section.classList.toggle('current', match);
        if (match) shown = section;
    }
    if (!shown) {
        shown = document.querySelector<HTMLElement>('section.page[data-page="index.html"]') ?? undefined;
        shown?.classList.add('current');
    }
    if (!shown) return;
    document.title = `${shown.dataset.title ?? ''} · ${document.querySelector('.brand')?.textContent ?? ''}`;
    document.body.classList.toggle('tree-page', shown.classList.contains('tree-page'));
    for (const link of document.querySelectorAll<HTMLAnchorElement>('.site-header nav a')) {
        const target = currentRouteOf(link.getAttribute('href') ?? '');
        const sectionOfTarget = document.querySelector<HTMLElement>(`section.page[data-page="${CSS.escape(target)}"]`)?.dataset.section;
        if (sectionOfTarget && sectionOfTarget === shown.dataset.section) link.setAttribute('aria-current', 'page');
        else link.removeAttribute('aria-current');
    }
    const target = anchor ? document.getElementById(`${shown.dataset.page}@${anchor}`) : null;
    if (target) target.scrollIntoView();
    else window.scrollTo(0, 0);
    window.dispatchEvent(new CustomEvent('eos:page', { detail: { page: shown.dataset.page, anchor } }));
}

function currentRouteOf(href: string): string {
    const hash = href.startsWith('#') ? href.slice(1) : '';
    const at = hash.indexOf('@');
    try {
        return decodeURIComponent(at < 0 ? hash : hash.slice(0, at));
    } catch {
        return hash;
    }
}

if (single) {
    window.addEventListener('hashchange', route);
    route();
}

// ---- search -----------------------------------------------------------------------------------

const KIND_LABEL: Record<string, string> = {
    vision: 'vision',
    theme: 'theme',
    bet: 'bet',
    stream: 'value stream',
    initiative: 'initiative',
    okr: 'OKR',
    kr: 'key result',
    team: 'team',
    value: 'value',
    practice: 'practice',
    tenet: 'tenet'
};

/** Lower case without accents, so "resume" finds "Résumé". */
function fold(text: string): string {
    return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

let index: Array<{ entry: SearchEntry; text: string; title: string }> | undefined;
let loading: Promise<void> | undefined;

function loadIndex(): Promise<void> {
    if (index) return Promise.resolve();
    const ready = () => {
        index = (window.EOS_SEARCH ?? []).map(entry => ({ entry, title: fold(entry[1]), text: fold(`${entry[1]} ${entry[2]}`) }));
    };
    if (window.EOS_SEARCH) {
        ready();
        return Promise.resolve();
    }
    loading ??= new Promise<void>(resolve => {
        const script = document.createElement('script');
        script.src = `${root}assets/search-index.js`;
        script.onload = () => {
            ready();
            resolve();
        };
        script.onerror = () => {
            index = [];
            console.warn('EOS: the search index (assets/search-index.js) could not be loaded');
            resolve();
        };
        document.head.appendChild(script);
    });
    return loading;
}

export function searchEntries(query: string, limit = 20): SearchEntry[] {
    const q = fold(query.trim());
    if (!q || !index) return [];
    const words = q.split(/\s+/);
    const scored: Array<[number, SearchEntry]> = [];
    for (const item of index) {
        if (!words.every(word => item.text.includes(word))) continue;
        const score = item.title.startsWith(q) ? 0 : fold(item.entry[2]).startsWith(q) ? 1 : item.title.includes(q) ? 2 : 3;
        scored.push([score, item.entry]);
    }
    scored.sort((a, b) => a[0] - b[0] || a[1][1].localeCompare(b[1][1]));
    return scored.slice(0, limit).map(([, entry]) => entry);
}

for (const box of document.querySelectorAll<HTMLElement>('.search')) {
    const input = box.querySelector<HTMLInputElement>('input')!;
    const list = box.querySelector<HTMLUListElement>('.search-results')!;
    let active = -1;
    const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a')];
    const show = () => {
        const query = input.value;
        list.replaceChildren();
        active = -1;
        if (!query.trim()) {
            list.hidden = true;
            return;
        }
        const results = searchEntries(query);
        if (!results.length) {
            const li = document.createElement('li');
            li.className = 'none';
            li.textContent = index ? `Nothing is called “${query.trim()}”.` : 'Loading the index…';
            list.appendChild(li);
        }
        for (const [kind, title, name, page, anchor] of results) {
            const li = document.createElement('li');
            const a = document.createElement('a');
            a.href = pageHref(page, anchor);
            const k = document.createElement('span');
            k.className = 'kind';
            k.textContent = KIND_LABEL[kind] ?? kind;
            const n = document.createElement('span');
            n.className = 'name';
            n.textContent = visibleText(name);
            a.append(k, document.createTextNode(visibleText(title)), n); // bidi overrides shown, as on the pages
            a.addEventListener('click', () => {
                list.hidden = true;
                input.value = '';
            });
            li.appendChild(a);
            list.appendChild(li);
        }
        list.hidden = false;
    };
    input.addEventListener('focus', () => {
        void loadIndex().then(() => {
            if (input.value) show();
        });
    });
    input.addEventListener('input', () => {
        void loadIndex().then(show);
    });
    input.addEventListener('keydown', event => {
        const all = links();
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            if (!all.length) return;
            active = (active + (event.key === 'ArrowDown' ? 1 : all.length - 1)) % all.length;
            all.forEach((a, i) => a.classList.toggle('active', i === active));
            all[active].scrollIntoView({ block: 'nearest' });
        } else if (event.key === 'Enter') {
            const chosen = all[Math.max(0, active)];
            if (chosen) {
                event.preventDefault();
                chosen.click();
            }
        } else if (event.key === 'Escape') {
            list.hidden = true;
            input.blur();
        }
    });
    document.addEventListener('click', event => {
        if (!box.contains(event.target as Node)) list.hidden = true;
    });
}
