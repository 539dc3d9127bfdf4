// Credentials pasted into notes (a webhook URL, a token, a database URL with its password, a key)
// are found with secretlint's recommended rules plus the kit's own for JSON Web Tokens and chat
// webhooks that secretlint does not know. A secret is reported where it is, never printed, and
// its value is kept only so that no build can publish it.

import { lintSource } from '@secretlint/core';
import { secretLintProfiler } from '@secretlint/profiler';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintRuleCreator } from '@secretlint/types';
import type { Finding } from './diagnostic.js';

/** Secrets the recommended preset has no rule for, by message id: the id's rule and what it is. */
const KIT_PATTERNS: Record<string, { id: string; what: string; re: RegExp }> = {
  // header.payload.signature, each base64url; the header of a JWT always starts `{"` → `eyJ`.
  JWT: { id: 'jwt', what: 'a JSON Web Token', re: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/g },
  TEAMS: { id: 'webhook', what: 'a Microsoft Teams webhook', re: /https:\/\/[a-z0-9-]+\.webhook\.office\.com\/webhookb2\/[^\s)>"'\]]+/gi },
  DISCORD: { id: 'webhook', what: 'a Discord webhook', re: /https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d+\/[A-Za-z0-9_-]{20,}/gi },
  GOOGLE_CHAT: { id: 'webhook', what: 'a Google Chat webhook', re: /https:\/\/chat\.googleapis\.com\/v1\/spaces\/[^\s/]+\/messages\?[^\s)>"']*token=[^\s)>"'&]+/gi },
};

// The kind is part of each message's text, not its data: secretlint masks data in messages.
const MESSAGES = Object.fromEntries(Object.entries(KIT_PATTERNS).map(([key, p]) => [key, { en: () => `found ${p.what}` }]));

const kitRule: SecretLintRuleCreator = {
  messages: MESSAGES,
  meta: { id: '@firebreak/secretlint-rule-kit', type: 'scanner', recommended: true, supportedContentTypes: ['text'] },
  create(context) {
    const t = context.createTranslator(MESSAGES);
    return {
      file(source) {
        for (const [key, { re }] of Object.entries(KIT_PATTERNS)) {
          re.lastIndex = 0;
          for (let m = re.exec(source.content); m; m = re.exec(source.content)) {
            context.report({ message: t(key), range: [m.index, m.index + m[0].length] });
          }
        }
      },
    };
  },
};

// secretlint 11 records a performance mark for every rule on every file and, for each mark,
// scans every mark before it (secretlint/secretlint#1633, fixed in 13.x by #1673, which needs
// Node 22): ten thousand documents then cost minutes. The kit reads no profile, so it records none.
// `@secretlint/profiler` is pinned to the version `@secretlint/core` uses, so this is its instance.
secretLintProfiler.mark = () => {};

const CONFIG = {
  rules: [
    { id: '@secretlint/secretlint-rule-preset-recommend', rule: recommended },
    { id: '@firebreak/secretlint-rule-kit', rule: kitRule },
  ],
};

/** The rule ids the kit reports secrets under (`secret/<name>`), for the rule reference. */
export const SECRET_RULES: readonly string[] = [
  '1password', 'anthropic', 'aws', 'azure', 'basicauth', 'database-connection-string', 'gcp', 'github', 'linear', 'npm', 'openai', 'privatekey', 'sendgrid', 'shopify', 'slack', 'jwt', 'webhook',
];

export interface SecretScan {
  findings: Finding[];
  /** The secrets' values: kept out of every build by the leak guard, never printed. */
  values: string[];
}

/** Scan one file's text. */
export async function scanSecrets(file: string, text: string): Promise<SecretScan> {
  const result = await lintSource({ source: { filePath: `/${file}`, content: text, contentType: 'text' }, options: { config: CONFIG, maskSecrets: true } });
  const findings: Finding[] = [];
  const values: string[] = [];
  for (const m of result.messages) {
    const name = m.ruleId === '@firebreak/secretlint-rule-kit' ? KIT_PATTERNS[m.messageId ?? '']?.id ?? 'secret' : m.ruleId.replace(/^.*secretlint-rule-/, '');
    // secretlint's message names the kind and then shows the secret masked; only the kind is kept.
    const what = m.message.split(':')[0]!.replace(/^found\s+/i, '').trim();
    values.push(text.slice(m.range[0], m.range[1]));
    findings.push({
      ruleId: `secret/${name}`, severity: 'error', file, line: m.loc.start.line, column: m.loc.start.column + 1,
      message: `Unexpected secret (${what}), expected no credentials in a record: no build will publish this document while it is here.`,
      hint: 'Rotate it now: it is already in the git history of every clone. Then replace it with a description (`the #alerts webhook`, `the reporting database password`).',
    });
  }
  return { findings, values };
}
