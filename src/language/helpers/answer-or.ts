/**
 * The language server must never lose the editor over one request: a provider that meets a
 * half-typed or broken document answers with what it can, or nothing, instead of an error.
 * Cancellation still propagates: a newer request has replaced this one.
 */
import { isOperationCancelled, type MaybePromise } from 'langium';

/** `answer()`, or `fallback` if it throws or rejects (not when it was cancelled). */
export async function answerOr<T, F>(fallback: F, answer: () => MaybePromise<T>): Promise<T | F> {
    try {
        return await answer();
    } catch (error) {
        if (isOperationCancelled(error)) throw error;
        return fallback;
    }
}
