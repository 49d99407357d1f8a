import { describe, expect, test } from 'vitest';
import { buildWorkspace } from '../../helpers.js';

describe('document model extraction', () => {
    test('links are listed in source order, whatever the relation', async () => {
        const ws = await buildWorkspace({
            'a.eos': 'team T\nbet B\nstream S\ninitiative I { stream S owner T bet B }\nokr O { supports B owner T kr K from 1 to 2 }'
        });
        const model = ws.services.eos.StrategyWorkspace.model;
        expect(model.get('initiative', 'I')!.links.map(link => `${link.relation}:${link.target}`)).toEqual(['stream:S', 'owner:T', 'bet:B']);
        expect(model.get('okr', 'O')!.links.map(link => `${link.relation}:${link.target}`)).toEqual(['supports:B', 'owner:T']);
    });

    test('property ranges point at the first value written; repeats are listed with their ranges', async () => {
        const ws = await buildWorkspace({
            'a.eos': 'initiative <|I|> {\n  status <|doing|>\n  updated <|2026-01-02|>\n  status <|done|>\n}\nokr O { kr <|K|> "k" from 1 to 2 }'
        });
        const [name, status, updated, repeated, krName] = ws.markers.get('a.eos')!;
        const model = ws.services.eos.StrategyWorkspace.model;
        const initiative = model.get('initiative', 'I')!;
        expect(initiative.nameRange).toEqual(name);
        expect(initiative.status).toBe('done'); // the parser keeps the last one …
        expect(initiative.propertyRanges.status).toEqual(status); // … the range is the first one written
        expect(initiative.propertyRanges.updated).toEqual(updated);
        expect(initiative.repeatedProperties).toEqual([{ property: 'status', range: repeated }]);
        expect(model.get('kr', 'O.K')!.nameRange).toEqual(krName);
    });
});
