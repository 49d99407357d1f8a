/**
 * The strategy `eos mcp` serves: the root's files built with the language services the editor
 * runs, re-read before every answer so the assistant always sees the files as they are now
 * (only changed files are parsed again). Proposals are applied to the same services as edits,
 * captured, and reverted: the live state is never disturbed, and nothing is written.
 */
import { TextDocument, URI, type LangiumDocument } from 'langium';
import { StateBuilder } from '../diff/load-states.js';
import { diffStates, type StrategyState } from '../diff/model-diff.js';
import type { StrategyDiff } from '../diff/types.js';
import { ConfigError, DEFAULT_CONFIG, parseConfig, type EosConfig } from '../language/workspace/eos-config.js';
import { RootFiles, ToolError } from './root-files.js';

export interface Proposal {
    relative: string;
    absolute: string;
    /** The file's text after the change (formatted, when the formatter could). */
    text: string;
    formatted: boolean;
    diff: StrategyDiff;
    errorsIntroduced: number;
}

export class StrategySession {
    readonly files: RootFiles;
    private builder: StateBuilder | undefined;
    private configText: string | undefined = '\u0000unread';
    config: EosConfig = DEFAULT_CONFIG;
    /** The config file's problem, reported instead of silently using defaults. */
    configProblem: string | undefined;
    private texts = new Map<string, string>();
    private current: StrategyState | undefined;
    private queue: Promise<unknown> = Promise.resolve();

    constructor(
        root: string,
        private readonly today?: string
    ) {
        this.files = new RootFiles(root);
    }

    /** Runs one request at a time: proposals edit the shared services and revert them. */
    serialised<T>(task: () => Promise<T>): Promise<T> {
        const run = this.queue.then(task, task);
        this.queue = run.catch(() => undefined);
        return run;
    }

    /** The current state, after re-reading the files. */
    async refresh(): Promise<StrategyState> {
        const configText = this.files.readConfig();
        if (configText !== this.configText || !this.builder) {
            this.configText = configText;
            this.configProblem = undefined;
            try {
                this.config = configText === undefined ? DEFAULT_CONFIG : parseConfig(configText);
            } catch (error) {
                if (!(error instanceof ConfigError)) throw error;
                this.config = DEFAULT_CONFIG;
                this.configProblem = `${error.message} (the defaults apply until it is fixed)`;
            }
            this.builder = new StateBuilder({ root: this.files.root, config: this.config, ...(this.today ? { today: this.today } : {}) });
        }
        this.texts = this.files.readAll();
        this.current = await this.builder.load({ label: 'workspace', files: this.texts });
        return this.current;
    }

    get services() {
        if (!this.builder) throw new Error('StrategySession: refresh() first');
        return this.builder.services;
    }

    get allowWrites(): boolean {
        return this.config.mcp?.allowWrites === true;
    }

    documentOf(relative: string): LangiumDocument | undefined {
        return this.services.shared.workspace.LangiumDocuments.getDocument(URI.file(`${this.files.root}/${relative}`));
    }

    /** The file's text now, or undefined if it does not exist. */
    textOf(relative: string): string | undefined {
        return this.texts.get(relative);
    }

    /** What the change would do, without writing anything: the state after it, diffed against now. */
    async propose(file: unknown, newText: string): Promise<Proposal> {
        const before = this.current ?? (await this.refresh());
        const { absolute, relative } = this.files.resolve(file);
        const proposed = new Map(this.texts);
        proposed.set(relative, newText);
        const builder = this.builder!;
        try {
            let after = await builder.load({ label: 'proposed', files: proposed });
            let text = newText;
            let formatted = false;
            const document = this.documentOf(relative);
            const formatter = this.services.lsp.Formatter;
            if (document && formatter) {
                const edits = await formatter.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 2, insertSpaces: true } });
                if (edits.length) {
                    text = TextDocument.applyEdits(TextDocument.create(document.uri.toString(), 'eos', 0, newText), edits);
                    proposed.set(relative, text);
                    after = await builder.load({ label: 'proposed', files: proposed });
                }
                formatted = true;
            }
            const diff = diffStates({ ...before, label: 'now' }, after);
            return { relative, absolute, text, formatted, diff, errorsIntroduced: diff.counts.introducedBySeverity.error };
        } finally {
            this.current = await builder.load({ label: 'workspace', files: this.texts });
        }
    }

    /** Writes a proposal that introduces no error, if the config allows writing. */
    async apply(file: unknown, newText: string): Promise<Proposal> {
        if (!this.allowWrites) {
            throw new ToolError(
                'Writing is off for this workspace: nothing was written. A person can allow it with "mcp": { "allowWrites": true } in eos.config.json at the workspace root; until then use propose_change and let them apply the change.'
            );
        }
        const proposal = await this.propose(file, newText);
        if (proposal.errorsIntroduced) {
            const errors = proposal.diff.findings.introduced.filter(f => f.severity === 'error').map(f => `${f.file}:${f.line} ${f.code}: ${f.message}`);
            throw new ToolError(`Not written: the change introduces ${proposal.errorsIntroduced} error${proposal.errorsIntroduced === 1 ? '' : 's'}:\n${errors.join('\n')}`);
        }
        this.files.write(proposal.absolute, proposal.text);
        await this.refresh();
        return proposal;
    }
}

/** Applies `{ oldText, newText }` replacements, each of which must match exactly once. */
export function applyEdits(text: string, edits: ReadonlyArray<{ oldText: string; newText: string }>): string {
    let result = text;
    edits.forEach((edit, i) => {
        if (!edit.oldText) throw new ToolError(`edit ${i + 1}: oldText is empty; give the exact text to replace (or use text for the whole file)`);
        const at = result.indexOf(edit.oldText);
        if (at < 0) throw new ToolError(`edit ${i + 1}: oldText was not found in the file (it must match exactly, spaces and line breaks included)`);
        if (result.indexOf(edit.oldText, at + 1) >= 0) throw new ToolError(`edit ${i + 1}: oldText occurs more than once; include more of the surrounding text so it is unique`);
        result = result.slice(0, at) + edit.newText + result.slice(at + edit.oldText.length);
    });
    return result;
}
