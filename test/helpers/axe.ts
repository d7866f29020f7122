import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; html: string; failureSummary: string }[];
}

// Read once: the same source is injected into every page checked.
let source: string | null = null;
const axeSource = (): string =>
  (source ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));

// Run in the page as a string: these tests are compiled without the DOM's types. Only what a
// failure message needs comes back (axe's full results do not survive serialisation well).
const RUN = `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({
  id: v.id,
  impact: v.impact ?? null,
  help: v.help,
  helpUrl: v.helpUrl,
  nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html, failureSummary: n.failureSummary ?? '' })),
})))`;

/** axe-core's violations on the page as it is now, with axe's default rules. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // A page already checked keeps its copy of axe (a client-side navigation does not drop it).
  if (!(await page.evaluate('typeof window.axe !== "undefined"')))
    await page.addScriptTag({ content: axeSource() });
  return (await page.evaluate(RUN)) as AxeViolation[];
}

/** One line per rule (id, impact, what it asks) and one per offending node (its selector and markup). */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map(
        (n) =>
          `    ${n.target.join(' ')}  ${n.html.length > 160 ? `${n.html.slice(0, 160)}…` : n.html}`,
      );
      return [
        `  ${v.id} (${v.impact ?? 'no impact given'}): ${v.help} [${v.helpUrl}]`,
        ...nodes,
      ].join('\n');
    })
    .join('\n');
}

/** Fails with every violation listed when axe finds any on the page. */
export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) {
    throw new Error(
      `axe-core found ${violations.length} kind(s) of violation on ${what} (${page.url()}):\n${describeViolations(violations)}`,
    );
  }
}
