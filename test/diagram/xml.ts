/** A strict XML well-formedness check (sax in strict mode), returning the parsed elements. */
import sax from 'sax';

export interface XmlElement {
    name: string;
    attributes: Record<string, string>;
    /** Text directly inside the element. */
    text: string;
    parent?: XmlElement;
}

export function parseXml(xml: string): XmlElement[] {
    const parser = sax.parser(true, { xmlns: false });
    const elements: XmlElement[] = [];
    const stack: XmlElement[] = [];
    parser.onerror = error => {
        throw error;
    };
    parser.onopentag = node => {
        const parent = stack.at(-1);
        const element: XmlElement = { name: node.name, attributes: node.attributes as Record<string, string>, text: '', ...(parent ? { parent } : {}) };
        elements.push(element);
        stack.push(element);
    };
    parser.onclosetag = () => {
        stack.pop();
    };
    parser.ontext = text => {
        if (stack.length) stack.at(-1)!.text += text;
    };
    parser.oncdata = text => {
        if (stack.length) stack.at(-1)!.text += text;
    };
    parser.write(xml).close();
    return elements;
}
