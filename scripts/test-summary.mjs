// Sums the JSON reports of every runner (vitest, Playwright) into the one closing line CI reads.
import fs from 'node:fs';

function read(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
const notes = [];

const unit = read('reports/unit.json');
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
} else notes.push('unit tests did not report');

for (const [name, file] of [['end-to-end', 'reports/e2e.json'], ['security', 'reports/security.json']]) {
  const report = read(file);
  if (report?.stats) {
    passed += (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected ?? 0;
  } else if (name === 'end-to-end') notes.push(`${name} tests did not report`);
}

for (const note of notes) console.log(`[summary] ${note}`);
// A runner that never reported counts as a failure: CI must not read silence as success.
console.log(`${passed} passed, ${failed + notes.length} failed`);
