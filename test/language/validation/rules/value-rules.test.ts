import { describe, it } from 'vitest';
import { expectCodeAtMarkers } from './rule-cases.js';

describe('tenet-no-tradeoff', () => {
    it('is reported when a tenet chooses an option over itself (ignoring case)', () =>
        expectCodeAtMarkers('tenet-no-tradeoff', {
            name: 'trigger',
            files: { 'a.eos': 'tenet <|Circular|> { when "x" choose "Speed" over "speed" }' }
        }));
    it('is not reported for a real trade-off', () =>
        expectCodeAtMarkers('tenet-no-tradeoff', {
            name: 'near miss',
            files: { 'a.eos': 'tenet Real { when "x" choose "speed" over "polish" }' }
        }));
});

describe('tenet-conflict', () => {
    it('is reported on both tenets that choose opposite options for the same situation, across files', () =>
        expectCodeAtMarkers('tenet-conflict', {
            name: 'trigger',
            files: {
                'a.eos': 'tenet <|ReliabilityFirst|> { when "speed and reliability conflict" choose "reliability" over "speed" }',
                'b.eos': 'tenet <|ShipIt|> { when "Speed and reliability conflict" choose "speed" over "reliability" }'
            }
        }));
    it('reads situations and options as one text whatever the final full stop, quotes or spacing', () =>
        expectCodeAtMarkers('tenet-conflict', {
            name: 'normalised',
            files: {
                'a.eos': 'tenet <|Careful|> { when "speed and reliability conflict." choose "Reliability" over "speed" }',
                'b.eos': 'tenet <|Quick|> { when "Speed and  \u2018reliability\u2019 conflict" choose "speed." over "reliability" }'
            }
        }));
    it('is not reported for different situations or consistent choices', () =>
        expectCodeAtMarkers('tenet-conflict', {
            name: 'near miss',
            files: {
                'a.eos': 'tenet A { when "incidents" choose "reliability" over "speed" }\ntenet B { when "experiments" choose "speed" over "reliability" }',
                'b.eos': 'tenet C { when "incidents" choose "reliability" over "speed" }\ntenet D { when "incidents" choose "reliability" over "cost" }'
            }
        }));
});

describe('value-unpracticed', () => {
    it('is reported on a value nothing lives out', () =>
        expectCodeAtMarkers('value-unpracticed', {
            name: 'trigger',
            files: { 'a.eos': 'value <|Slogan|> "We love customers"\nvalue Lived\npractice P { embodies Lived }\nvalue <|OwnedOnly|> { owner T }\nteam T' }
        }));
    it('is not reported when a tenet upholds it, a practice embodies it or a value extends it, in other files', () =>
        expectCodeAtMarkers('value-unpracticed', {
            name: 'near miss',
            files: {
                'values.eos': 'value Trust\nvalue Craft\nvalue Care',
                'other.eos':
                    'tenet T { upholds Trust when "x" choose "a" over "b" }\npractice P { embodies Craft }\nvalue CareForOps { extends Care }\npractice Q { embodies CareForOps }'
            }
        }));
});
