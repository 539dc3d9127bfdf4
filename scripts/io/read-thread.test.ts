// A large working tree loaded through the cache is read and digested in a thread of its own
// (io/read-worker.ts) while the main thread reads the cache: what it loads is what the main
// thread alone, and a load without a cache, load.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRepo, type LoadedRepo } from './load-repo.js';
import { copyExample, replaceIn } from '../test/repo.js';

/** The example, with enough contacts (copies of one, a few not ASCII) for the reading thread. */
function largeRepo(): string {
  const root = copyExample();
  const alice = readFileSync(join(root, 'contacts/alice-nguyen.md'), 'utf8');
  for (let i = 0; i < 420; i++) {
    const id = `person-${String(i).padStart(3, '0')}`;
    const text = alice.replace('id: alice-nguyen', `id: ${id}`).replace('name: Alice Nguyen', i % 50 === 0 ? `name: Zoë Ñúñez ${i}` : `name: Person ${i}`);
    writeFileSync(join(root, 'contacts', `${id}.md`), i % 50 === 0 ? `${text}\nReached through Zoë’s desk — “after hours”.\n` : text);
  }
  return root;
}

/** What a load found, documents and findings. */
const shape = (r: LoadedRepo) => [r.model.docs, r.diagnostics];

describe('the reading thread', () => {
  it('loads, cold, warm and after an edit, what the main thread alone and a load without a cache load', async () => {
    const root = largeRepo();
    const plain = await loadRepo(root);
    const count = plain.model.docs.length;
    expect(count).toBeGreaterThanOrEqual(400);

    const cold = await loadRepo(root, { cache: join(root, '.cache') });
    expect(cold.cache).toEqual({ hits: 0, misses: count });
    expect(shape(cold)).toEqual(shape(plain));
    const warm = await loadRepo(root, { cache: join(root, '.cache') });
    expect(warm.cache).toEqual({ hits: count, misses: 0 });
    expect(shape(warm)).toEqual(shape(plain));
    const alone = await loadRepo(root, { cache: join(root, '.cache'), workers: 0 });
    expect(alone.cache).toEqual({ hits: count, misses: 0 });
    expect(shape(alone)).toEqual(shape(plain));

    replaceIn(root, 'contacts/person-007.md', /^title: .*$/m, 'title: Changed — with a dash');
    replaceIn(root, 'contacts/person-050.md', /^status: active$/m, 'status: nonsense');
    const edited = await loadRepo(root, { cache: join(root, '.cache') });
    expect(edited.cache).toEqual({ hits: count - 2, misses: 2 });
    expect(shape(edited)).toEqual(shape(await loadRepo(root)));
    expect(edited.diagnostics.some((d) => d.file === 'contacts/person-050.md')).toBe(true);
  }, 120_000);
});
