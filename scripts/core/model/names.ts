// The incident ids a document names anywhere: in its front matter (keys and values, as read, so
// that an escape cannot hide one) and in its body. Read once, when the document is loaded (and so
// kept in the cache): rules and builds that ask which documents name an incident read this list
// instead of searching every document's text.

/** An incident or exercise id anywhere in a text. */
export const INCIDENT_ID = /\b(?:INC|EX)-\d{4}-\d{3,}\b/gi;

/** Upper-cased, once each, in the order first named; the document's own id included. */
export function incidentIdsNamed(data: unknown, body: string): string[] {
  const out = new Set<string>();
  // The front matter as read (keys and values), serialised natively: an id has no character that
  // JSON escapes, so it reads the same there.
  for (const m of `${JSON.stringify(data) ?? ''}\n${body}`.matchAll(INCIDENT_ID)) out.add(m[0].toUpperCase());
  return [...out];
}
