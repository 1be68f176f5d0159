import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints the plain "N passed, N failed" closing line that CI reads, after vitest's own summary,
 * preceded by each test skipped with a reason (`ctx.skip(reason)`), which vitest's summary leaves out.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const reasons: string[] = [];
    for (const module of testModules) {
      // A file that fails to load or in a hook has no passing tests; count it as a failure.
      if (module.errors().length > 0) failed += 1;
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state === 'passed') passed += 1;
        else if (result.state === 'failed') failed += 1;
        else {
          skipped += 1;
          if (result.state === 'skipped' && result.note) reasons.push(`skipped: ${path.relative(process.cwd(), module.moduleId)} > ${test.fullName} — ${result.note}`);
        }
      }
    }
    if (reasons.length > 0) console.log(`\n${reasons.join('\n')}`);
    console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  }
}
