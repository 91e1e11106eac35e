// Checks one CDS Hooks response (stdin: the body `cdsbone hook --json` printed) against a patient's expectations in
// ../shared/fixtures/visible/expected.json: recommendation codes (card.source.topic.code) required, forbidden,
// require_any, no_cards, and the top indicator's bounds. Card text is not compared: it changes with the rules.
//   node .ci/cli-e2e-expect.mjs EXPECTED_JSON PATIENT_ID < response.json
// Exit 0 when the response meets them; otherwise prints why on one line and exits 1.
import { readFileSync } from 'node:fs';

const [expectedPath, patientId] = process.argv.slice(2);
const expected = JSON.parse(readFileSync(expectedPath, 'utf8')).patients[patientId];
if (!expected) {
  console.log(`${patientId}: not in ${expectedPath}`);
  process.exit(1);
}

let response;
try {
  response = JSON.parse(readFileSync(0, 'utf8'));
} catch (err) {
  console.log(`${patientId}: the response is not JSON (${err.message})`);
  process.exit(1);
}

const severity = ['info', 'warning', 'critical'];
const cards = Array.isArray(response.cards) ? response.cards : [];
const codes = new Set(cards.map((c) => c?.source?.topic?.code).filter(Boolean));
const top = Math.max(0, ...cards.map((c) => severity.indexOf(c.indicator)));
const shown = `shown: ${[...codes].join(', ') || 'no cards'} (top ${cards.length ? severity[top] : 'none'})`;
const problems = [];

for (const code of expected.require ?? []) {
  if (!codes.has(code)) problems.push(`missing ${code}`);
}
for (const code of expected.forbid ?? []) {
  if (codes.has(code)) problems.push(`forbidden ${code}`);
}
if (expected.require_any?.length && !expected.require_any.some((c) => codes.has(c))) {
  problems.push(`none of ${expected.require_any.join(', ')}`);
}
if (expected.no_cards && cards.length > 0) problems.push('expected no cards');
if (expected.min_indicator && top < severity.indexOf(expected.min_indicator)) problems.push(`below ${expected.min_indicator}`);
if (expected.max_indicator && top > severity.indexOf(expected.max_indicator)) problems.push(`above ${expected.max_indicator}`);

console.log(`${patientId}: ${problems.length ? problems.join('; ') + '; ' : ''}${shown}`);
process.exit(problems.length ? 1 : 0);
