/**
 * Hovers that explain the strategy: on a keyword, the concept of the method behind it; on an
 * element or a reference to it, what it is, where it leads (its trace up the tree), live facts
 * from the whole workspace, and what to do about its diagnostics.
 */
import { AstUtils, CstUtils, GrammarAST, URI, type AstNode, type CstNode, type LangiumDocument, type LangiumDocuments } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { EosServices } from '../eos-module.js';
import { isCheckIn, isKeyResult, isMeasure } from '../generated/ast.js';
import { loopFacts } from '../documentation/loop-facts.js';
import { clockOf } from '../model/key-result-history.js';
import { KIND_LABEL, type StrategyElement } from '../model/elements.js';
import { formatPercent } from '../model/progress.js';
import { describeCurrent, describeProgressNow, progressNow } from '../model/key-result-history.js';
import { MAX_TRACE_STEPS, tracesOf, type Trace } from '../model/trace.js';
import { betFacts, streamFacts, themeFacts } from '../model/element-facts.js';
import type { WorkspaceModel } from '../model/workspace-model.js';
import { CATALOGUE, isDiagnosticCode, type CatalogueEntry, type DiagnosticCode } from '../validation/codes.js';
import type { EosDiagnosticData } from '../validation/eos-document-validator.js';
import { faultOf } from '../validation/issue.js';
import { codeDocsUrl } from '../validation/code-docs.js';
import type { StrategyWorkspace } from '../workspace/strategy-workspace.js';
import { conceptMarkdown, ELEMENT_CONCEPTS, propertyConcept, VALUE_CONCEPTS, valueMeaning } from '../documentation/glossary.js';
import { elementOfNode } from '../model/element-of-node.js';
import { isValueRule, kindOfAstType, VALUE_RULE_WORDS } from '../model/vocabulary.js';
import { autonomyFacts } from '../documentation/autonomy-facts.js';
import { answerOr } from '../helpers/answer-or.js';

export class EosHoverProvider extends AstNodeHoverProvider {
    protected readonly strategy: StrategyWorkspace;
    protected readonly langiumDocuments: LangiumDocuments;

    constructor(services: EosServices) {
        super(services);
        this.strategy = services.eos.StrategyWorkspace;
        this.langiumDocuments = services.shared.workspace.LangiumDocuments;
    }

    /** Never throws: a broken or half-typed document gets no hover rather than an error. */
    override getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        return answerOr(undefined, () => this.hoverAt(document, params), 'hover');
    }

    protected hoverAt(document: LangiumDocument, params: HoverParams): Hover | undefined {
        const root = document.parseResult?.value?.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
        if (!leaf || leaf.hidden || leaf.end <= offset) return undefined; // whitespace after a word is not the word
        const declaration = this.references.findDeclarations(leaf)[0];
        if (declaration) return this.markdown(this.elementHover(declaration), leaf.range);
        if (GrammarAST.isKeyword(leaf.grammarSource)) return this.markdown(this.keywordHover(leaf, leaf.grammarSource), leaf.range);
        // A number of a key result (`40%`, `65%`): its progress is what the reader wants to know.
        const measure = AstUtils.getContainerOfType(leaf.astNode, isMeasure);
        if (measure && isKeyResult(measure.$container)) return this.markdown(this.elementHover(measure.$container), measure.$cstNode?.range);
        // A check-in's value or date: the key result it reads, with its history.
        const checkIn = AstUtils.getContainerOfType(leaf.astNode, isCheckIn);
        const read = checkIn && (isKeyResult(checkIn.$container) ? checkIn.$container : checkIn.kr?.ref);
        if (checkIn && read) return this.markdown(this.elementHover(read), checkIn.$cstNode?.range);
        return undefined;
    }

    /** Unused: {@link hoverAt} decides per position. Kept for the abstract contract. */
    protected getAstNodeHoverContent(node: AstNode): string | undefined {
        return this.elementHover(node);
    }

    protected markdown(value: string | undefined, range?: Hover['range']): Hover | undefined {
        return value ? { contents: { kind: 'markdown', value }, ...(range ? { range } : {}) } : undefined;
    }

    // ---- keywords ---------------------------------------------------------------------------

    protected keywordHover(leaf: CstNode, keyword: GrammarAST.Keyword): string | undefined {
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        if (!rule) return undefined;
        if (isValueRule(rule.name)) {
            const values = VALUE_CONCEPTS[rule.name];
            const meaning = valueMeaning(rule.name, keyword.value);
            if (!meaning) return undefined;
            const others = VALUE_RULE_WORDS[rule.name].map(value => (value === keyword.value ? `**${value}**` : value)).join(' · ');
            return `**\`${keyword.value}\`** — ${values.label}\n\n${meaning}\n\nValues: ${others}`;
        }
        const kind = kindOfAstType(rule.name);
        if (kind && keyword.value === kind) return conceptMarkdown(ELEMENT_CONCEPTS[kind]);
        const concept = propertyConcept(keyword.value, leaf.astNode.$type);
        return concept ? conceptMarkdown(concept) : undefined;
    }

    // ---- elements ---------------------------------------------------------------------------

    protected elementHover(node: AstNode): string | undefined {
        const model = this.strategy.model;
        const element = elementOfNode(model, node);
        if (!element) return undefined;
        const sections: string[] = [headline(element)];
        if (element.description) sections.push(element.description);
        if (element.doc) sections.push(element.doc);
        const traces = tracesOf(model, element)
            .filter(trace => trace.length > 1)
            .map(traceText);
        if (traces.length === 1) sections.push(`**Trace:** ${traces[0]}`);
        else if (traces.length > 1) sections.push(`**Traces:**\n${traces.map(trace => `- ${trace}`).join('\n')}`);
        const facts = factsOf(model, element);
        if (facts.length) sections.push(facts.map(fact => `- ${fact}`).join('\n'));
        // Over time: check-ins, trend, forecast or grade, evidence timeline, rolled-up scores. The
        // editor measures against the real date (the CLI and tests fix it with `today`).
        const loop = loopFacts(model, element, clockOf(this.strategy.ruleOptions()));
        if (loop.length) sections.push(loop.join('\n\n'));
        const problems = this.problemsOf(element);
        if (problems.length) sections.push(problems.join('\n\n'));
        return sections.join('\n\n');
    }

    /**
     * The element's diagnostics: each fault, its fix and why it matters — each once (the one-line
     * message is fault and fix; the why lives only here and in the code's docs section).
     */
    protected problemsOf(element: StrategyElement): string[] {
        const document = this.langiumDocuments.getDocument(URI.parse(element.uri));
        const diagnostics: Diagnostic[] = document?.diagnostics ?? [];
        const ranges = [element.nameRange, ...element.links.map(link => link.range)];
        return diagnostics
            .filter(d => isDiagnosticCode(d.code) && d.code !== 'syntax' && ranges.some(range => sameRange(range, d.range)))
            .map(d => {
                const { fault, fix } = faultAndFix(d, d.code as DiagnosticCode);
                const code = d.code as DiagnosticCode;
                const entry: CatalogueEntry = CATALOGUE[code];
                const why = entry.why ?? entry.summary;
                return `⚠ \`${code}\`: ${fault}\n\n**Fix:** ${fix}\n\n**Why it matters:** ${why} [More about \`${code}\`](${codeDocsUrl(code)})`;
            });
    }
}

/** A diagnostic's message split into what is wrong and the fix it ends with. */
function faultAndFix(diagnostic: Diagnostic, code: DiagnosticCode): { fault: string; fix: string } {
    const fix = (diagnostic.data as Partial<EosDiagnosticData> | undefined)?.fix ?? CATALOGUE[code].fix;
    return { fault: faultOf(typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value, fix), fix };
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function headline(element: StrategyElement): string {
    return `**${KIND_LABEL[element.kind]}** \`${element.name}\`${element.title ? ` — ${element.title}` : ''}`;
}

/** `bet \`EarlyExperience\``: an element named with its kind, as traces and lists print it. */
function describe(element: StrategyElement): string {
    return `${KIND_LABEL[element.kind]} \`${element.name}\``;
}

/**
 * A trace as text. A key result met on the way stands for its OKR too (`Okr.Kr` names it), so the
 * OKR step after it is left out to keep long chains readable.
 */
function traceText(trace: Trace): string {
    const shown = trace.filter((element, index) => index < 2 || !(trace[index - 1].kind === 'kr' && trace[index - 1].okr === element.name && element.kind === 'okr'));
    return (
        shown.map(describe).join(' → ') +
        (trace.continues ? ` → … (more than ${MAX_TRACE_STEPS} steps up: a chain this long is likely a mistake in \`supports\` or \`parent\`)` : '')
    );
}

function names(elements: readonly StrategyElement[], detail?: (element: StrategyElement) => string | undefined): string {
    return elements
        .map(element => {
            const extra = detail?.(element);
            return `\`${element.name}\`${extra ? ` (${extra})` : ''}`;
        })
        .join(', ');
}

function countedList(label: string, elements: readonly StrategyElement[], detail?: (element: StrategyElement) => string | undefined): string {
    return elements.length ? `**${label} (${elements.length}):** ${names(elements, detail)}` : `**${label}:** none`;
}

const status = (element: StrategyElement) => element.status;

/** Live facts from the workspace, per kind: what a strategist asks next about this element. */
function factsOf(model: WorkspaceModel, element: StrategyElement): string[] {
    const facts: string[] = [];
    const add = (label: string, value: string | number | undefined) => {
        if (value !== undefined && value !== '') facts.push(`**${label}:** ${value}`);
    };
    // Each linking element once: `supports Early, Early` is one OKR.
    const incoming = (relation: Parameters<WorkspaceModel['incoming']>[1], kind?: StrategyElement['kind']) => [
        ...new Set(
            model
                .incoming(element, relation)
                .map(entry => entry.source)
                .filter(source => !kind || source.kind === kind)
        )
    ];
    const targets = (relation: Parameters<WorkspaceModel['targets']>[1]) => names(model.targets(element, relation));
    const horizon = element.horizon ? `${element.horizon.start}${element.horizon.end !== undefined ? `..${element.horizon.end}` : ''}` : undefined;
    switch (element.kind) {
        case 'vision':
            add('Horizon', horizon);
            facts.push(countedList('Themes', incoming('vision')));
            break;
        case 'theme': {
            const { bets, okrs } = themeFacts(model, element);
            add('Horizon', horizon);
            facts.push(countedList('Bets serving it', bets, status));
            facts.push(countedList('OKRs supporting it', okrs));
            add('Owner', targets('owner'));
            break;
        }
        case 'bet': {
            const { initiatives, okrs, evidence, latestEvidence: latest } = betFacts(model, element);
            add('Status', element.status);
            add('Hypothesis', element.hypothesis);
            add('Streams', targets('streams'));
            facts.push(countedList('Initiatives', initiatives, status));
            facts.push(countedList('OKRs', okrs));
            if (latest) add(`Evidence (${evidence.length})`, `latest ${latest.date ?? '(undated)'} ${latest.verdict}${latest.text ? `: ${latest.text}` : ''}`);
            add('Owner', targets('owner'));
            break;
        }
        case 'stream': {
            const { initiatives, doing, wip: limit, overLimit, bets } = streamFacts(model, element);
            const wip = limit === undefined ? `${doing.length} doing, no WIP limit set` : `${doing.length} doing of a limit of ${limit}${overLimit ? ' — over the limit' : ''}`;
            add('WIP', wip);
            facts.push(countedList('Initiatives', initiatives, status));
            facts.push(countedList('Bets through this stream', bets));
            add('Owner', targets('owner'));
            break;
        }
        case 'initiative':
            add('Status', element.status);
            add('Stream', targets('stream'));
            add('Owner', targets('owner'));
            add('Updated', element.updated);
            add('Hypothesis', element.hypothesis);
            add('Outcome', element.outcome);
            add('Success signal', element.success);
            add('Failure signal', element.failure);
            if (incoming('supports', 'okr').length) facts.push(countedList('OKRs', incoming('supports', 'okr')));
            break;
        case 'okr': {
            const owner = model.target(element, 'owner');
            add('Owner', owner ? `\`${owner.name}\`${owner.level ? ` (${owner.level})` : ''}` : undefined);
            add('Period', element.period);
            add('Supports', targets('supports'));
            const krs = (element.keyResults ?? []).map(name => model.get('kr', name)).filter((kr): kr is StrategyElement => kr !== undefined);
            facts.push(
                countedList('Key results', krs, kr => {
                    const progress = progressNow(model, kr);
                    return progress === undefined ? undefined : formatPercent(progress);
                })
            );
            // OKRs that support one of its key results support the objective too.
            const supportedBy = new Set([...incoming('supports', 'okr'), ...krs.flatMap(kr => model.incoming(kr, 'supports').map(entry => entry.source))]);
            if (supportedBy.size)
                facts.push(
                    countedList(
                        'Supported by',
                        [...supportedBy].filter(source => source.kind === 'okr')
                    )
                );
            break;
        }
        case 'kr': {
            const okr = model.okrOf(element);
            add('Objective', okr ? `\`${okr.name}\`${okr.title ? ` — ${okr.title}` : ''}` : undefined);
            add('Baseline', element.baseline?.text ?? 'not set');
            add('Target', element.target ? `${element.target.text}${element.change ? ` (${element.change})` : ''}` : 'not set');
            add('Deadline', element.deadline);
            add('Current', describeCurrent(model, element));
            add('Progress', describeProgressNow(model, element));
            const supportedBy = incoming('supports', 'okr');
            if (supportedBy.length) facts.push(countedList('Supported by', supportedBy));
            break;
        }
        case 'team':
            add('Level', element.level ?? 'not set');
            add('Parent', targets('parent') || undefined);
            if (incoming('parent').length) facts.push(countedList('Teams inside', incoming('parent')));
            facts.push(countedList('OKRs', incoming('owner', 'okr')));
            if (incoming('owner', 'initiative').length) facts.push(countedList('Initiatives', incoming('owner', 'initiative'), status));
            if (incoming('owner', 'practice').length) facts.push(countedList('Practices', incoming('owner', 'practice')));
            if (incoming('owner', 'stream').length) facts.push(countedList('Streams owned', incoming('owner', 'stream')));
            break;
        case 'value':
            add('Extends', targets('extends') || undefined);
            if (incoming('extends').length) facts.push(countedList('Interpreted by', incoming('extends')));
            facts.push(countedList('Tenets', incoming('upholds')));
            facts.push(countedList('Practices', incoming('embodies')));
            break;
        case 'practice':
            add('Embodies', targets('embodies'));
            add('Owner', targets('owner'));
            break;
        case 'tenet':
            if (element.situation || element.chosen) {
                facts.push(`When ${element.situation ?? '…'}, we choose ${element.chosen ?? '…'} over ${element.over ?? '…'} because ${element.rationale ?? '…'}.`);
            }
            add('Upholds', targets('upholds'));
            break;
    }
    facts.push(...autonomyFacts(model, element));
    return facts;
}
