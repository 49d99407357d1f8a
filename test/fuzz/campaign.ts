/**
 * A fuzz campaign: seeded fast-check runs of the three targets (language services, raw bytes
 * through the services, the CLI), in chunks so one failure does not stop the run; each failure
 * is shrunk by fast-check to a small input and returned for the regression folder.
 *
 * Used by the short run inside `npm test` and by `npm run fuzz` (the long run).
 */
import fc from 'fast-check';
import { checkCliRun, type CliFile } from './cli-probe.js';
import { exampleWorkspaces } from './corpus.js';
import { applyMutations, bytesArbitrary, mutationsArbitrary, type Mutation } from './mutations.js';
import { DEFAULT_BOUNDS, ServiceProbe, type ProbeOptions, type Problem } from './service-probe.js';

export type Target = 'services' | 'bytes' | 'cli';

export interface Failure {
    target: Target;
    seed: number;
    /** The shrunk input: the workspace, the file and its text. */
    workspace: string;
    file: string;
    text: string;
    /** Raw bytes (base64) when the input was bytes written to disk. */
    bytesBase64?: string;
    problems: Problem[];
}

export interface TargetReport {
    target: Target;
    inputs: number;
    failures: Failure[];
    millis: number;
}

export interface CampaignOptions {
    seed: number;
    /** Inputs per target. */
    counts: Record<Target, number>;
    chunk?: number;
    bounds?: ProbeOptions;
    log?: (line: string) => void;
    /** Called with each input before it runs (the long run records it to name the input of a hang). */
    beforeInput?: (input: { target: Target; workspace: string; file: string; text: string }) => void;
}

export interface CampaignReport {
    seed: number;
    examples: string[];
    targets: TargetReport[];
    requestCounts: Record<string, number>;
    /** Requests answered with an intended LSP error response (shown to the user as a message). */
    errorResponses: Record<string, number>;
}

interface ServiceInput {
    workspace: number;
    file: number;
    mutations: Mutation[];
    offsets: number[];
}

export async function runCampaign(options: CampaignOptions): Promise<CampaignReport> {
    const workspaces = exampleWorkspaces();
    if (workspaces.length === 0) throw new Error('no example workspaces under examples/');
    const probes = await Promise.all(workspaces.map(ws => ServiceProbe.open(ws.files)));
    const bounds = options.bounds ?? DEFAULT_BOUNDS;
    const log = options.log ?? (() => undefined);
    const targets: TargetReport[] = [];

    const pick = (input: { workspace: number; file: number }) => {
        const probe = probes[input.workspace % probes.length];
        const file = probe.files[input.file % probe.files.length];
        return { probe, file, name: workspaces[input.workspace % probes.length].name };
    };

    // 1. Mutated examples through the language services, requests at random positions.
    const serviceInput = fc.record({
        workspace: fc.nat(),
        file: fc.nat(),
        mutations: mutationsArbitrary(),
        offsets: fc.array(fc.nat(), { minLength: 1, maxLength: 3 })
    });
    targets.push(
        await runTarget(
            'services',
            options,
            serviceInput,
            async (input: ServiceInput) => {
                const { probe, file, name } = pick(input);
                const text = applyMutations(probe.originals.get(file)!, input.mutations);
                options.beforeInput?.({ target: 'services', workspace: name, file, text });
                return { problems: await probe.probe(file, text, input.offsets, bounds), workspace: name, file, text };
            },
            log
        )
    );

    // 2. Raw bytes, decoded as the editor would, in place of one example file.
    const bytesInput = fc.record({ workspace: fc.nat(), file: fc.nat(), bytes: bytesArbitrary, offsets: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }) });
    targets.push(
        await runTarget(
            'bytes',
            options,
            bytesInput,
            async input => {
                const { probe, file, name } = pick(input);
                const text = Buffer.from(input.bytes).toString('utf8');
                options.beforeInput?.({ target: 'bytes', workspace: name, file, text });
                return { problems: await probe.probe(file, text, input.offsets, bounds), workspace: name, file, text };
            },
            log
        )
    );

    // 3. The CLI (`check --format json`) on a folder holding the mutated workspace (or raw bytes).
    const cliInput = fc.record({
        workspace: fc.nat(),
        file: fc.nat(),
        change: fc.oneof(
            { weight: 4, arbitrary: mutationsArbitrary({ large: false }).map(m => ({ mutations: m })) },
            { weight: 1, arbitrary: bytesArbitrary.map(b => ({ bytes: b })) }
        )
    });
    targets.push(
        await runTarget(
            'cli',
            options,
            cliInput,
            async input => {
                const { probe, file, name } = pick(input);
                const files: CliFile[] = [...probe.originals].map(([path, text]) => ({ path, content: text }));
                const changed = files.find(f => f.path === file)!;
                if ('bytes' in input.change) changed.content = Buffer.from(input.change.bytes);
                else changed.content = applyMutations(probe.originals.get(file)!, input.change.mutations);
                const text = typeof changed.content === 'string' ? changed.content : changed.content.toString('utf8');
                options.beforeInput?.({ target: 'cli', workspace: name, file, text });
                return {
                    problems: await checkCliRun(files),
                    workspace: name,
                    file,
                    text,
                    ...(typeof changed.content === 'string' ? {} : { bytesBase64: changed.content.toString('base64') })
                };
            },
            log
        )
    );

    const requestCounts: Record<string, number> = {};
    const errorResponses: Record<string, number> = {};
    for (const probe of probes) for (const [name, count] of probe.requestCounts) requestCounts[name] = (requestCounts[name] ?? 0) + count;
    for (const probe of probes) for (const [name, count] of probe.errorResponses) errorResponses[name] = (errorResponses[name] ?? 0) + count;
    return { seed: options.seed, examples: workspaces.map(w => w.name), targets, requestCounts, errorResponses };
}

type Outcome = { problems: Problem[]; workspace: string; file: string; text: string; bytesBase64?: string };

async function runTarget<T>(
    target: Target,
    options: CampaignOptions,
    input: fc.Arbitrary<T>,
    check: (input: T) => Promise<Outcome>,
    log: (line: string) => void
): Promise<TargetReport> {
    const total = options.counts[target];
    const chunk = options.chunk ?? 500;
    const started = performance.now();
    const failures: Failure[] = [];
    let inputs = 0;
    for (let index = 0; inputs < total; index++) {
        const seed = options.seed + index * 7919 + target.length;
        const numRuns = Math.min(chunk, total - inputs);
        const result = await fc.check(
            fc.asyncProperty(input, async value => (await check(value)).problems.length === 0),
            { seed, numRuns }
        );
        // `numRuns` counts the inputs tried before the failure; shrinking re-runs are not new inputs.
        inputs += result.failed ? result.numRuns : numRuns;
        if (result.failed && result.counterexample) {
            // Re-run the shrunk counterexample to capture its outcome.
            const outcome = await check(result.counterexample[0]);
            failures.push({ target, seed, ...outcome });
            log(`${target}: failure (seed ${seed}) in ${outcome.workspace}/${outcome.file}: ${outcome.problems.map(p => `${p.request}: ${p.detail.split('\n')[0]}`).join('; ')}`);
        } else if (result.failed) {
            failures.push({
                target,
                seed,
                workspace: '?',
                file: '?',
                text: '',
                problems: [{ request: 'property', detail: String(result.errorInstance ?? 'failed without counterexample') }]
            });
        }
        log(`${target}: ${inputs}/${total} inputs, ${failures.length} failures, ${Math.round((performance.now() - started) / 1000)} s`);
    }
    return { target, inputs, failures, millis: Math.round(performance.now() - started) };
}
