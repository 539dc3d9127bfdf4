// The one Markdown pipeline: remark with front matter and GFM, remark-lint's recommended
// preset, and the kit's own rules. Built once per thread.

import { remark } from 'remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkLintNoUndefinedReferences from 'remark-lint-no-undefined-references';
import remarkPresetLintRecommended from 'remark-preset-lint-recommended';
import { timelineItem } from './rules/timeline-item.js';
import { TIMELINE_PHASES } from './timeline.js';

function build() {
  return remark()
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkPresetLintRecommended)
    // Timeline phase tags such as `[detection]` are not references.
    .use(remarkLintNoUndefinedReferences, { allow: [...TIMELINE_PHASES] })
    .use(timelineItem)
    .freeze();
}

export type Processor = ReturnType<typeof build>;

let processor: Processor | undefined;

/** The thread's processor (tests spy on its `parse` to prove each body is parsed once). */
export function markdownProcessor(): Processor {
  return (processor ??= build());
}
