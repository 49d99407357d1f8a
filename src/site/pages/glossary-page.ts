/**
 * The glossary: the concepts of the method in the words the editor's hovers use, so a reader of
 * the site and a writer in the editor learn the same meaning.
 */
import { ELEMENT_CONCEPTS, PROPERTY_CONCEPTS, VALUE_CONCEPTS, type Concept } from '../../language/documentation/glossary.js';
import { ELEMENT_KINDS } from '../../language/model/elements.js';
import { esc, inlineMarkdown } from '../html.js';
import type { Page } from '../page.js';
import { PAGES, type SiteContext } from '../site-context.js';

export function glossaryPage(context: SiteContext): Page {
    const path = PAGES.glossary;
    const anchor = (id: string) => esc(context.links.anchorId(path, id));
    const concept = (id: string, c: Concept) =>
        `<article class="concept" id="${anchor(id)}">` +
        `<h3>${inlineMarkdown(c.title)}</h3><p>${inlineMarkdown(c.what)}</p>` +
        `<p><span class="label">Why it matters:</span> ${inlineMarkdown(c.why)}</p>` +
        `<p><span class="label">A good one:</span> ${inlineMarkdown(c.good)}</p>` +
        (c.example ? `<pre class="example"><code>${esc(c.example)}</code></pre>` : '') +
        '</article>';
    const elements = ELEMENT_KINDS.map(kind => concept(`concept-${kind}`, ELEMENT_CONCEPTS[kind])).join('');
    const properties = Object.entries(PROPERTY_CONCEPTS)
        .sort(([a], [b]) => a.replace(/^\w+\./, '').localeCompare(b.replace(/^\w+\./, '')) || a.localeCompare(b))
        .map(([key, c]) => concept(`property-${key}`, c))
        .join('');
    const values = Object.entries(VALUE_CONCEPTS)
        .map(
            ([key, group]) =>
                `<article class="concept" id="${anchor(`values-${key}`)}"><h3>${esc(group.label[0].toUpperCase() + group.label.slice(1))}</h3>` +
                `<dl class="facts">${Object.entries(group.values)
                    .map(([value, meaning]) => `<dt><code>${esc(value)}</code></dt><dd>${inlineMarkdown(meaning)}</dd>`)
                    .join('')}</dl></article>`
        )
        .join('');
    const body =
        `<header class="page-head"><h1>Glossary</h1><p class="lead">The concepts of the method: what each one is, why it matters and what a good one looks like.</p></header>` +
        `<section class="block"><h2>Elements</h2>${elements}</section>` +
        `<section class="block"><h2>Statuses and levels</h2>${values}</section>` +
        `<section class="block"><h2>Properties and links</h2>${properties}</section>`;
    return { path, title: 'Glossary', section: 'glossary', body };
}
