// Runs axe-core (injected from node_modules, no CDN) on the current page and returns the serious and
// critical violations, formatted so a failing test says what and where.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './studio-server.js';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const alreadyLoaded = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol rather than a <script> tag, which the Studio's
  // Content-Security-Policy (script-src 'self') rightly refuses.
  if (!alreadyLoaded)
    await page.evaluate(readFileSync(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }).axe;
    const results = (await axe.run(document, { resultTypes: ['violations'] })) as { violations: unknown[] };
    return results.violations;
  });
  return (violations as AxeViolation[])
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help} — ${violation.nodes
          .slice(0, 4)
          .map((node) => `${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`.replace(/\s+/g, ' '))
          .join(' | ')}`,
    );
}
