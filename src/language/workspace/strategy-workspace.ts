/**
 * The workspace-wide view of the strategy: the model of every document, the issues of every
 * rule, and the settings they depend on. Computed lazily once per build and shared by the
 * validator, hovers, the diagram and the CLI.
 */
import { DocumentState, type LangiumDocument, type LangiumSharedCoreServices, type CommentProvider } from 'langium';
import { documentModel } from '../model/extract.js';
import { WorkspaceModel } from '../model/workspace-model.js';
import { todayIso } from '../model/dates.js';
import type { Issue, RuleContext } from '../validation/issue.js';
import { parseYearStart } from '../model/periods.js';
import { DEFAULT_TENET_UNUSED_AFTER_DAYS, DEFAULT_VALUE_DRIFT_AFTER_DAYS } from '../model/autonomy.js';
import { checkDocument, checkWorkspace } from '../validation/rules/index.js';
import { DEFAULT_CONFIG, DEFAULT_STALLED_AFTER_DAYS, LOOP_SETTINGS, type EosConfig } from './eos-config.js';

export class StrategyWorkspace {
    /** The workspace's `eos.config.json` (or defaults). */
    config: EosConfig = DEFAULT_CONFIG;
    /** Overrides from editor settings; `eos.config.json` wins where both name a code. */
    editorDiagnostics: EosConfig['diagnostics'] = {};
    /** Editor setting for stalledAfterDays, used when the config file does not set it. */
    editorStalledAfterDays: number | undefined;
    /** Fixed "today" (CLI `--today`, tests); the real date otherwise. */
    today: string | undefined;

    private cachedModel: WorkspaceModel | undefined;
    /** The last model built, whose name index the next one updates. */
    private previousModel: WorkspaceModel | undefined;
    private cachedIssues: Map<string, Issue[]> | undefined;
    /** Per-document issues computed before (or instead of) the whole workspace's. */
    private readonly documentIssues = new Map<string, Issue[]>();
    private comments: CommentProvider | undefined;

    constructor(private readonly shared: LangiumSharedCoreServices) {
        const builder = shared.workspace.DocumentBuilder;
        builder.onUpdate(() => this.invalidate());
        builder.onBuildPhase(DocumentState.IndexedContent, () => this.invalidate());
    }

    setCommentProvider(comments: CommentProvider): void {
        this.comments = comments;
    }

    invalidate(): void {
        this.cachedModel = undefined;
        this.cachedIssues = undefined;
        this.documentIssues.clear();
    }

    get model(): WorkspaceModel {
        if (!this.cachedModel) {
            const docs = this.shared.workspace.LangiumDocuments.all
                .filter(doc => doc.state >= DocumentState.Parsed)
                .map(doc => documentModel(doc, this.comments))
                .toArray();
            this.cachedModel = new WorkspaceModel(docs, this.previousModel);
            this.previousModel = this.cachedModel;
        }
        return this.cachedModel;
    }

    get stalledAfterDays(): number {
        return this.config.stalledAfterDays ?? this.editorStalledAfterDays ?? DEFAULT_STALLED_AFTER_DAYS;
    }

    get issues(): Map<string, Issue[]> {
        if (!this.cachedIssues) {
            this.cachedIssues = checkWorkspace(this.model, this.ruleOptions());
        }
        return this.cachedIssues;
    }

    /**
     * One document's issues. Checks only that document's elements unless the whole workspace was
     * checked already, so an edit's own diagnostics do not wait for every other file's rules.
     */
    issuesFor(document: LangiumDocument | string): Issue[] {
        const uri = typeof document === 'string' ? document : document.uri.toString();
        if (this.cachedIssues) return this.cachedIssues.get(uri) ?? [];
        let issues = this.documentIssues.get(uri);
        if (!issues) {
            issues = checkDocument(this.model, uri, this.ruleOptions());
            this.documentIssues.set(uri, issues);
        }
        return issues;
    }

    /** The date and thresholds every rule, hover and view measures against. */
    ruleOptions(): Omit<RuleContext, 'model'> {
        const config = this.config;
        const yearStart = config.financialYearStarts ? parseYearStart(config.financialYearStarts) : undefined;
        return {
            today: this.today ?? todayIso(),
            stalledAfterDays: this.stalledAfterDays,
            checkInEveryDays: config.checkInEveryDays ?? LOOP_SETTINGS.checkInEveryDays.default,
            reviewAfterDays: config.reviewAfterDays ?? LOOP_SETTINGS.reviewAfterDays.default,
            offTrackMargin: config.offTrackMargin ?? LOOP_SETTINGS.offTrackMargin.default,
            ...(yearStart ? { yearStart } : {}),
            tenetUnusedAfterDays: config.tenetUnusedAfterDays ?? DEFAULT_TENET_UNUSED_AFTER_DAYS,
            valueDriftAfterDays: config.valueDriftAfterDays ?? DEFAULT_VALUE_DRIFT_AFTER_DAYS
        };
    }

    setConfig(config: EosConfig): void {
        this.config = config;
        this.invalidate();
    }
}
