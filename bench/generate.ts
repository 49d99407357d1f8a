/**
 * A seeded generator of synthetic but realistic EOS workspaces for the benchmark: one central
 * strategy file (vision, themes, bets, streams, values, tenets, divisions) that every team file
 * references, and team files with their crews, initiatives, OKRs with key results and practices,
 * cascading OKRs to a neighbouring team. Same seed, same text.
 */

export interface WorkspaceSpec {
    /** Elements to generate, counting every key result as one (as the strategy model does). */
    elements: number;
    /** 1 puts everything in one file; otherwise one strategy file plus team files. */
    files: number;
    /** Breaks roughly one element in five (unclosed blocks, stray tokens, unterminated strings). */
    syntaxErrors?: boolean;
    seed?: number;
}

export interface GeneratedWorkspace {
    /** Relative path → text. */
    files: Map<string, string>;
    elements: number;
    /** The file every other file references. */
    strategyFile: string;
    /** A team file with about 200 elements (100-file variants only). */
    teamFile?: string;
    /** A bet in the strategy file that team files reference. */
    referencedBet: string;
}

/** mulberry32: tiny, fast, and the same sequence on every machine. */
function random(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const VERBS = ['Reduce', 'Increase', 'Simplify', 'Automate', 'Improve', 'Launch', 'Retire', 'Unify', 'Accelerate', 'Protect'];
const OBJECTS = [
    'onboarding friction',
    'time to first value',
    'payment failures',
    'support backlog',
    'release lead time',
    'fraud losses',
    'checkout drop-off',
    'partner integrations',
    'data quality',
    'churn in the first 90 days',
    'incident recovery time',
    'cloud spend',
    'mobile crash rate',
    'KYC turnaround',
    'search relevance'
];
const WHO = ['new customers', 'small businesses', 'partners', 'support agents', 'engineers', 'finance teams', 'students'];
const STATUSES = ['funnel', 'reviewing', 'analyzing', 'ready', 'doing', 'doing', 'done', 'stopped'];
const BET_STATUSES = ['proposed', 'active', 'active', 'validated'];

export function generateWorkspace(spec: WorkspaceSpec): GeneratedWorkspace {
    const rnd = random(spec.seed ?? 42);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
    const phrase = () => `${pick(VERBS)} ${pick(OBJECTS)} for ${pick(WHO)}`;

    // The strategy is what a leadership team can hold in mind: it grows slowly with the
    // organisation (2% of all elements, 40 to 400); the bulk is the teams' files.
    const strategyBudget = Math.min(400, Math.max(40, Math.round(spec.elements * 0.02)));
    const divisions = Math.max(2, Math.round(strategyBudget / 20));
    const themes = Math.max(2, Math.round(strategyBudget / 12));
    const streams = Math.max(2, Math.round(strategyBudget / 10));
    const values = Math.max(2, Math.round(strategyBudget / 20));
    const tenets = Math.max(1, Math.round(strategyBudget / 30));
    const bets = Math.max(2, strategyBudget - 1 - divisions - themes - streams - values - tenets);

    const themeNames = Array.from({ length: themes }, (_, i) => `Theme${i}`);
    const betNames = Array.from({ length: bets }, (_, i) => `Bet${i}`);
    const streamNames = Array.from({ length: streams }, (_, i) => `Stream${i}`);
    const valueNames = Array.from({ length: values }, (_, i) => `Value${i}`);
    const divisionNames = Array.from({ length: divisions }, (_, i) => `Division${i}`);

    const strategy: string[] = ['/** Where the organisation wants to be in five years. */', 'vision North "Be the bank people recommend to friends"', ''];
    for (const name of divisionNames) strategy.push(`team ${name} "${pick(OBJECTS)} division" { level division }`);
    strategy.push('');
    for (const name of themeNames) {
        strategy.push(`/** ${phrase()}. */`, `theme ${name} "${phrase()}" {`, '  vision North', `  horizon 2026..2028`, `  owner ${pick(divisionNames)}`, '}', '');
    }
    for (const name of streamNames) {
        strategy.push(
            rnd() < 0.3 ? `stream ${name} "${pick(OBJECTS)}" { wip 6 owner ${pick(divisionNames)} }` : `stream ${name} "${pick(OBJECTS)}" { owner ${pick(divisionNames)} }`
        );
    }
    strategy.push('');
    const betStreams = new Map<string, string[]>();
    for (const name of betNames) {
        const own = [pick(streamNames), pick(streamNames)];
        betStreams.set(name, own);
        strategy.push(
            `/** Why: ${phrase()}. */`,
            `bet ${name} "${phrase()}" {`,
            `  serves ${pick(themeNames)}`,
            `  hypothesis "If we ${phrase().toLowerCase()}, retention will rise"`,
            `  streams ${own.join(', ')}`,
            `  status ${pick(BET_STATUSES)}`,
            `  owner ${pick(divisionNames)}`,
            `  evidence 2026-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)} supports "Pilot cohort moved in the right direction"`,
            '}',
            ''
        );
    }
    for (let i = 0; i < values; i++) {
        strategy.push(i === 0 ? `value ${valueNames[i]} "Customer trust over growth metrics"` : `value ${valueNames[i]} "${pick(OBJECTS)} matters" { extends ${valueNames[0]} }`);
    }
    strategy.push('');
    for (let i = 0; i < tenets; i++) {
        strategy.push(
            `tenet Tenet${i} {`,
            '  when "speed and reliability conflict"',
            '  choose "reliability" over "speed"',
            '  because "customers depend on our critical paths"',
            `  upholds ${pick(valueNames)}`,
            '}',
            ''
        );
    }

    const files = new Map<string, string>();
    const teamBlocks: string[][] = [];
    const teamFiles = Math.max(1, spec.files - 1);
    let remaining = spec.elements - strategyBudget;
    let teamFile: string | undefined;
    for (let f = 0; f < teamFiles && remaining > 0; f++) {
        // In multi-file workspaces the first team file is the 200-element one the edits target.
        const budget = spec.files > 1 && f === 0 ? Math.min(200, remaining) : Math.ceil(remaining / (teamFiles - f));
        const crew = `Crew${f}`;
        const lines: string[] = [`team ${crew} "${pick(OBJECTS)} crew" { level crew parent ${pick(divisionNames)} }`, ''];
        let used = 1;
        let unit = 0;
        while (used < budget) {
            const room = budget - used;
            const choice = room >= 4 ? unit % 3 : unit % 2 === 0 ? 0 : 2;
            unit++;
            if (choice === 0) {
                const status = pick(STATUSES);
                const bet = pick(betNames);
                lines.push(
                    `initiative ${crew}Work${unit} "${phrase()}" {`,
                    `  bet ${bet}`,
                    `  stream ${pick(betStreams.get(bet)!)}`,
                    `  owner ${crew}`,
                    `  status ${status}`,
                    `  hypothesis "${phrase()} will move our key results"`,
                    `  success "${pick(OBJECTS)} improves by ${5 + Math.floor(rnd() * 30)}%"`,
                    `  failure "No change after six weeks"`,
                    `  updated 2026-02-${String(1 + Math.floor(rnd() * 27)).padStart(2, '0')}`,
                    '}',
                    ''
                );
                used += 1;
            } else if (choice === 1) {
                // Cascade to the previous team's first OKR now and then: cross-file links between team files.
                const supports = f > 0 && rnd() < 0.3 ? `Crew${f - 1}Goal2.Kr1` : pick(betNames);
                lines.push(
                    `okr ${crew}Goal${unit} "${phrase()}" {`,
                    `  owner ${crew}`,
                    '  period 2026-Q2',
                    `  supports ${supports}`,
                    `  kr Kr1 "${pick(OBJECTS)}" from ${10 + Math.floor(rnd() * 40)}% to ${60 + Math.floor(rnd() * 30)}% current ${20 + Math.floor(rnd() * 30)}%`,
                    `  kr Kr2 "${pick(OBJECTS)} in days" from 12 days to 5 days`,
                    `  kr Kr3 "${pick(OBJECTS)} score" from 3.1 to 4.2`,
                    '}',
                    ''
                );
                used += 4;
            } else {
                lines.push(`practice ${crew}Habit${unit} "${pick(OBJECTS)} reviews every week" { embodies ${pick(valueNames)} owner ${crew} }`, '');
                used += 1;
            }
        }
        remaining -= used;
        teamBlocks.push(lines);
        if (spec.files > 1 && f === 0) teamFile = `teams/crew-${f}.eos`;
    }
    const elements = spec.elements - remaining;

    const mutate = (text: string) => (spec.syntaxErrors ? breakSyntax(text, rnd) : text);
    if (spec.files <= 1) {
        files.set('strategy.eos', mutate([...strategy, ...teamBlocks.flat()].join('\n')));
    } else {
        files.set('strategy.eos', mutate(strategy.join('\n')));
        teamBlocks.forEach((lines, f) => files.set(`teams/crew-${f}.eos`, mutate(lines.join('\n'))));
    }
    return { files, elements, strategyFile: 'strategy.eos', ...(teamFile ? { teamFile } : {}), referencedBet: betNames[0] };
}

/** Damages about one element in five the ways people do while typing. */
function breakSyntax(text: string, rnd: () => number): string {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        if (!/^(initiative|okr|bet|theme|practice) /.test(lines[i]) || rnd() > 0.2) continue;
        switch (Math.floor(rnd() * 4)) {
            case 0:
                lines[i] = lines[i].replace(' {', '');
                break; // block never opened
            case 1:
                lines[i] = lines[i].replace(/"([^"]*)"/, '"$1');
                break; // unterminated string
            case 2:
                lines[i] = lines[i].replace(/^(\w+) /, '$1 123 ');
                break; // a number where a name goes
            default:
                lines[i] += ' } }';
                break; // stray braces
        }
    }
    return lines.join('\n');
}

/** Sum of the characters of every file. */
export function totalChars(workspace: GeneratedWorkspace): number {
    let n = 0;
    for (const text of workspace.files.values()) n += text.length;
    return n;
}
