/**
 * Messages between the preview panel (extension host) and its webview, declared once for both.
 */
import type { Range } from 'vscode-languageserver-types';
import type { DiagramFilter, DiagramResult } from './protocol.js';

export type PreviewTab = 'tree' | 'kanban' | 'values' | 'rights';

export type ToWebview =
    | { type: 'diagram'; result: DiagramResult }
    /** `reveal: false` when the cursor only moved with typed text: highlight, do not pan. */
    | { type: 'cursor'; uri: string; line: number; character: number; reveal?: boolean }
    | { type: 'showTab'; tab: PreviewTab }
    /** Draw this standalone SVG into a canvas and send back a PNG. */
    | { type: 'renderPng'; svg: string }
    | { type: 'notice'; text: string };

export type FromWebview =
    | { type: 'ready' }
    | { type: 'reveal'; uri: string; range: Range }
    /** The view the user asked for: folded subtrees and filters. */
    | { type: 'view'; collapsed: string[]; filter: DiagramFilter }
    | { type: 'export'; format: 'svg' | 'png' }
    | { type: 'png'; dataUrl: string }
    | { type: 'error'; message: string }
    /** Compare mode: leave it, or open the changes as a pull-request comment. */
    | { type: 'stopCompare' }
    | { type: 'openMarkdown' };
