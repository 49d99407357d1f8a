/**
 * Produces a document's diagnostics: syntax and linking errors from Langium (given our codes and
 * friendlier messages), plus the workspace rules' issues for this document, with the severities
 * that `eos.config.json` and the editor settings ask for.
 */
import { DefaultDocumentValidator, DocumentValidator, type LangiumDocument, type ValidationOptions } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { CancellationToken } from 'vscode-languageserver';
import type { EosServices } from '../eos-module.js';
import { KIND_LABEL, type ElementKind } from '../model/elements.js';
import { REFERENCE_TARGETS } from '../model/extract.js';
import { effectiveSeverity } from '../workspace/eos-config.js';
import type { StrategyWorkspace } from '../workspace/strategy-workspace.js';
import { codeDocsUrl } from './code-docs.js';
import { CATALOGUE, isDiagnosticCode, type DiagnosticCode, type Severity } from './codes.js';
import { findingMessage, type Issue } from './issue.js';
import { NameSuggester } from './suggestions.js';
import { suggestedWord } from '../grammar/syntax-messages.js';
import { isName } from '../grammar/names.js';
import type { RepairedMistake } from '../grammar/token-repair.js';
import type { TextEdit } from 'vscode-languageserver-types';

/** The quick fix of a syntax error: edits in the document's positions (kept in the diagnostic's data). */
export interface SyntaxFix {
    title: string;
    edits: TextEdit[];
}
import type { WorkspaceModel } from '../model/workspace-model.js';

export const DIAGNOSTIC_SOURCE = 'eos';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information,
    hint: DiagnosticSeverity.Hint
};

export interface EosDiagnosticData {
    code: DiagnosticCode;
    /** What to write instead: the end of the message, which the hover shows apart from the fault. */
    fix?: string;
    /** Marks diagnostics computed from the whole workspace, so they can be refreshed on their own. */
    workspace?: boolean;
    [key: string]: unknown;
}

export class EosDocumentValidator extends DefaultDocumentValidator {
    private readonly strategy: StrategyWorkspace;
    private readonly suggesters = new WeakMap<WorkspaceModel, Map<string, NameSuggester>>();

    constructor(services: EosServices) {
        super(services);
        this.strategy = services.eos.StrategyWorkspace;
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const result: Diagnostic[] = [];
        const repairs = repairFixes(document);
        for (const diagnostic of diagnostics) {
            const langiumCode = (diagnostic.data as { code?: string } | undefined)?.code;
            if (langiumCode === DocumentValidator.LexingError || langiumCode === DocumentValidator.ParsingError) {
                diagnostic.code = 'syntax';
                if (typeof diagnostic.message === 'string') diagnostic.message = friendlySyntaxMessage(diagnostic.message);
                const fix = repairs.get(`${diagnostic.range.start.line}:${diagnostic.range.start.character}`) ?? suggestedWordFix(document, diagnostic);
                if (fix) diagnostic.data = { ...(diagnostic.data as object | undefined), syntaxFix: fix };
            }
            result.push(diagnostic);
        }
        if (!options.categories || options.categories.includes('fast')) {
            for (const issue of this.strategy.issuesFor(document)) result.push(issueToDiagnostic(issue, true));
        }
        return this.applySeverities(result);
    }

    /** The severities from config and settings; drops codes turned off. */
    applySeverities(diagnostics: Diagnostic[]): Diagnostic[] {
        return applySeverities(diagnostics, this.strategy);
    }

    /**
     * EOS registers no per-node checks: its rules run over the document model (`issuesFor`).
     * Langium would still walk every AST node looking for checks (≈ 4% of a cold build), so the
     * walk happens only if a check is ever registered.
     */
    protected override async validateAstNodes(...args: Parameters<DefaultDocumentValidator['validateAstNodes']>): Promise<void> {
        const registered = (this.validationRegistry as unknown as { entries?: { size: number } }).entries;
        if (registered && registered.size === 0) return;
        return super.validateAstNodes(...args);
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const name = error.info.reference.$refText;
            // `stream A, B`: the second stream is still a stream name (refused by invalid-value).
            const kinds = REFERENCE_TARGETS[error.info.property === 'extraStreams' ? 'stream' : error.info.property] ?? [];
            const suggestions = this.suggester(kinds).nearest(name);
            const fix = unresolvedFix(suggestions);
            diagnostics.push({
                severity: DiagnosticSeverity.Error,
                range: reference.$refNode?.range ?? error.info.container.$cstNode!.range,
                message: findingMessage(unresolvedFault(name, kinds, error.info.property), fix),
                code: 'unresolved-reference',
                source: DIAGNOSTIC_SOURCE,
                data: { code: 'unresolved-reference', fix, name, kinds, suggestions } satisfies EosDiagnosticData
            });
        }
    }

    /** One suggester per model and set of kinds: candidates prepared once, answers remembered. */
    private suggester(kinds: readonly ElementKind[]): NameSuggester {
        const model = this.strategy.model;
        let byKinds = this.suggesters.get(model);
        if (!byKinds) this.suggesters.set(model, (byKinds = new Map()));
        const key = kinds.join(',');
        let suggester = byKinds.get(key);
        if (!suggester) byKinds.set(key, (suggester = new NameSuggester(kinds.flatMap(kind => model.namesOf(kind)))));
        return suggester;
    }

    protected override getSource(): string {
        return DIAGNOSTIC_SOURCE;
    }
}

function unresolvedFault(name: string, kinds: readonly ElementKind[], property = 'supports'): string {
    const labels = kinds.map(k => KIND_LABEL[k]);
    if (kinds.length === 1) return `No ${labels[0]} is named '${name}'.`;
    return property === 'supports'
        ? `Nothing that can be supported (${labels.join(', ')}) is named '${name}'.`
        : `No ${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]} is named '${name}'.`;
}

/** The nearest names when there are some; the catalogue's fix otherwise. */
function unresolvedFix(suggestions: readonly string[]): string {
    return suggestions.length ? `Did you mean ${suggestions.map(s => `'${s}'`).join(' or ')}?` : CATALOGUE['unresolved-reference'].fix;
}

export function issueToDiagnostic(issue: Issue, workspace = false): Diagnostic {
    return {
        severity: DiagnosticSeverity.Warning, // replaced by applySeverities
        range: issue.range,
        message: issue.message,
        code: issue.code,
        source: DIAGNOSTIC_SOURCE,
        data: { ...issue.data, code: issue.code, fix: issue.fix, ...(workspace ? { workspace: true } : {}) } satisfies EosDiagnosticData
    };
}

export function applySeverities(diagnostics: Diagnostic[], strategy: StrategyWorkspace): Diagnostic[] {
    const result: Diagnostic[] = [];
    for (const diagnostic of diagnostics) {
        const code = diagnostic.code;
        if (!isDiagnosticCode(code)) {
            result.push(diagnostic);
            continue;
        }
        const severity = effectiveSeverity(code, strategy.config, strategy.editorDiagnostics);
        if (severity === 'off') continue;
        diagnostic.severity = LSP_SEVERITY[severity];
        // The code in Problems and the hover links to its section of docs/language.md.
        diagnostic.codeDescription = { href: codeDocsUrl(code) };
        result.push(diagnostic);
    }
    return result;
}

/**
 * The edits that fix the mistakes the token repair found (token-repair.ts), by the position of
 * their diagnostic, in the document's positions, for the quick fix.
 */
function repairFixes(document: LangiumDocument): Map<string, SyntaxFix> {
    const fixes = new Map<string, SyntaxFix>();
    for (const error of document.parseResult.lexerErrors as ReadonlyArray<Partial<RepairedMistake>>) {
        if (!error.fix || error.line === undefined || error.column === undefined) continue;
        fixes.set(`${error.line - 1}:${error.column - 1}`, {
            title: error.fix.title,
            edits: error.fix.edits.map(edit => ({
                range: { start: document.textDocument.positionAt(edit.offset), end: document.textDocument.positionAt(edit.offset + edit.length) },
                newText: edit.text
            }))
        });
    }
    return fixes;
}

/** A parser message that names the word meant (`Did you mean \`doing\`?`) fixes the word it is on. */
function suggestedWordFix(document: LangiumDocument, diagnostic: Diagnostic): SyntaxFix | undefined {
    const word = suggestedWord(String(diagnostic.message));
    const written = document.textDocument.getText(diagnostic.range);
    if (!word || !isName(written)) return undefined;
    return { title: `Write \`${word}\``, edits: [{ range: diagnostic.range, newText: word }] };
}

/** Chevrotain's messages name grammar tokens; say it in the words a strategist types. */
export function friendlySyntaxMessage(message: string): string {
    const alternatives = /one of these possible Token sequences:(.*)but found: '(.*)'$/s.exec(message);
    if (alternatives) {
        const options = [...alternatives[1].matchAll(/\d+\. \[([^\]]*)\]/g)].map(match => match[1].trim());
        const words = options.map(option => TOKEN_WORDS[option] ?? option);
        return `Expecting one of ${words.join(', ')} but found '${alternatives[2]}'.`;
    }
    const character = /^unexpected character: ->(.)<- at offset: \d+, skipped \d+ characters?\.$/s.exec(message);
    if (character) return `'${character[1]}' cannot appear here; it was skipped.`;
    return message
        .replace(/\bRULE_\w+/g, '')
        .replace(/token of type '(\w+)'/g, (_, token: string) => TOKEN_WORDS[token] ?? `'${token}'`)
        .replace(/\bEOF\b/g, 'the end of the file')
        .replace(/\s+/g, ' ')
        .trim();
}

const TOKEN_WORDS: Record<string, string> = {
    ID: 'a name',
    STRING: 'a quoted text',
    NUMBER: 'a number',
    DATE: 'a date (YYYY-MM-DD)',
    PERIOD: 'a period (e.g. 2026-Q1)',
    EOF: 'the end of the file'
};
