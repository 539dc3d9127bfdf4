import { lintRule } from 'unified-lint-rule';
import { lintContext, warn } from '../context.js';

/** Every timeline item must be readable, or durations and order cannot be checked. */
export const timelineItem = lintRule('firebreak:timeline-item', (_tree, file) => {
  const ctx = lintContext(file);
  if (!ctx) return;
  for (const p of ctx.timelineProblems) if (!p.severity) warn(file, p.message, p.hint, p);
});
