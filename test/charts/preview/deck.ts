/**
 * Writes the board deck of a results file, for looking at it:
 *   npx tsx test/charts/preview/deck.ts RESULTS.json [en|ru] OUT.pptx
 * then `libreoffice --headless --convert-to pdf OUT.pptx` and `pdftoppm -png -r 60 OUT.pdf page`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseScenarioText } from '../../../src/engine/scenario/parse.ts';
import { deckContent } from '../../../src/app/deck-content.ts';
import { writeDeck } from '../../../src/charts/export/pptx.ts';

const [file, lang = 'en', out = 'test/output/deck.pptx'] = process.argv.slice(2);
const results = JSON.parse(readFileSync(file, 'utf8'));
const parsed = parseScenarioText(readFileSync('scenarios/client-department.json', 'utf8'));
if (!parsed.ok) throw new Error('scenario');
const deck = deckContent(results, parsed.scenario, lang as 'en' | 'ru', { status: null, date: new Date().toISOString().slice(0, 10) });
writeFileSync(out, (await writeDeck(deck, 'nodebuffer')) as Uint8Array);
console.log(out);
