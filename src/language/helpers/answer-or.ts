/**
 * The language server must never lose the editor over one request: a provider that meets a
 * half-typed or broken document answers with what it can, or nothing, instead of an error.
 * Cancellation still propagates: a newer request has replaced this one.
 *
 * Every error such a wrapper catches is reported through `reportCaught`, the one place that logs
 * them: in the editor it is a stack trace in the *EOS* output, and the fuzzer counts a logged
 * error as a failure, so a swallowed exception can never pass a fuzz run unseen.
 */
import { isOperationCancelled, type MaybePromise } from 'langium';

/** `answer()`, or `fallback` if it throws or rejects (not when it was cancelled); the error is logged. */
export async function answerOr<T, F>(fallback: F, answer: () => MaybePromise<T>, what = 'a request'): Promise<T | F> {
    try {
        return await answer();
    } catch (error) {
        if (isOperationCancelled(error)) throw error;
        reportCaught(what, error);
        return fallback;
    }
}

/** `answer()`, or `fallback` if it throws (not when cancelled); for synchronous providers. */
export function answerOrSync<T, F>(fallback: F, answer: () => T, what = 'a request'): T | F {
    try {
        return answer();
    } catch (error) {
        if (isOperationCancelled(error)) throw error;
        reportCaught(what, error);
        return fallback;
    }
}

/** Errors already logged: a wrapper nested in another logs an error once, not once per level. */
const reported = new WeakSet<object>();

/**
 * Logs an error a provider caught to keep the editor alive, once. The answer the user gets is the
 * fallback; the log is how a maintainer (and the fuzzer) learns that it was one.
 */
export function reportCaught(what: string, error: unknown): void {
    if (typeof error === 'object' && error !== null) {
        if (reported.has(error)) return;
        reported.add(error);
    }
    const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
    console.error(`EOS: ${what} failed and was answered without its result: ${detail}`);
}
