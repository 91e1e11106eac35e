// Browser test of the trend view (issue 16), run by .ci/trend-view-e2e with the FHIR sandbox (SMART on), the SMART
// authorization server (samples/smart-auth) and CdsBone already started:
//   node .ci/browser/trend-view.mjs
// Environment: CDSBONE (service base URL), FHIR (sandbox base), AUTH (authorization server), CHROMIUM (executable),
// ARTIFACTS (screenshot folder), PATIENTS (samples/patients). For every sample patient it plays the EHR: loads the
// patient (dates moved to today, as `cdsbone patients load` does), calls the patient's hook with its data as prefetch,
// takes the card's SMART link, registers the launch context (patient + the link's appContext) with the authorization
// server, and opens {link.url}?iss=&launch= in chromium. On the trends page it checks one chart per analyte with
// exactly the patient's number of points (and as many SVG markers), the threshold bands, and the AI course.
// Prints "pass: …"/"FAIL: …" lines and "trend-view totals: passed N, failed N"; the first screenshot path is printed.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { chromium } from 'playwright-core';

const { CDSBONE, FHIR, AUTH, CHROMIUM, ARTIFACTS, PATIENTS } = process.env;
const AS_OF = '2025-06-01';
const DAY_MS = 86_400_000;
// LOINC codes of the sample patients → the chart that shows them (CLINICAL-RULES.md §1).
const CHART_OF = {
  '2243-4': 'estradiol', '14715-7': 'estradiol', '83096-8': 'estradiol', '72873-3': 'estradiol',
  '2986-8': 'total-testosterone', '13967-5': 'shbg', '41171-0': 'ctx', '2990-0': 'p1np',
  '38267-1': 't-score', '38264-8': 't-score',
};
const AI = /anastrozole|letrozole|exemestane|arimidex/i;

let passed = 0;
let failed = 0;
const check = (name, ok, detail = '') => {
  if (ok) { passed += 1; console.log(`  pass: ${name}`); } else { failed += 1; console.log(`  FAIL: ${name} ${detail}`); }
};

// Dates relative to AS_OF moved to today (the loader's rule: every string that is a date or dateTime).
const days = Math.round((Date.UTC(...todayParts()) - Date.parse(`${AS_OF}T00:00:00Z`)) / DAY_MS);
function todayParts() { const d = new Date(); return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()]; }
function shift(value) {
  if (Array.isArray(value)) return value.map(shift);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shift(v)]));
  const match = typeof value === 'string' && /^(\d{4}-\d{2}-\d{2})((T[0-9:.]+(Z|[+-]\d{2}:\d{2})?)?)$/.exec(value);
  if (!match) return value;
  return new Date(Date.parse(`${match[1]}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10) + match[2];
}

async function http(url, init) {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status} ${text.slice(0, 200)}`);
  return text.length ? JSON.parse(text) : undefined;
}

const searchset = (resources) => ({ resourceType: 'Bundle', type: 'searchset', entry: resources.map((resource) => ({ resource })) });

async function cardLink(patient, bundle) {
  const resources = bundle.entry.map((e) => e.resource);
  const of = (type) => resources.filter((r) => r.resourceType === type);
  const context = { patientId: patient.id, userId: 'Practitioner/test-clinician' };
  if (patient.hook !== 'patient-view') {
    context.draftOrders = shift(JSON.parse(fs.readFileSync(path.join(PATIENTS, patient.draft), 'utf8')));
  }
  // An EHR sends the data it holds as prefetch (the sandbox itself answers reads only with a token).
  const request = {
    hook: patient.hook,
    hookInstance: randomUUID(),
    context,
    prefetch: {
      patient: of('Patient')[0],
      observations: searchset(of('Observation')),
      medications: searchset(of('MedicationRequest').filter((m) => ['active', 'on-hold', 'stopped'].includes(m.status))),
      conditions: searchset(of('Condition')),
    },
  };
  const answer = await http(`${CDSBONE}/cds-services/${patient.service}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request),
  });
  const links = answer.cards.map((c) => (c.links ?? []).find((l) => l.type === 'smart'));
  return { cards: answer.cards.length, links };
}

async function main() {
  const index = JSON.parse(fs.readFileSync(path.join(PATIENTS, 'index.json'), 'utf8'));
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  let firstScreenshot;
  try {
    for (const patient of index.patients) {
      const bundle = shift(JSON.parse(fs.readFileSync(path.join(PATIENTS, patient.bundle), 'utf8')));
      await http(FHIR, { method: 'POST', headers: { 'Content-Type': 'application/fhir+json' }, body: JSON.stringify(bundle) });

      const { cards, links } = await cardLink(patient, bundle);
      check(`${patient.id}: every card (${cards}) carries the trend-view SMART link`, cards > 0 && links.every((l) => l && l.label === 'Hormone and bone trends' && l.appContext));
      const link = links[0];
      if (!link) continue;

      const { launch } = await http(`${AUTH}/launch`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ patient: patient.id, appContext: link.appContext }),
      });
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const scripts = [];
      page.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(r.url()); });
      const started = Date.now();
      await page.goto(`${link.url}?iss=${encodeURIComponent(FHIR)}&launch=${encodeURIComponent(launch)}`, { waitUntil: 'load' });
      const elapsed = Date.now() - started;
      const url = new URL(page.url());
      check(`${patient.id}: the EHR launch lands on /app/trends (${elapsed} ms from launch through sign-in)`, url.pathname === '/app/trends' && url.search === '', page.url());

      const expected = {};
      for (const r of bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === 'Observation')) {
        const chart = CHART_OF[r.code?.coding?.[0]?.code];
        if (chart) expected[chart] = (expected[chart] ?? 0) + 1;
      }
      for (const [chart, count] of Object.entries(expected)) {
        const section = page.locator(`section[data-analyte="${chart}"]`);
        const found = await section.count();
        const points = found === 1 ? Number(await section.getAttribute('data-points')) : -1;
        const markers = found === 1 ? await section.locator('svg ellipse, svg polygon').count() : -1;
        const rows = found === 1 ? await section.locator('tbody tr').count() : -1;
        check(`${patient.id}: one ${chart} chart with exactly ${count} point(s) (markers ${markers}, table rows ${rows})`,
          found === 1 && points === count && markers === count && rows === count);
      }

      const e2 = page.locator('section[data-analyte="estradiol"]');
      if (expected.estradiol) {
        const bands = Number(await e2.getAttribute('data-bands'));
        const labels = await e2.locator('figcaption .band').count();
        const male = (bundle.entry.find((e) => e.resource.resourceType === 'Patient').resource.gender === 'male');
        check(`${patient.id}: the estradiol chart draws the ruleset's bands (${bands})`, bands === (male ? 4 : 1) && labels === bands);
      }
      const tScore = page.locator('section[data-analyte="t-score"]');
      if (expected['t-score']) check(`${patient.id}: the T-score chart draws −2.5 and −1.0 bands`,
        (await tScore.locator('figcaption .band').allTextContents()).join(' | ').match(/-2\.5.*-1/) !== null);

      const onAi = bundle.entry.map((e) => e.resource).some((r) => r.resourceType === 'MedicationRequest'
        && ['active', 'on-hold', 'stopped'].includes(r.status) && AI.test(JSON.stringify(r.medicationCodeableConcept ?? {})));
      if (onAi) {
        const aiRows = await page.locator('.courses tr.course-ai').count();
        const chartText = await page.locator('section.analyte svg text').allTextContents();
        check(`${patient.id}: the AI course is listed and shaded on the charts with its dose`, aiRows >= 1 && chartText.some((t) => AI.test(t)));
      }
      const recommendation = await page.locator('.recommendation').textContent();
      check(`${patient.id}: the page states the card's recommendation`, JSON.parse(link.appContext).recommendation && recommendation.includes(JSON.parse(link.appContext).recommendation));
      check(`${patient.id}: no script on the page`, scripts.length === 0 && (await page.locator('script').count()) === 0);
      const cookies = await page.context().cookies();
      check(`${patient.id}: the session cookie is HttpOnly and scoped to /app`, cookies.some((c) => c.name === 'cdsbone-trends' && c.httpOnly && c.path === '/app'));

      // A reload with the session: the page's own load time (FHIR reads, mapping, charts, HTML).
      const reloadStarted = Date.now();
      await page.reload({ waitUntil: 'load' });
      const reload = Date.now() - reloadStarted;
      check(`${patient.id}: the trends page loads in under a second (${reload} ms)`, reload < 1000);

      const file = path.join(ARTIFACTS, `trend-view-${patient.id}.png`);
      await page.screenshot({ path: file, fullPage: true });
      if (patient.id === 'V4-falling-e2-trend' || !firstScreenshot) firstScreenshot = file;
      await page.close();
    }
  } finally {
    await browser.close();
  }
  if (firstScreenshot) console.log(`screenshot: ${firstScreenshot} (all: ${ARTIFACTS})`);
}

try {
  await main();
} catch (err) {
  check('trend-view browser test runs', false, String(err?.stack ?? err));
}
console.log(`trend-view totals: passed ${passed}, failed ${failed}`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
