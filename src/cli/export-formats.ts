/** The non-JSON export formats: the tree picture and the one-page Markdown report. */
import type { StrategyWorkspace } from '../language/workspace/strategy-workspace.js';
import type { CheckReport } from './check.js';
import { UsageError } from './workspace.js';

export async function exportDiagram(_strategy: StrategyWorkspace): Promise<string> {
    throw new UsageError('svg export is not available in this build');
}

export function exportMarkdown(_strategy: StrategyWorkspace, _report: CheckReport, _fileOf: (uri: string) => string): string {
    throw new UsageError('markdown export is not available in this build');
}
