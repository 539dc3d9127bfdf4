// What every renderer receives: the same diagnostics, and what it needs to frame them.

import type { Diagnostic } from '../diagnostic.js';

export interface ReportInput {
  diagnostics: readonly Diagnostic[];
  now: string;
  files: number;
  /** The text of a file, for code frames (human format only). */
  source?: (file: string) => string | undefined;
  color?: boolean;
}
