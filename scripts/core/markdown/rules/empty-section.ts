import { lintRule } from 'unified-lint-rule';
import { lintContext, warn } from '../context.js';
import { normaliseHeading } from '../outline.js';

/** A heading with nothing under it (or only the scaffold's prompt) records nothing. */
export const emptySection = lintRule('firebreak:empty-section', (_tree, file) => {
  const ctx = lintContext(file);
  if (!ctx) return;
  const required = new Set(ctx.sections.map(normaliseHeading));
  for (const heading of ctx.outline.headings) {
    if (heading.empty && required.has(normaliseHeading(heading.text))) {
      warn(file, `Unexpected empty section \`${heading.text}\`, expected what happened (the \`TODO\` prompt does not count).`,
        'Replace the prompt with what you know now; "Not known yet" with the reason is better than nothing.', heading);
    }
  }
});
