// Electronegativity (Doyensec's Electron security scanner) over the app's own sources: electron/, renderer/, shared/
// (tests left out). The CLI exits 0 whatever it finds, so this reads its report and fails on any finding of medium
// severity or above. A finding that is safe is suppressed in the source, on its line, with
// `// eng-disable CHECK_ID: why it is safe` — the reason is required (checked below).
//
// The scan runs as if the Electron version were unknown, so the scanner assumes the oldest, loosest defaults: every
// checklist item must be stated in the code rather than left to a default of the Electron we happen to ship.
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const repo = join(import.meta.dirname, '..');
const SOURCES = ['electron', 'renderer', 'shared'];
const isTest = (name) => /\.test\.tsx?$/.test(name);

const require = createRequire(import.meta.url);
// The scanner downloads translations at start and retries for seconds when there is no network. The English texts
// ship with it; answer its download at once so the scan is offline, fast and the same everywhere.
const scannerRequire = createRequire(require.resolve('@doyensec/electronegativity'));
const gotPath = scannerRequire.resolve('got');
const offline = () => Promise.reject(Object.assign(new Error('offline scan'), { code: 'OFFLINE' }));
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: Object.assign(offline, { default: offline }) };
const run = require('@doyensec/electronegativity');

/** Every `eng-disable` in the sources must say why (text after the check ids and a colon). */
async function unexplainedSuppressions() {
  const problems = [];
  for (const dir of SOURCES) {
    for (const entry of await readdir(join(repo, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || isTest(entry.name) || !/\.(tsx?|html)$/.test(entry.name)) continue;
      const path = join(entry.parentPath, entry.name);
      (await readFile(path, 'utf8')).split('\n').forEach((line, i) => {
        const m = /eng-disable\s+[A-Z0-9_ ,]+(:\s*(.*))?/.exec(line);
        if (m && !(m[2] && m[2].trim().length >= 10)) problems.push(`${relative(repo, path)}:${i + 1}: eng-disable without a reason`);
      });
    }
  }
  return problems;
}

const scanDir = await mkdtemp(join(tmpdir(), 'ks-electronegativity-'));
try {
  for (const dir of SOURCES) {
    await cp(join(repo, dir), join(scanDir, dir), { recursive: true, filter: (src) => !isTest(src) });
  }
  // Its chatter about the refused translations download and the unknown version (both intended) is left out.
  const log = console.log;
  console.log = (...args) => void (/translations/.test(String(args[0])) || log(...args));
  const report = await run({
    input: scanDir,
    isRelative: true,
    // Looks up Electron's newest releases online; our Electron version is pinned and raised on purpose.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  }).finally(() => (console.log = log));
  const SEVERITY = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'];
  const level = (issue) => SEVERITY.indexOf(issue.severity.name);
  const failing = report.issues.filter((issue) => level(issue) >= SEVERITY.indexOf('MEDIUM'));
  const lines = report.issues.map(
    (i) => `  ${i.severity.name.padEnd(13)} ${i.confidence.name.padEnd(9)} ${i.id.padEnd(28)} ${i.file}:${i.location.line}${i.manualReview ? ' (review)' : ''}`,
  );
  const suppressionProblems = await unexplainedSuppressions();
  const parseErrors = report.errors.filter((e) => !e.tolerable).map((e) => `  could not parse ${e.file}: ${e.message}`);
  console.log(`electronegativity: ${report.atomicChecks + report.globalChecks} checks over ${SOURCES.join('/, ')}/`);
  if (lines.length) console.log(lines.join('\n'));
  const problems = [...suppressionProblems, ...parseErrors];
  if (failing.length || problems.length) {
    if (problems.length) console.error(problems.join('\n'));
    console.error(`electronegativity: ${failing.length} finding(s) of medium severity or above, ${problems.length} other problem(s)`);
    process.exitCode = 1;
  } else {
    console.log('electronegativity: no finding of medium severity or above');
  }
} finally {
  await rm(scanDir, { recursive: true, force: true });
}
