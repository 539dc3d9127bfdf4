import { lintRule } from 'unified-lint-rule';
import { lintContext, warn } from '../context.js';
import { normaliseHeading } from '../outline.js';

/** Every document of a kind has the same sections in the same order, so readers find things. */
export const requiredSections = lintRule('firebreak:required-sections', (_tree, file) => {
  const ctx = lintContext(file);
  if (!ctx) return;
  const headings = ctx.outline.headings;
  const found = ctx.sections.map((name) => headings.findIndex((h) => normaliseHeading(h.text) === normaliseHeading(name)));
  let last = -1;
  let lastName: string | undefined;
  ctx.sections.forEach((name, i) => {
    const at = found[i]!;
    if (at === -1) {
      const following = found.slice(i + 1).find((f) => f !== -1);
      const place = following !== undefined && following !== -1 ? headings[following]! : { line: lastLine(file.value.toString()) + ctx.lineOffset, column: 1 };
      warn(file, `Missing section \`${name}\`${lastName ? ` after \`${lastName}\`` : ''}, expected the ${ctx.kind} sections: ${ctx.sections.join(', ')}.`,
        `Add a \`## ${name}\` heading${lastName ? ` after \`${lastName}\`` : ''} (write "Not applicable" and why, if it is).`, place);
      return;
    }
    if (at < last) {
      warn(file, `Unexpected section \`${headings[at]!.text}\` after \`${lastName}\`, expected the order: ${ctx.sections.join(', ')}.`,
        `Move \`${headings[at]!.text}\` before \`${lastName}\`.`, headings[at]!);
      return;
    }
    last = at;
    lastName = headings[at]!.text;
  });
});

/** The last line with text, where a missing final section would go. */
function lastLine(text: string): number {
  return text.replace(/\s+$/, '').split('\n').length;
}
