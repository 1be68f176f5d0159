/**
 * .github/workflows/desktop.yml runs only on a public forge, never here: this reads it as YAML and checks that it
 * still does what the README promises (three systems, the Electron binary installed, the smoke test, the suite,
 * the installers), and that the scripts and files it names exist, so an edit that breaks it shows up in `npm test`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const WORKFLOW = path.join(root, '.github', 'workflows', 'desktop.yml');

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  env?: Record<string, string>;
  strategy: { 'fail-fast'?: boolean; matrix: { include: Array<{ os: string; chromium: string }> } };
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = load(fs.readFileSync(WORKFLOW, 'utf8')) as Workflow;
const job = workflow.jobs.desktop!;
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

/** The one step whose command matches; fails naming the command when there is none, or more than one. */
function stepRunning(command: RegExp, condition?: RegExp): Step {
  const found = job.steps.filter((step) => step.run !== undefined && command.test(step.run) && (!condition || condition.test(step.if ?? '')));
  expect(found, `one step running ${command}${condition ? ` if ${condition}` : ''}`).toHaveLength(1);
  return found[0]!;
}

function indexOf(step: Step): number {
  return job.steps.indexOf(step);
}

describe('the desktop workflow (.github/workflows/desktop.yml)', () => {
  it('is YAML a strict parser accepts, run on pushes to main and on pull requests', () => {
    expect(workflow.name).toBe('Desktop');
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(Object.keys(workflow.jobs)).toEqual(['desktop']);
    // The parser is strict: a key given twice is refused, not silently overwritten.
    expect(() => load('jobs:\n  desktop: {}\n  desktop: {}\n')).toThrow(/duplicated mapping key/);
  });

  it('runs on Linux, Windows and macOS, each to the end, with a Chromium for the UI tests', () => {
    expect(job['runs-on']).toBe('${{ matrix.os }}');
    expect(job.strategy['fail-fast']).toBe(false);
    const systems = job.strategy.matrix.include;
    expect(systems.map((s) => s.os)).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest']);
    for (const system of systems) expect(system.chromium, system.os).toMatch(/chrom/i);
    expect(job.env?.CHROMIUM_PATH).toBe('${{ matrix.chromium }}');
  });

  it('installs with the Electron binary: npm ci, and nowhere is its download skipped', () => {
    stepRunning(/^npm ci\b/m);
    const environments = [workflow.env, job.env, ...job.steps.map((step) => step.env)];
    for (const env of environments) expect(env ?? {}).not.toHaveProperty('ELECTRON_SKIP_BINARY_DOWNLOAD');
    for (const step of job.steps) expect(step.run ?? '').not.toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
  });

  it('prepares the app as npm start does, then runs the smoke test (Linux under xvfb-run) and the rest of the suite', () => {
    const prepare = stepRunning(/ensure-electron-native\.mjs/);
    for (const command of ['npm run build', 'npm run build:electron']) expect(prepare.run).toContain(command);
    expect(packageJson.scripts.start).toMatch(/ensure-electron-native\.mjs.*npm run build && npm run build:electron/);

    const onLinux = stepRunning(/npm run test:desktop/, /runner\.os == 'Linux'/);
    expect(onLinux.run).toMatch(/^xvfb-run -a npm run test:desktop$/m);
    const elsewhere = stepRunning(/npm run test:desktop/, /runner\.os != 'Linux'/);
    expect(elsewhere.run).not.toMatch(/xvfb/);

    const smokeFile = 'tests/electron/desktop-smoke.test.ts';
    expect(packageJson.scripts['test:desktop']).toBe(`vitest run ${smokeFile}`);
    expect(fs.existsSync(path.join(root, smokeFile))).toBe(true);
    const suite = stepRunning(/^npm test\b/m);
    expect(suite.run).toContain(`--exclude ${smokeFile}`);
    expect(indexOf(prepare)).toBeLessThan(indexOf(onLinux));
    expect(indexOf(onLinux)).toBeLessThan(indexOf(suite));
  });

  it('builds the installers with npm run dist after the tests and uploads them', () => {
    const dist = stepRunning(/^npm run dist\b/m);
    expect(dist.run).toContain('--publish never');
    expect(indexOf(dist)).toBeGreaterThan(indexOf(stepRunning(/^npm test\b/m)));
    const upload = job.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@') && step.if?.includes(`steps.${dist.id}.outcome`));
    expect(upload, 'an upload of what the dist step built').toBeDefined();
    for (const installer of ['AppImage', 'deb', 'exe', 'dmg']) expect(upload!.with!.path).toContain(`release/*.${installer}`);
  });
});
