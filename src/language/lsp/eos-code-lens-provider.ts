/**
 * Code lenses: the live counts a strategist checks above a bet, a theme or a value stream
 * ("is this bet funded? is this stream over its WIP limit?") without opening the tree.
 * Counts come from the name-based workspace model, so they include every file.
 */
import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { EosServices } from '../eos-module.js';
import type { StrategyElement } from '../model/elements.js';
import { betFacts, streamFacts, themeFacts } from '../model/element-facts.js';
import type { WorkspaceModel } from '../model/workspace-model.js';
import type { StrategyWorkspace } from '../workspace/strategy-workspace.js';
import { reportCaught } from '../helpers/answer-or.js';

export class EosCodeLensProvider implements CodeLensProvider {
    private readonly strategy: StrategyWorkspace;

    constructor(services: EosServices) {
        this.strategy = services.eos.StrategyWorkspace;
    }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): CodeLens[] {
        try {
            const model = this.strategy.model;
            const lenses: CodeLens[] = [];
            for (const element of model.elementsIn(document.uri.toString())) {
                const title = lensTitle(model, element);
                // An empty command id makes the lens an annotation: informative, not clickable.
                if (title) lenses.push({ range: element.nameRange, command: { title, command: '' } });
            }
            return lenses;
        } catch (error) {
            reportCaught('code lenses', error);
            return [];
        }
    }
}

/** The lens text of an element, or undefined for kinds that have none. */
export function lensTitle(model: WorkspaceModel, element: StrategyElement): string | undefined {
    switch (element.kind) {
        case 'bet': {
            const facts = betFacts(model, element);
            return `${count(facts.initiatives.length, 'initiative')} · ${count(facts.okrs.length, 'OKR')}`;
        }
        case 'theme':
            return count(themeFacts(model, element).bets.length, 'bet');
        case 'stream': {
            const facts = streamFacts(model, element);
            const limit = facts.wip === undefined ? 'no WIP limit' : `WIP limit ${facts.wip}${facts.overLimit ? ' — exceeded' : ''}`;
            return `${facts.doing.length} doing / ${limit} · ${count(facts.initiatives.length, 'initiative')}`;
        }
        default:
            return undefined;
    }
}

function count(n: number, noun: string): string {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
