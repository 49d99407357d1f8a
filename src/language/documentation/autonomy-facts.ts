/**
 * Hover facts of aligned autonomy: a tenet's use in decision records, a value's layers and the
 * decisions that applied it lately, what a team may decide, and the facts of decision rights,
 * decision records and needs. Read from model/autonomy.ts, as the rules and views are.
 */
import {
    chainToCompany,
    deciderText,
    decisionsApplying,
    escalatedUnnecessarily,
    mayDecide,
    needSupport,
    tenetUse,
    valueChain,
    valueLayer,
    valuesAppliedBy
} from '../model/autonomy.js';
import type { StrategyElement } from '../model/elements.js';
import type { WorkspaceModel } from '../model/workspace-model.js';

/** How many recent decisions a hover lists. */
const RECENT = 3;

const dated = (decision: StrategyElement) => `\`${decision.name}\`${decision.date ? ` (${decision.date})` : ''}`;
const list = (decisions: readonly StrategyElement[]) => (decisions.length ? decisions.map(dated).join(', ') : 'none');

export function autonomyFacts(model: WorkspaceModel, element: StrategyElement): string[] {
    const facts: string[] = [];
    switch (element.kind) {
        case 'tenet': {
            const use = tenetUse(model, element);
            facts.push(`**Followed by (${use.followed.length}):** ${list(use.followed)}`);
            facts.push(`**Set aside by (${use.setAside.length}):** ${list(use.setAside)}`);
            if (use.setAside.length) {
                const reasons = use.setAside.flatMap(d =>
                    (d.citations ?? []).filter(c => c.tenet === element.name && c.side === 'sets-aside').map(c => `\`${d.name}\`: ${c.reason ?? '(no reason given)'}`)
                );
                facts.push(`**Reasons for setting it aside:**\n${reasons.map(r => `  - ${r}`).join('\n')}`);
            }
            facts.push(`**Last cited:** ${use.lastCited ?? 'never'}`);
            break;
        }
        case 'value': {
            const chain = valueChain(model, element);
            const layer = (value: StrategyElement) => {
                const owner = model.target(value, 'owner');
                return `\`${value.name}\`${owner ? ` (${owner.name}${owner.level ? `, ${owner.level}` : ''})` : ''}`;
            };
            const verdict = chainToCompany(model, element);
            const reach = verdict.reaches === true ? '' : verdict.reaches === false ? ' — **reaches no company value**' : ' — not placed: the top value has no owner';
            facts.push(`**Layers:** ${[...chain].reverse().map(layer).join(' → ')}${valueLayer(model, element) === 'company' ? ' (a company value)' : ''}${reach}`);
            const practices = [element, ...model.incoming(element, 'extends').map(e => e.source)].flatMap(v => model.incoming(v, 'embodies').map(e => e.source));
            if (practices.length) facts.push(`**Team practices (this value or its interpretations):** ${[...new Set(practices)].map(p => `\`${p.name}\``).join(', ')}`);
            const applied = decisionsApplying(model, element);
            facts.push(
                `**Applied lately by:** ${applied.length ? applied.slice(0, RECENT).map(dated).join(', ') + (applied.length > RECENT ? ` and ${applied.length - RECENT} more` : '') : 'no decision record'}`
            );
            break;
        }
        case 'team': {
            const rights = model.ofKind('authority').filter(authority => mayDecide(model, authority, element) === 'yes');
            const escalations = model.ofKind('authority').filter(authority => model.target(authority, 'escalateTo') === element);
            if (rights.length || escalations.length) {
                facts.push(
                    `**May decide (${rights.length}):** ${rights.length ? rights.map(a => `\`${a.name}\`${a.title ? ` (${a.title})` : ''}`).join(', ') : 'no type of decision on its own'}`
                );
                if (escalations.length) facts.push(`**Decides when escalated:** ${escalations.map(a => `\`${a.name}\``).join(', ')}`);
            }
            const decisions = model
                .incoming(element, 'owner')
                .map(e => e.source)
                .filter(s => s.kind === 'decision');
            if (decisions.length) facts.push(`**Decisions taken (${decisions.length}):** ${list(decisions)}`);
            break;
        }
        case 'authority': {
            facts.push(`**Decided by:** ${deciderText(model, element)}`);
            if (element.trigger) {
                const to = model.target(element, 'escalateTo');
                facts.push(`**Escalate when:** ${element.trigger}${to ? ` → \`${to.name}\`` : ''}`);
            }
            const values = model.targets(element, 'applies');
            if (values.length) facts.push(`**Values applied:** ${values.map(v => `\`${v.name}\``).join(', ')}`);
            const teams = model.ofKind('team').filter(team => mayDecide(model, element, team) === 'yes');
            facts.push(`**Teams that may decide (${teams.length}):** ${teams.map(t => `\`${t.name}\``).join(', ') || 'none'}`);
            facts.push(`**Decisions of this type:** ${list(model.incoming(element, 'type').map(e => e.source))}`);
            break;
        }
        case 'decision': {
            const add = (label: string, value: string | undefined) => {
                if (value) facts.push(`**${label}:** ${value}`);
            };
            add('Date', element.date ?? 'not dated: the audits cannot place it');
            const type = model.target(element, 'type');
            const owner = model.target(element, 'owner');
            add('Type', type ? `\`${type.name}\` — ${deciderText(model, type)} decides` : undefined);
            add(
                'Owner',
                owner
                    ? `\`${owner.name}\`${owner.level ? ` (${owner.level})` : ''}${type ? ` — ${mayDecide(model, type, owner) === 'yes' ? 'may decide it' : mayDecide(model, type, owner) === 'no' ? 'may not decide it alone' : 'level not written'}` : ''}`
                    : undefined
            );
            add(
                'Concerns',
                model
                    .targets(element, 'concerns')
                    .map(c => `\`${c.name}\``)
                    .join(', ')
            );
            for (const citation of element.citations ?? []) {
                facts.push(citation.side === 'follows' ? `**Follows** \`${citation.tenet}\`` : `**Sets aside** \`${citation.tenet}\`: ${citation.reason ?? '(no reason given)'}`);
            }
            const values = valuesAppliedBy(model, element);
            add('Values applied', values.map(v => `\`${v.name}\``).join(', '));
            add(
                'Escalated to',
                model.target(element, 'escalatedTo')
                    ? `\`${model.target(element, 'escalatedTo')!.name}\`${escalatedUnnecessarily(model, element) ? ' — although the owner may decide it and no trigger applied' : ''}`
                    : undefined
            );
            break;
        }
        case 'okr':
        case 'initiative':
            for (const need of element.needs ?? []) {
                const team = model.get('team', need.team);
                const support = team ? needSupport(model, element, team).by : [];
                facts.push(
                    `**Needs** \`${need.team}\`${need.what ? `: ${need.what}` : ''} — ${support.length ? `planned in ${support.map(s => `\`${s.name}\``).join(', ')}` : 'not planned by that team'}`
                );
            }
            break;
    }
    return facts;
}
