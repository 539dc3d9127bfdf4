import { describe, expect, it } from 'vitest';
import { incidentIdsNamed } from './names.js';

describe('the incident ids a document names', () => {
  it.each([
    { name: 'none', data: { id: 'carol-smith', title: 'Analyst' }, body: 'No incident here.', ids: [] },
    { name: 'its own, from the front matter', data: { id: 'INC-2026-001' }, body: '', ids: ['INC-2026-001'] },
    { name: 'upper-cased and once each, in the order first named', data: { id: 'INC-2026-002', related: ['inc-2026-001'] }, body: 'See INC-2026-001 and EX-2025-003.', ids: ['INC-2026-002', 'INC-2026-001', 'EX-2025-003'] },
    { name: 'deep in lists and maps', data: { lessons: [{ changes: [{ note: 'after EX-2026-004' }] }] }, body: '', ids: ['EX-2026-004'] },
    { name: 'in a key of a map', data: { notes: { 'INC-2024-010': 'same actor' } }, body: '', ids: ['INC-2024-010'] },
    { name: 'as read, not as written (an escape cannot hide one)', data: { note: '\u0049NC-2024-011' }, body: '', ids: ['INC-2024-011'] },
    { name: 'not inside a longer word or number', data: {}, body: 'XINC-2024-001 INC-2024-01 INC-20245-001', ids: [] },
  ])('$name', ({ data, body, ids }) => {
    expect(incidentIdsNamed(data, body)).toEqual(ids);
  });
});
