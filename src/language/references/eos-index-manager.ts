/**
 * Langium's index, plus an index of exported symbols by name that is updated per document.
 * Langium's global scope is rebuilt from every exported symbol after each edit (a map of 10,000
 * names per reference type, per keystroke); with this index, a lookup is one map access and an
 * edit re-indexes only the edited document's names.
 */
import { DefaultIndexManager, type AstNodeDescription, type LangiumDocument, type URI } from 'langium';
import { CancellationToken } from 'vscode-languageserver';

export class EosIndexManager extends DefaultIndexManager {
    private readonly byName = new Map<string, AstNodeDescription[]>();

    /** Exported symbols with this name, in the order Langium's own index lists them. */
    named(name: string): readonly AstNodeDescription[] {
        return this.byName.get(name) ?? [];
    }

    override async updateContent(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        const uri = document.uri.toString();
        this.forget(uri);
        await super.updateContent(document, cancelToken);
        for (const description of this.symbolIndex.get(uri) ?? []) {
            const list = this.byName.get(description.name);
            if (list) list.push(description);
            else this.byName.set(description.name, [description]);
        }
    }

    override removeContent(uri: URI): void {
        this.forget(uri.toString());
        super.removeContent(uri);
    }

    private forget(uri: string): void {
        for (const description of this.symbolIndex.get(uri) ?? []) {
            const list = this.byName.get(description.name);
            if (!list) continue;
            const rest = list.filter(other => other !== description);
            if (rest.length) this.byName.set(description.name, rest);
            else this.byName.delete(description.name);
        }
    }
}
