/**
 * The site's stylesheet: light and dark from the reader's system setting, a print layout that
 * turns the board pack into one theme per page, and the diagram's own stylesheet (DIAGRAM_CSS),
 * fed the colours it reads from VS Code's theme variables in the editor.
 */
import { DIAGRAM_CSS } from '../diagram/svg.js';

const LIGHT = `
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d0d7de; --panel: #f6f8fa; --panel-2: #eef1f4;
  --accent: #0969da; --accent-fg: #ffffff; --error: #cf222e; --warning: #9a6700; --warning-bg: #fff8c5; --info: #0969da; --ok: #1a7f37;
  --track: #d8dee4; --fill: #1a7f37; --fill-done: #0969da; --shadow: 0 1px 2px rgba(31,35,40,.08);
  --vscode-charts-blue: #0969da; --vscode-charts-green: #1a7f37; --vscode-charts-purple: #8250df; --vscode-charts-orange: #d1680f;
  --vscode-charts-red: #cf222e; --vscode-charts-yellow: #b08800; --vscode-editorIndentGuide-activeBackground: #8c959f;
  --vscode-editorError-foreground: #cf222e; --vscode-editorWarning-foreground: #9a6700; --vscode-editorInfo-foreground: #0969da;`;

const DARK = `
  --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --panel: #161b22; --panel-2: #1f252d;
  --accent: #4493f8; --accent-fg: #0d1117; --error: #f85149; --warning: #d29922; --warning-bg: #3b2e0a; --info: #4493f8; --ok: #3fb950;
  --track: #30363d; --fill: #3fb950; --fill-done: #4493f8; --shadow: none;
  --vscode-charts-blue: #4493f8; --vscode-charts-green: #3fb950; --vscode-charts-purple: #ab7df8; --vscode-charts-orange: #f0883e;
  --vscode-charts-red: #f85149; --vscode-charts-yellow: #d29922; --vscode-editorIndentGuide-activeBackground: #6e7681;
  --vscode-editorError-foreground: #f85149; --vscode-editorWarning-foreground: #d29922; --vscode-editorInfo-foreground: #4493f8;`;

export const SITE_CSS = `/* EOS strategy site */
:root {${LIGHT}
  color-scheme: light dark;
  --font: system-ui, -apple-system, "Segoe UI", Ubuntu, Cantarell, "Noto Sans", sans-serif;
  --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace;
  --vscode-font-family: var(--font); --vscode-editor-font-family: var(--mono);
  --vscode-editor-background: var(--bg); --vscode-editor-foreground: var(--fg);
  --vscode-editorWidget-background: var(--panel); --vscode-editorWidget-border: var(--border);
  --vscode-descriptionForeground: var(--muted); --vscode-focusBorder: var(--accent);
  --vscode-editor-findMatchBorder: var(--warning);
}
@media (prefers-color-scheme: dark) { :root {${DARK} } }
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); font: 15px/1.5 var(--font); -webkit-text-size-adjust: 100%; }
body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; }
a { color: var(--accent); text-underline-offset: 2px; }
a:hover { text-decoration-thickness: 2px; }
code, pre { font-family: var(--mono); font-size: 0.88em; }
code { background: var(--panel-2); padding: 0.05em 0.35em; border-radius: 4px; }
pre { background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: 10px 12px; overflow: auto; }
pre code { background: none; padding: 0; }
h1, h2, h3 { line-height: 1.25; margin: 0 0 0.4em; }
h1 { font-size: 1.9rem; letter-spacing: -0.01em; }
h2 { font-size: 1.25rem; }
h3 { font-size: 1.05rem; }
p { margin: 0 0 0.7em; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

/* header */
.site-header { position: sticky; top: 0; z-index: 10; display: flex; flex-wrap: wrap; align-items: center; gap: 6px 18px; padding: 8px 20px;
  background: var(--panel); border-bottom: 1px solid var(--border); }
.brand { font-weight: 700; color: var(--fg); text-decoration: none; max-width: 26em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.site-header nav { display: flex; flex-wrap: wrap; gap: 2px; }
.site-header nav a { color: var(--fg); text-decoration: none; padding: 4px 10px; border-radius: 6px; font-size: 0.93rem; }
.site-header nav a:hover { background: var(--panel-2); }
.site-header nav a[aria-current="page"] { background: var(--accent); color: var(--accent-fg); }
.count { display: inline-block; min-width: 1.6em; padding: 0 6px; border-radius: 10px; font-size: 0.78rem; font-weight: 700; text-align: center; background: var(--muted); color: var(--bg); }
.count.sev-error { background: var(--error); } .count.sev-warning { background: var(--warning); } .count.sev-info { background: var(--info); }
nav a[aria-current="page"] .count { background: var(--accent-fg); color: var(--accent); }
.search { position: relative; margin-left: auto; }
.search input { width: 15em; max-width: 60vw; }
input[type="search"], select, button, .button { font: inherit; font-size: 0.9rem; color: var(--fg); background: var(--bg); border: 1px solid var(--border); border-radius: 6px; padding: 4px 10px; }
button, .button { cursor: pointer; background: var(--panel); text-decoration: none; display: inline-block; }
button:hover, .button:hover { border-color: var(--accent); }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.search-results { position: absolute; right: 0; top: calc(100% + 4px); width: min(30em, 90vw); max-height: 70vh; overflow: auto; margin: 0; padding: 4px; list-style: none;
  background: var(--bg); border: 1px solid var(--border); border-radius: 8px; box-shadow: 0 8px 24px rgba(0,0,0,.18); }
.search-results li a { display: block; padding: 6px 8px; border-radius: 6px; color: var(--fg); text-decoration: none; }
.search-results li a:hover, .search-results li a.active { background: var(--panel-2); }
.search-results .kind { font-size: 0.72rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); margin-right: 6px; }
.search-results .name { font-family: var(--mono); font-size: 0.8rem; color: var(--muted); margin-left: 6px; }
.search-results .none { padding: 6px 8px; color: var(--muted); }

main { flex: 1; width: 100%; max-width: 1080px; margin: 0 auto; padding: 24px 20px 40px; }
body.wide main, .single .page.wide { max-width: none; }
.site-footer { padding: 12px 20px; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--border); text-align: center; }

/* page parts */
.page-head { margin-bottom: 18px; }
.kicker { margin: 0 0 4px; color: var(--muted); font-size: 0.85rem; display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.kicker .kind-link { text-transform: uppercase; letter-spacing: 0.06em; font-weight: 700; font-size: 0.78rem; text-decoration: none; }
.lead { color: var(--muted); font-size: 1.02rem; }
.doc { font-size: 1.02rem; max-width: 48em; }
.meta { color: var(--muted); font-size: 0.88rem; }
.label { font-weight: 600; }
.block { margin: 26px 0; }
.block > h2 { padding-bottom: 4px; border-bottom: 1px solid var(--border); }
.empty-note { color: var(--muted); font-style: italic; }
.ok { color: var(--ok); }
.warning-text { color: var(--warning); font-weight: 600; }
.warning-note { background: var(--warning-bg); border: 1px solid var(--warning); border-radius: 6px; padding: 8px 12px; }
.dangling { color: var(--muted); }
.status { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 0.78rem; font-weight: 600; border: 1px solid var(--border); color: var(--muted); background: var(--panel); }
.status-doing, .status-active { color: var(--vscode-charts-orange); border-color: currentColor; }
.status-done, .status-validated { color: var(--ok); border-color: currentColor; }
.status-stopped, .status-invalidated { color: var(--muted); text-decoration: line-through; }
.issues { display: inline-block; min-width: 1.5em; padding: 0 5px; border-radius: 9px; background: var(--warning); color: var(--bg); font-size: 0.75rem; font-weight: 700; text-align: center; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 6px 18px; margin: 0 0 12px; }
.facts dt { color: var(--muted); font-weight: 600; }
.facts dd { margin: 0; }
.hypothesis { margin: 0 0 14px; padding: 10px 14px; border-left: 4px solid var(--vscode-charts-green); background: var(--panel); border-radius: 0 6px 6px 0; font-size: 1.02rem; }
blockquote.hypothesis .label { display: block; font-size: 0.78rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
.tenet-choice { font-size: 1.05rem; padding: 10px 14px; background: var(--panel); border-radius: 6px; }
.elements { list-style: none; padding: 0; margin: 0; }
.elements li { padding: 6px 0; border-bottom: 1px solid var(--panel-2); }
.elements li .meta { margin-left: 6px; }
.trace { list-style: none; padding: 0; margin: 0; }
.trace li { padding: 6px 10px; margin-bottom: 6px; background: var(--panel); border-radius: 6px; }
.trace li.broken { border-left: 3px solid var(--warning); }
.trace .kind { color: var(--muted); font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.05em; }
.trace .sep { color: var(--muted); margin: 0 8px; }
.trace .here { font-weight: 700; }
.trace .note { color: var(--warning); font-size: 0.85rem; }
.trace.none { color: var(--warning); }
.actions { display: flex; flex-wrap: wrap; gap: 8px; }
.source-line { color: var(--muted); font-size: 0.85rem; margin-top: 30px; }

/* severities and findings */
.sev { display: inline-block; padding: 0 7px; border-radius: 4px; font-size: 0.72rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; color: #fff; background: var(--muted); }
.sev-error .sev, .sev.sev-error { background: var(--error); }
.sev.sev-warning { background: var(--warning); }
.sev.sev-info, .sev.sev-hint { background: var(--info); }
@media (prefers-color-scheme: dark) { .sev { color: #0d1117; } }
.findings { list-style: none; padding: 0; margin: 0; }
.finding { padding: 10px 12px; margin-bottom: 8px; border: 1px solid var(--border); border-left-width: 4px; border-radius: 6px; background: var(--bg); }
.finding.sev-error { border-left-color: var(--error); } .finding.sev-warning { border-left-color: var(--warning); } .finding.sev-info, .finding.sev-hint { border-left-color: var(--info); }
.finding .code { font-family: var(--mono); font-size: 0.85rem; }
.finding .message { margin: 6px 0 4px; }
.finding .fix { margin: 0 0 4px; }
.finding .source, .occurrences .source { color: var(--muted); font-size: 0.82rem; margin: 0; }
.toc ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 8px 16px; }
.code-group { border: 1px solid var(--border); border-radius: 8px; padding: 14px 16px; }
.code-group > h2 { border: 0; display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
.occurrences { padding-left: 1.1em; }
.occurrences li { margin: 4px 0; }
.quiet { columns: 2 22em; padding-left: 1.1em; color: var(--muted); }

/* progress */
svg.bar { width: 120px; height: 8px; vertical-align: middle; }
svg.bar .track { fill: var(--track); }
svg.bar .fill { fill: var(--fill); }
svg.bar .fill.done { fill: var(--fill-done); }
svg.bar.load .fill { fill: var(--vscode-charts-orange); }
svg.bar.load .fill.over { fill: var(--error); }
.pct { font-variant-numeric: tabular-nums; font-weight: 600; margin-left: 8px; }
.mini-progress { white-space: nowrap; }
.krs { list-style: none; padding: 0; margin: 0; }
.kr { padding: 10px 12px; margin-bottom: 8px; border: 1px solid var(--border); border-radius: 6px; }
.kr-head { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
.kr-title { font-weight: 600; }
.kr-progress { margin: 6px 0 2px; display: flex; align-items: center; }
.kr-progress svg.bar { width: min(360px, 60%); height: 10px; }
.kr-detail { color: var(--muted); font-size: 0.9rem; margin: 0; }
.checkins { border-collapse: collapse; font-size: 0.85rem; margin: 0.4rem 0; }
.checkins caption { text-align: left; color: var(--muted); }
.checkins th, .checkins td { text-align: left; padding: 0.1rem 0.6rem 0.1rem 0; }
.kr .findings { margin-top: 8px; }
.krs.compact .kr-line { display: grid; grid-template-columns: minmax(12em, 2fr) 190px 3fr; gap: 4px 14px; align-items: center; padding: 5px 0; border-top: 1px solid var(--panel-2); }
.krs.compact .kr-progress { margin: 0; }
.krs.compact .kr-progress svg.bar { width: 120px; height: 8px; }
.krs.compact .kr-detail { font-size: 0.85rem; }
@media (max-width: 720px) { .krs.compact .kr-line { grid-template-columns: 1fr; } }
.evidence { list-style: none; padding: 0; }
.evidence li { padding: 6px 10px; margin-bottom: 6px; border-left: 3px solid var(--ok); background: var(--panel); border-radius: 0 6px 6px 0; }
.evidence li.verdict-contradicts { border-left-color: var(--error); }
.evidence .date { font-variant-numeric: tabular-nums; color: var(--muted); }
.verdict { font-weight: 700; text-transform: uppercase; font-size: 0.75rem; letter-spacing: 0.04em; }
.verdict-contradicts .verdict, .verdict.verdict-contradicts { color: var(--error); }

/* home */
.vision { padding: 8px 0 18px; }
.vision h1 { font-size: 2.1rem; }
.vision h1 a { color: var(--fg); text-decoration: none; }
.health { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 14px; margin: 8px 0 24px; }
.card { border: 1px solid var(--border); border-radius: 10px; padding: 14px 16px; background: var(--bg); box-shadow: var(--shadow); }
.health-card h2 { font-size: 1rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
.severity-counts { list-style: none; padding: 0; display: flex; gap: 18px; margin: 4px 0 10px; }
.severity-counts .n { display: block; font-size: 1.9rem; font-weight: 700; line-height: 1.1; }
.severity-counts .sev-error .n { color: var(--error); } .severity-counts .sev-warning .n { color: var(--warning); } .severity-counts .sev-info .n { color: var(--info); }
.top-codes, .kr-counts { list-style: none; padding: 0; margin: 0 0 10px; }
.top-codes li, .kr-counts li { padding: 2px 0; }
.big { font-size: 2.2rem; font-weight: 700; margin: 0; line-height: 1.1; }
.health-card svg.bar { width: 100%; height: 10px; margin: 4px 0 8px; }
.wip-table { width: 100%; border-collapse: collapse; font-size: 0.92rem; }
.wip-table th, .wip-table td { text-align: left; padding: 4px 6px 4px 0; border-bottom: 1px solid var(--panel-2); vertical-align: middle; }
.wip-table th { font-weight: 600; }
.wip-table thead th { color: var(--muted); font-size: 0.78rem; text-transform: uppercase; letter-spacing: 0.04em; }
.wip-table svg.bar { width: 90px; }
.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 12px; }
.theme-card h3 { font-size: 1.05rem; }
.card h3 a, .okr-card h3 a { text-decoration: none; }
.card h3 a:hover, .okr-card h3 a:hover { text-decoration: underline; }
.theme-card { border-top: 4px solid var(--vscode-charts-blue); }

/* teams */
.org { list-style: none; padding-left: 0; }
.org .org { padding-left: 22px; border-left: 1px dashed var(--border); margin-left: 6px; }
.org li { padding: 4px 0; }
.okr-card { border: 1px solid var(--border); border-radius: 8px; padding: 12px 14px; margin-bottom: 12px; border-top: 3px solid var(--vscode-charts-yellow); }

/* glossary */
.concept { padding: 10px 0 12px; border-bottom: 1px solid var(--panel-2); }
.concept h3 code { font-size: 0.95em; }
.concept .example { margin-top: 6px; }

/* value tree */
body.tree-page main, .single .page.tree-page { max-width: none; padding: 0; display: flex; flex-direction: column; }
body.tree-page { height: 100vh; overflow: hidden; }
body.tree-page main { min-height: 0; }
body.tree-page .site-footer { display: none; }
.tree-toolbar { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; padding: 8px 16px; border-bottom: 1px solid var(--border); background: var(--bg); }
.tree-toolbar .group { display: inline-flex; gap: 4px; align-items: center; }
.tree-toolbar select { max-width: 12em; }
.zoom-level { min-width: 3.4em; text-align: center; font-variant-numeric: tabular-nums; color: var(--muted); font-size: 0.88rem; }
.notice { padding: 5px 16px; font-size: 0.88rem; background: var(--warning-bg); border-bottom: 1px solid var(--warning); }
.notice[hidden] { display: none; }
.viewport { position: relative; flex: 1; min-height: 0; overflow: hidden; cursor: grab; background: var(--bg); touch-action: none; }
.viewport.panning { cursor: grabbing; }
.canvas { transform-origin: 0 0; width: max-content; }
.canvas svg { display: block; }
.single .page.tree-page .viewport { height: calc(100vh - 150px); flex: none; }

/* kanban (the editor's board, site colours) */
.kanban { overflow: auto; }
.board { display: grid; grid-template-columns: 170px repeat(7, minmax(150px, 1fr)); gap: 6px; min-width: 1240px; }
.corner, .col-head { position: sticky; top: 0; padding: 6px 8px; font-weight: 600; text-transform: capitalize; background: var(--panel); border-bottom: 2px solid var(--border); }
.col-head .count { margin-left: 4px; }
.col-head.col-doing { border-bottom-color: var(--vscode-charts-orange); }
.col-head.col-done { border-bottom-color: var(--ok); }
.lane-head { padding: 8px; border-radius: 6px; border-left: 4px solid var(--vscode-charts-blue); background: var(--panel); }
.lane-head.no-stream { border-left-color: var(--muted); font-style: italic; }
.lane-title { font-weight: 600; }
.lane-name { font-family: var(--mono); font-size: 0.75rem; color: var(--muted); }
.wip { margin-top: 4px; font-size: 0.85rem; font-variant-numeric: tabular-nums; }
.lane-head.exceeded { border-left-color: var(--error); }
.lane-head.exceeded .wip { color: var(--error); font-weight: 700; }
.cell { display: flex; flex-direction: column; gap: 6px; padding: 6px; min-height: 48px; border-radius: 6px; background: var(--panel); }
.cell.exceeded { outline: 2px solid var(--error); outline-offset: -2px; }
.card.stalled, a.card.stalled { border-left-color: var(--warning); }
.kanban .card { display: flex; flex-direction: column; gap: 2px; padding: 6px 8px; border-radius: 6px; color: var(--fg); text-decoration: none; background: var(--bg);
  border: 1px solid var(--border); border-left: 3px solid var(--vscode-charts-orange); box-shadow: none; }
.kanban .card:hover { border-color: var(--accent); }
.kanban .card.stalled { border-left-color: var(--warning); }
.card-title { font-weight: 600; font-size: 0.9rem; overflow: hidden; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; }
.card-meta, .card-bet { font-size: 0.75rem; color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.card-bet.orphan { color: var(--warning); }
.flag { align-self: flex-start; margin-top: 2px; padding: 0 6px; border-radius: 8px; font-size: 0.68rem; font-weight: 700; text-transform: uppercase; color: var(--bg); background: var(--warning); }
.flag.muted { background: var(--muted); }
/* flow on the board (the same classes as the editor's Kanban) */
.flow-legend { margin: 10px 0 0; font-size: 0.8rem; color: var(--muted); }
.age, .cycle { align-self: flex-start; font-size: 0.75rem; font-variant-numeric: tabular-nums; color: var(--fg); }
.kanban .card .age { margin-top: 2px; padding: 0 6px; border-radius: 8px; border: 1px solid var(--age-colour, var(--muted)); font-weight: 600; }
.age-fresh { --age-colour: var(--ok); } .age-ageing { --age-colour: var(--warning); } .age-old { --age-colour: var(--error); }
.age .mark { color: var(--age-colour); }
.kanban .card .age-old { border-width: 2px; }
.kanban .card.ageing-fresh { border-left-color: var(--ok); } .kanban .card.ageing-ageing { border-left-color: var(--warning); } .kanban .card.ageing-old { border-left: 5px solid var(--error); }
.kanban .card .age-unknown { border-style: dashed; }
.kanban .card .age-unknown, .cycle.unknown { font-weight: 400; font-style: italic; color: var(--muted); }
.cycle { color: var(--muted); }
.lane-flow { margin-top: 4px; font-size: 0.75rem; line-height: 1.35; color: var(--muted); font-variant-numeric: tabular-nums; }
.lane-flow .waits { color: var(--fg); font-weight: 600; }
.cell.waiting { outline: 2px dashed var(--warning); outline-offset: -2px; }
.cell.exceeded.waiting { outline-style: solid; }
.wait-note { font-size: 0.75rem; font-weight: 600; }

/* board pack */
.pack-page { margin-bottom: 36px; padding-bottom: 24px; border-bottom: 2px solid var(--border); }
.pack-page.cover h1 { font-size: 2.3rem; }
.pack-bet { margin: 14px 0 18px; }
.pack-bet .hypothesis { font-size: 0.95rem; }
.pack-table { width: 100%; border-collapse: collapse; font-size: 0.9rem; margin: 6px 0 10px; }
.pack-table th, .pack-table td { text-align: left; padding: 4px 8px 4px 0; border-bottom: 1px solid var(--panel-2); vertical-align: top; }
.pack-table thead th { color: var(--muted); font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.04em; }
.pack-table .kr-row td:first-child { padding-left: 16px; color: var(--muted); }
.pack-table svg.bar { width: 90px; }
.pack-findings { padding-left: 1.1em; font-size: 0.9rem; }
.print-hint { color: var(--muted); }

/* single file: one section per page, chosen by the hash */
html.js .single .page:not(.current) { display: none; }
.single .page { display: block; }
html:not(.js) .single .page { border-bottom: 3px double var(--border); padding-bottom: 20px; margin-bottom: 20px; }

@media (max-width: 720px) {
  .site-header { position: static; }
  .search { margin-left: 0; width: 100%; }
  .search input { width: 100%; max-width: none; }
  .facts { grid-template-columns: 1fr; }
}

@media print {
  :root {${LIGHT} }
  html { font-size: 11pt; background: #fff; color: #000; }
  .site-header, .site-footer, .tree-toolbar, .actions, .search, .print-hint, .notice, noscript { display: none !important; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .card, .finding, .kr, .code-group, .okr-card { box-shadow: none; break-inside: avoid; }
  .block > h2, h2, h3 { break-after: avoid; }
  .pack-page { border: 0; margin: 0; padding: 0; break-before: page; }
  .pack-page:first-of-type { break-before: auto; }
  .pack-table tr { break-inside: avoid; }
  body.tree-page { height: auto; overflow: visible; }
  .viewport { overflow: visible; cursor: auto; }
  .canvas { transform: none !important; width: auto; }
  .canvas svg { width: 100%; height: auto; }
  .kanban { overflow: visible; }
  .board { min-width: 0; grid-template-columns: 110px repeat(7, 1fr); font-size: 8pt; }
  svg.bar .track { fill: #ddd; }
  @page { margin: 16mm 14mm; }
}
${DIAGRAM_CSS}
.eos-diagram .node:hover .box { stroke: var(--accent); stroke-width: 2; }
`;
