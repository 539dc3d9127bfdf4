// What every renderer receives: the same diagnostics, and what it needs to frame them.

import type { Diagnostic } from '../diagnostic.js';

export interface ReportInput {
  diagnostics: readonly Diagnostic[];
  now: string;
  files: number;
  /** The text of a file, for code frames (human format only). */
  source?: (file: string) => string | undefined;
  color?: boolean;
  /** Which findings were asked for (see core/scope.ts). */
  scope?: 'all' | 'blocking' | 'freshness';
  /** For a check of a change: the documents it changes, and what they were compared with. */
  changed?: readonly string[];
  against?: string;
  /** SARIF: the kit's version, the repository root as a `file:` URI ending in `/`, and the rule reference's URL. */
  version?: string;
  rootUri?: string;
  rulesUrl?: string;
}
