/**
 * A preview that asks for a newer picture cancels the request for the older one: the server stops
 * between graph, layout and SVG, answers with LSP's RequestCancelled error, and logs no failure.
 */
import { isOperationCancelled } from 'langium';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CancellationTokenSource, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { diagramData, diagramSourceOf, renderDiagram } from '../../src/diagram/render-diagram.js';
import { diagramFor } from '../../src/server/diagram-handler.js';
import { buildWorkspace } from '../helpers.js';
import { readExample } from '../diagram/diagram-fixtures.js';

afterEach(() => {
    vi.restoreAllMocks();
});

/** A token that turns cancelled at its `cancelAt`-th check, counting the checks made. */
function cancelledAtCheck(cancelAt: number): CancellationToken & { checks: number } {
    const token = {
        checks: 0,
        get isCancellationRequested() {
            return ++token.checks >= cancelAt;
        },
        onCancellationRequested: () => ({ dispose: () => undefined })
    };
    return token;
}

describe('cancelling eos/diagram', () => {
    it('answers a cancelled request with RequestCancelled and logs nothing as a failure', async () => {
        const ws = await buildWorkspace(readExample('examples/language-md'));
        const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const source = new CancellationTokenSource();
        source.cancel();
        const answer = diagramFor(ws.services, { uri: '' }, source.token);
        await expect(answer).rejects.toBeInstanceOf(ResponseError);
        await expect(answer).rejects.toMatchObject({ code: LSPErrorCodes.RequestCancelled });
        expect(errors).not.toHaveBeenCalled();
        // The same request, not cancelled, draws the picture.
        const drawn = await diagramFor(ws.services, { uri: '' }, new CancellationTokenSource().token);
        expect(drawn.svg).toMatch(/^<svg /);
        expect(drawn.totalNodes).toBe(7);
    });

    it('stops between the stages: cancelled after the view is made, it lays nothing out', async () => {
        const ws = await buildWorkspace(readExample('examples/language-md'));
        const data = diagramData(diagramSourceOf(ws.services.eos.StrategyWorkspace));
        // Checks: before the view, before the layout, before the SVG.
        const beforeLayout = cancelledAtCheck(2);
        const stopped = await renderDiagram(data, {}, beforeLayout).then(
            () => 'drawn',
            (error: unknown) => error
        );
        expect(isOperationCancelled(stopped)).toBe(true);
        expect(beforeLayout.checks).toBe(2);
        const beforeSvg = cancelledAtCheck(3);
        expect(
            isOperationCancelled(
                await renderDiagram(data, {}, beforeSvg).then(
                    () => 'drawn',
                    (error: unknown) => error
                )
            )
        ).toBe(true);
        expect(beforeSvg.checks).toBe(3);
        const never = cancelledAtCheck(Infinity);
        expect((await renderDiagram(data, {}, never)).svg).toMatch(/^<svg /);
        expect(never.checks).toBe(3);
    });
});
