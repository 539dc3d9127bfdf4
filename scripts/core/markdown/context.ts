// What the kit's lint rules read about the file being linted, set before they run.

import type { VFile } from 'vfile';
import type { Outline } from './outline.js';
import type { TimelineProblem } from './timeline.js';

export interface LintContext {
  kind: string;
  outline: Outline;
  timelineProblems: TimelineProblem[];
  /** Body line n is file line n + lineOffset. */
  lineOffset: number;
}

export function lintContext(file: VFile): LintContext | undefined {
  return (file.data as { firebreak?: LintContext }).firebreak;
}

/**
 * Report with a hint, the way every kit rule does. `place` is in file lines (as the outline
 * is); the message is in the body's lines, like every other rule's, and placed in the file once.
 */
export function warn(file: VFile, reason: string, hint: string, place: { line: number; column: number }): void {
  const offset = lintContext(file)?.lineOffset ?? 0;
  const message = file.message(reason, { place: { line: place.line - offset, column: place.column } });
  message.note = hint;
}
