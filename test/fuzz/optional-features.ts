/**
 * Features that land in parallel (the diagram pipeline): the probe calls them when present, so the
 * fuzz run covers whatever the build exposes. Each entry is one request the preview would send.
 */
import type { LangiumDocument } from 'langium';
import type { EosServices } from '../../src/language/eos-module.js';

export interface OptionalProbe {
    name: string;
    run: () => unknown;
}

export function diagramProbes(_services: EosServices, _document: LangiumDocument): OptionalProbe[] {
    return [];
}
