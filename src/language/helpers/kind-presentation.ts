/**
 * How each element kind presents itself in editors: its semantic token type (colour) and its
 * symbol kind (icon in the outline and in workspace symbol search). One table, so colours and
 * icons tell the same story. Editors only know programming-language categories, so each kind
 * borrows the category whose role is closest:
 *
 * | kind       | token      | symbol    | why |
 * |------------|------------|-----------|-----|
 * | vision     | namespace  | Namespace | the root everything sits under |
 * | theme      | interface  | Interface | an intent that bets implement |
 * | bet        | class      | Class     | the central, funded unit |
 * | stream     | struct     | Struct    | a stable structure work flows through |
 * | initiative | function   | Function  | work that runs, then ends |
 * | okr        | enum       | Enum      | an objective with a set of key results |
 * | kr         | property   | Property  | a measurable member of its OKR |
 * | team       | type       | Module    | an organisational unit |
 * | value      | variable + readonly | Constant | a principle that holds |
 * | practice   | method     | Method    | how a team acts on a value |
 * | tenet      | macro      | Operator  | a rule that decides between two options |
 * | authority  | typeParameter | TypeParameter | a type of decision and who may take it |
 * | decision   | event      | Event     | a dated choice that happened |
 */
import { SymbolKind } from 'vscode-languageserver';
import type { ElementKind } from '../model/elements.js';

export interface KindPresentation {
    token: string;
    tokenModifiers: readonly string[];
    symbol: SymbolKind;
}

export const KIND_PRESENTATION: Readonly<Record<ElementKind, KindPresentation>> = {
    vision: { token: 'namespace', tokenModifiers: [], symbol: SymbolKind.Namespace },
    theme: { token: 'interface', tokenModifiers: [], symbol: SymbolKind.Interface },
    bet: { token: 'class', tokenModifiers: [], symbol: SymbolKind.Class },
    stream: { token: 'struct', tokenModifiers: [], symbol: SymbolKind.Struct },
    initiative: { token: 'function', tokenModifiers: [], symbol: SymbolKind.Function },
    okr: { token: 'enum', tokenModifiers: [], symbol: SymbolKind.Enum },
    kr: { token: 'property', tokenModifiers: [], symbol: SymbolKind.Property },
    team: { token: 'type', tokenModifiers: [], symbol: SymbolKind.Module },
    value: { token: 'variable', tokenModifiers: ['readonly'], symbol: SymbolKind.Constant },
    practice: { token: 'method', tokenModifiers: [], symbol: SymbolKind.Method },
    tenet: { token: 'macro', tokenModifiers: [], symbol: SymbolKind.Operator },
    authority: { token: 'typeParameter', tokenModifiers: [], symbol: SymbolKind.TypeParameter },
    decision: { token: 'event', tokenModifiers: [], symbol: SymbolKind.Event }
};
