/**
 * The layered values framework as a picture model: company values, the functions' (and other
 * teams') interpretations of them, the team practices that live them out — with the tenets and the
 * decision records beside them. A value or practice whose chain does not reach a company value is
 * marked broken, so the break stands out. Pure: model → framework; framework-svg.ts draws it.
 */
import { chainToCompany, decisionLog, tenetUse, valueChain, valueChainBroken, valueLayer } from '../language/model/autonomy.js';
import type { StrategyElement } from '../language/model/elements.js';
import type { WorkspaceModel } from '../language/model/workspace-model.js';
import type { Range } from 'vscode-languageserver-types';

export interface FrameworkCard {
    /** `kind:Name`, the id the click handler reveals. */
    id: string;
    kind: 'value' | 'practice' | 'tenet' | 'decision';
    name: string;
    title?: string;
    /** A short second line: owner and level, a tenet's use, a decision's date. */
    detail: string;
    /** The chain to a company value is broken here (or, for an unowned top value, cannot be placed). */
    state: 'ok' | 'broken' | 'unplaced';
    uri: string;
    nameRange: Range;
}

export interface FrameworkLink {
    from: string;
    to: string;
    kind: 'extends' | 'embodies' | 'follows' | 'sets-aside';
}

export interface Framework {
    company: FrameworkCard[];
    interpretations: FrameworkCard[];
    practices: FrameworkCard[];
    tenets: FrameworkCard[];
    decisions: FrameworkCard[];
    links: FrameworkLink[];
    /** How many cards are broken: the view's legend says so. */
    broken: number;
}

/** The latest decisions shown beside the tenets; older ones are in the report's decision log. */
export const MAX_DECISIONS = 12;

const idOf = (element: StrategyElement) => `${element.kind}:${element.name}`;

function card(element: StrategyElement, kind: FrameworkCard['kind'], detail: string, state: FrameworkCard['state'] = 'ok'): FrameworkCard {
    return { id: idOf(element), kind, name: element.name, ...(element.title ? { title: element.title } : {}), detail, state, uri: element.uri, nameRange: element.nameRange };
}

function ownerText(model: WorkspaceModel, element: StrategyElement): string {
    const owner = model.target(element, 'owner');
    return owner ? `${owner.name}${owner.level ? ` · ${owner.level}` : ''}` : 'no owner';
}

export function buildFramework(model: WorkspaceModel): Framework {
    const values = model.ofKind('value');
    // Each value's root (the top of its chain), so a row lists interpretations under their company value's order.
    const rootOrder = new Map<StrategyElement, number>();
    const tops = values.filter(value => valueChain(model, value).length === 1);
    tops.forEach((top, index) => rootOrder.set(top, index));
    // Computed once per value and practice: sort comparators call these O(n log n) times.
    const rootIndexes = new Map<StrategyElement, number>();
    const rootIndex = (value: StrategyElement) => {
        let index = rootIndexes.get(value);
        if (index === undefined) {
            const chain = valueChain(model, value);
            rootIndexes.set(value, (index = rootOrder.get(chain[chain.length - 1]) ?? tops.length));
        }
        return index;
    };
    const byRoot = (a: StrategyElement, b: StrategyElement) => rootIndex(a) - rootIndex(b);

    const company: FrameworkCard[] = [];
    const interpretations: FrameworkCard[] = [];
    for (const value of [...values].sort(byRoot)) {
        const layer = valueLayer(model, value);
        const extendsSomething = valueChain(model, value).length > 1;
        if (layer === 'company' || (layer === 'unplaced' && !extendsSomething)) {
            company.push(card(value, 'value', layer === 'company' ? ownerText(model, value) : 'no owner: not placed', layer === 'company' ? 'ok' : 'unplaced'));
        } else {
            const verdict = chainToCompany(model, value);
            const state = valueChainBroken(model, value) || verdict.reaches === false ? 'broken' : verdict.reaches === 'unknown' ? 'unplaced' : 'ok';
            interpretations.push(card(value, 'value', state === 'broken' ? `${ownerText(model, value)} · reaches no company value` : ownerText(model, value), state));
        }
    }

    const links: FrameworkLink[] = [];
    for (const value of values) {
        const parent = model.target(value, 'extends');
        if (parent) links.push({ from: idOf(value), to: idOf(parent), kind: 'extends' });
    }

    const practices: FrameworkCard[] = [];
    const practiceRoots = new Map(model.ofKind('practice').map(practice => [practice, Math.min(...model.targets(practice, 'embodies').map(rootIndex), tops.length)]));
    for (const practice of [...practiceRoots.keys()].sort((a, b) => practiceRoots.get(a)! - practiceRoots.get(b)!)) {
        const embodied = model.targets(practice, 'embodies');
        const broken = embodied.some(value => chainToCompany(model, value).reaches === false);
        practices.push(card(practice, 'practice', broken ? `${ownerText(model, practice)} · reaches no company value` : ownerText(model, practice), broken ? 'broken' : 'ok'));
        for (const value of embodied) links.push({ from: idOf(practice), to: idOf(value), kind: 'embodies' });
    }

    const tenets = model.ofKind('tenet').map(tenet => {
        const use = tenetUse(model, tenet);
        const upholds = model
            .targets(tenet, 'upholds')
            .map(v => v.name)
            .join(', ');
        return card(tenet, 'tenet', `followed ${use.followed.length} · set aside ${use.setAside.length}${upholds ? ` · upholds ${upholds}` : ''}`);
    });

    const decisions = decisionLog(model)
        .reverse()
        .slice(0, MAX_DECISIONS)
        .map(decision => {
            for (const citation of decision.citations ?? []) {
                if (model.get('tenet', citation.tenet)) links.push({ from: idOf(decision), to: `tenet:${citation.tenet}`, kind: citation.side });
            }
            return card(decision, 'decision', `${decision.date ?? 'undated'} · ${model.target(decision, 'owner')?.name ?? 'no owner'}`);
        });

    const broken = [...interpretations, ...practices].filter(c => c.state === 'broken').length;
    return { company, interpretations, practices, tenets, decisions, links, broken };
}
