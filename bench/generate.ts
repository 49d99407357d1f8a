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
    /**
     * Check-ins to spread over the key results (issue 14): weekly readings up to `today`, in the
     * quarter that contains it, half under the `kr` lines of their OKRs and half in separate team
     * check-in files (`teams/crew-N-checkins.eos`, naming `Okr.Kr`). The OKRs' period becomes
     * that quarter, so the forecast rules have running periods to measure.
     */
    checkIns?: number;
    /** The day the check-ins lead up to (YYYY-MM-DD); default 2026-03-01, the benchmark's today. */
    today?: string;
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
    /** Check-ins written (0 without `checkIns`). */
    checkIns: number;
    /** A separate check-in file of one team (with `checkIns` and more than one file). */
    checkInFile?: string;
}

/** A key result as generated, for its check-ins. */
interface GeneratedKr {
    file: number;
    /** Index of its `kr` line in the file's lines. */
    line: number;
    okr: string;
    name: string;
    from: number;
    to: number;
    format: (value: number) => string;
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
    const keyResults: GeneratedKr[] = [];
    const period = spec.checkIns ? quarterOf(spec.today ?? DEFAULT_TODAY) : '2026-Q2';
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
                const okr = `${crew}Goal${unit}`;
                const from = 10 + Math.floor(rnd() * 40),
                    to = 60 + Math.floor(rnd() * 30);
                lines.push(
                    // Titles in the crew's own words: a copy of the supported objective would be cascaded-okr.
                    `okr ${okr} "${phrase()} in ${crew} ${unit}" {`,
                    `  owner ${crew}`,
                    `  period ${period}`,
                    `  supports ${supports}`,
                    `  kr Kr1 "${pick(OBJECTS)} in ${crew}" from ${from}% to ${to}% current ${20 + Math.floor(rnd() * 30)}%`,
                    `  kr Kr2 "${pick(OBJECTS)} in days in ${crew}" from 12 days to 5 days`,
                    `  kr Kr3 "${pick(OBJECTS)} score in ${crew}" from 3.1 to 4.2`,
                    '}',
                    ''
                );
                if (spec.checkIns) {
                    const at = lines.length - 5;
                    keyResults.push(
                        { file: f, line: at, okr, name: 'Kr1', from, to, format: v => `${Math.round(v)}%` },
                        { file: f, line: at + 1, okr, name: 'Kr2', from: 12, to: 5, format: v => `${Math.max(1, Math.round(v))} days` },
                        { file: f, line: at + 2, okr, name: 'Kr3', from: 3.1, to: 4.2, format: v => v.toFixed(1) }
                    );
                }
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
    const separate = spec.checkIns ? addCheckIns(keyResults, teamBlocks, spec.checkIns, spec.today ?? DEFAULT_TODAY, spec.files > 1, spec.seed ?? 42) : new Map<number, string[]>();

    const mutate = (text: string) => (spec.syntaxErrors ? breakSyntax(text, rnd) : text);
    if (spec.files <= 1) {
        files.set('strategy.eos', mutate([...strategy, ...teamBlocks.flat(), ...[...separate.values()].flat()].join('\n')));
    } else {
        files.set('strategy.eos', mutate(strategy.join('\n')));
        teamBlocks.forEach((lines, f) => files.set(`teams/crew-${f}.eos`, mutate(lines.join('\n'))));
        for (const [f, lines] of separate) files.set(`teams/crew-${f}-checkins.eos`, mutate(lines.join('\n')));
    }
    const checkInFile = spec.files > 1 && separate.size ? `teams/crew-${[...separate.keys()][0]}-checkins.eos` : undefined;
    return {
        files,
        elements,
        strategyFile: 'strategy.eos',
        ...(teamFile ? { teamFile } : {}),
        referencedBet: betNames[0],
        checkIns: keyResults.length ? (spec.checkIns ?? 0) : 0,
        ...(checkInFile ? { checkInFile } : {})
    };
}

const DEFAULT_TODAY = '2026-03-01';
const DAY = 86_400_000;

function quarterOf(today: string): string {
    const month = Number(today.slice(5, 7));
    return `${today.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

const NOTES = ['Pilot cohort moved', 'Two people out this week', 'New dashboard shows the real figure', 'Blocked on the data feed', 'Better than expected'];

/**
 * Spreads `total` check-ins over the key results: one to eight weekly readings each (about four
 * on average), the latest one to ten days before `today` (one key result in twenty has stopped
 * checking in three weeks ago), moving from the baseline towards the target at a pace between
 * 100% and 140% of what the elapsed part of the quarter asks (one in four: 30% to 90%), with some noise. Teams with an odd
 * number (and, in one file, every team) write theirs in a check-in file of their own, grouped by
 * week; the others under each `kr` line. Returns the separate files' lines by team.
 */
function addCheckIns(krs: readonly GeneratedKr[], blocks: string[][], total: number, today: string, manyFiles: boolean, seed: number): Map<number, string[]> {
    const rnd = random(seed ^ 0x5eed);
    const todayMs = Date.parse(`${today}T00:00:00Z`);
    const quarter = quarterOf(today);
    const startMonth = (Number(quarter.slice(-1)) - 1) * 3;
    const startMs = Date.UTC(Number(today.slice(0, 4)), startMonth, 1);
    const endMs = Date.UTC(Number(today.slice(0, 4)), startMonth + 3, 1) - DAY;
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    // Counts: `total` spread evenly, the remainder one each to the first key results.
    const counts = krs.map((_, i) => Math.floor(total / krs.length) + (i < total % krs.length ? 1 : 0));
    // Vary around the mean while keeping the sum: move readings between neighbours.
    for (let i = 0; i + 1 < counts.length; i += 2) {
        const shift = Math.floor(rnd() * Math.max(0, Math.min(counts[i], 8 - counts[i + 1])));
        counts[i] -= shift;
        counts[i + 1] += shift;
    }
    const nested = new Map<GeneratedKr, string[]>();
    const weekly = new Map<number, Map<number, string[]>>(); // team → week → lines
    krs.forEach((kr, k) => {
        const count = counts[k];
        if (!count) return;
        const lastMs = todayMs - (rnd() < 0.05 ? 21 : 1 + Math.floor(rnd() * 10)) * DAY;
        const pace = rnd() < 0.25 ? 0.3 + rnd() * 0.6 : 1 + rnd() * 0.4; // one in four behind
        const separateFile = !manyFiles || kr.file % 2 === 1;
        const lines: string[] = [];
        for (let i = 0; i < count; i++) {
            const weeksBack = count - 1 - i;
            const ms = Math.max(startMs, lastMs - weeksBack * 7 * DAY);
            const elapsed = (ms - startMs) / (endMs - startMs);
            const progress = Math.max(0, elapsed * pace + (rnd() - 0.5) * 0.1);
            const value = kr.format(kr.from + (kr.to - kr.from) * progress);
            const confidence = rnd() < 0.5 ? ` confidence ${pace > 1 ? 'high' : pace > 0.6 ? 'medium' : 'low'}` : '';
            const note = rnd() < 0.3 ? ` "${NOTES[Math.floor(rnd() * NOTES.length)]}"` : '';
            if (separateFile) {
                const week = Math.floor((ms - startMs) / (7 * DAY));
                let team = weekly.get(kr.file);
                if (!team) weekly.set(kr.file, (team = new Map()));
                const list = team.get(week) ?? [];
                list.push(`checkin ${kr.okr}.${kr.name} ${iso(ms)} ${value}${confidence}${note}`);
                team.set(week, list);
            } else lines.push(`    checkin ${iso(ms)} ${value}${confidence}${note}`);
        }
        if (lines.length) nested.set(kr, lines);
    });
    // Nested check-ins go under their kr lines; from the last line up, so indexes stay valid.
    const byFile = [...nested].sort((a, b) => b[0].file - a[0].file || b[0].line - a[0].line);
    for (const [kr, lines] of byFile) blocks[kr.file].splice(kr.line + 1, 0, ...lines);
    const separate = new Map<number, string[]>();
    for (const [team, weeks] of [...weekly].sort((a, b) => a[0] - b[0])) {
        const lines = [`// Crew${team}'s weekly check-ins for ${quarter}.`, ''];
        for (const [week, list] of [...weeks].sort((a, b) => a[0] - b[0])) lines.push(`// Week ${week + 1}`, ...list, '');
        separate.set(team, lines);
    }
    return separate;
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
