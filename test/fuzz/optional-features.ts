/**
 * Requests beyond the language services' providers: the preview's `eos/diagram` request, answered
 * by the server's handler. It never throws by design (a failure comes back as `error`), so an
 * `error` in the answer counts as a failure here.
 */
import type { LangiumDocument } from 'langium';
import type { EosServices } from '../../src/language/eos-module.js';
import { diagramFor } from '../../src/server/diagram-handler.js';

export interface OptionalProbe {
    name: string;
    run: () => unknown;
}

export function diagramProbes(services: EosServices, document: LangiumDocument): OptionalProbe[] {
    const uri = document.uri.toString();
    const answer = async (params: Parameters<typeof diagramFor>[1]) => {
        const result = await diagramFor(services, params);
        if (result.error) throw new Error(`diagram answered an error: ${String(result.error)}`);
        return result;
    };
    return [
        { name: 'diagram', run: () => answer({ uri }) },
        {
            name: 'diagram(filtered, collapsed, standalone)',
            run: () =>
                answer({ uri, collapsed: ['group:unaligned', 'vision:x'], filter: { status: 'doing', stream: document.textDocument.getText().slice(0, 6) }, standalone: true })
        }
    ];
}
