/**
 * The model as `eos export --format json` writes it: every element with its kind, name, title,
 * links (resolved or not) and source location. Lines and columns count from 1.
 */
import type { StrategyElement } from './elements.js';
import type { WorkspaceModel } from './workspace-model.js';
import { effectiveReading } from './key-result-history.js';

export interface ExportedLink {
    relation: string;
    target: string;
    /** The kind of the element the link resolves to; absent when it resolves to nothing. */
    targetKind?: string;
    line: number;
    column: number;
}

export interface ExportedElement {
    kind: string;
    name: string;
    title?: string;
    description?: string;
    doc?: string;
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    links: ExportedLink[];
    properties: Record<string, unknown>;
}

export interface ExportedModel {
    files: string[];
    elements: ExportedElement[];
}

const PROPERTY_KEYS = [
    'status',
    'level',
    'wip',
    'horizon',
    'period',
    'updated',
    'hypothesis',
    'outcome',
    'success',
    'failure',
    'situation',
    'chosen',
    'over',
    'rationale',
    'evidence',
    'keyResults',
    'okr',
    'baseline',
    'target',
    'change',
    'deadline'
] as const satisfies ReadonlyArray<keyof StrategyElement>;

/**
 * A key result's current value as every view reads it (the latest check-in, else `current`),
 * where it comes from, the written `current` it supersedes, and its check-ins oldest first.
 */
function keyResultReading(model: WorkspaceModel, kr: StrategyElement): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const reading = effectiveReading(model, kr);
    if (reading) {
        out.current = reading.value;
        out.currentFrom = reading.from;
        if (reading.date) out.currentDate = reading.date;
        if (reading.from === 'check-in' && kr.currentWritten) out.currentWritten = kr.currentWritten;
    }
    const checkIns = model.checkInsOf(kr);
    if (checkIns.length) {
        out.checkIns = checkIns.map(entry => ({
            date: entry.date,
            value: entry.value,
            ...(entry.confidence ? { confidence: entry.confidence } : {}),
            ...(entry.note !== undefined ? { note: entry.note } : {})
        }));
    }
    return out;
}

export function exportModel(model: WorkspaceModel, fileOf: (uri: string) => string): ExportedModel {
    return {
        files: model.documents.map(doc => fileOf(doc.uri)),
        elements: model.elements.map(element => exportElement(model, element, fileOf(element.uri)))
    };
}

function exportElement(model: WorkspaceModel, element: StrategyElement, file: string): ExportedElement {
    const properties: Record<string, unknown> = {};
    for (const key of PROPERTY_KEYS) {
        const value = element[key];
        if (value === undefined) continue;
        properties[key] = key === 'evidence' ? element.evidence!.map(({ range: _range, ...rest }) => rest) : value;
    }
    if (element.kind === 'kr') Object.assign(properties, keyResultReading(model, element));
    return {
        kind: element.kind,
        name: element.name,
        ...(element.title !== undefined ? { title: element.title } : {}),
        ...(element.description !== undefined ? { description: element.description } : {}),
        ...(element.doc !== undefined ? { doc: element.doc } : {}),
        file,
        line: element.range.start.line + 1,
        column: element.range.start.character + 1,
        endLine: element.range.end.line + 1,
        endColumn: element.range.end.character + 1,
        links: element.links.map(link => {
            const target = model.resolve(link);
            return {
                relation: link.relation,
                target: link.target,
                ...(target ? { targetKind: target.kind } : {}),
                line: link.range.start.line + 1,
                column: link.range.start.character + 1
            };
        }),
        properties
    };
}
