// Search with the Pagefind index written by the build. Loaded as a file: the CSP forbids inline scripts.
const form = document.querySelector('form.search');
const input = document.getElementById('q');
const results = document.getElementById('results');
const base = new URL('../', document.currentScript?.src ?? import.meta.url).pathname;

let pagefind;
let parted = false;
async function load() {
  if (pagefind) return pagefind;
  const pf = await import(`${base}pagefind/pagefind.js`);
  // A large site's index is written in parts, listed beside the first: searched as one index.
  const parts = await fetch(`${base}pagefind/firebreak-parts.json`).then((r) => (r.ok ? r.json() : []), () => []);
  for (const part of Array.isArray(parts) ? parts : []) {
    if (typeof part === 'string' && /^part-\d+\/$/.test(part)) {
      await pf.mergeIndex(`${base}pagefind/${part}`);
      parted = true;
    }
  }
  pagefind = pf;
  return pagefind;
}

/** Each word of the term, lower case, as a pattern that finds it whole in a page's text. */
function wholeWords(term) {
  return term.toLowerCase().split(/\s+/).map((w) => w.replace(/"/g, '')).filter(Boolean)
    .map((w) => new RegExp(`(?:^|[^\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[^\\p{L}\\p{N}])`, 'u'));
}

function text(tag, value, cls) {
  const el = document.createElement(tag);
  el.textContent = value;
  if (cls) el.className = cls;
  return el;
}

async function run(term) {
  results.replaceChildren();
  if (!term.trim()) return;
  let pf;
  try {
    pf = await load();
  } catch {
    results.append(text('p', 'There is nothing to search in this build yet.'));
    return;
  }
  const search = await pf.search(term);
  // Pagefind matches a word by its beginning ("detect" finding "detection") only where no page
  // holds the word itself. An index in parts decides that part by part, so it finds more pages
  // than one index would: read more of them, to list those that hold the words whole first.
  const found = await Promise.all(search.results.slice(0, parted ? 40 : 20).map((r) => r.data()));
  // An exact id or title first, whatever the word counts say; then pages holding every word whole.
  const exact = (item) => [item.meta?.id, item.meta?.title].some((v) => v && v.toLowerCase() === term.trim().toLowerCase());
  const words = wholeWords(term);
  const whole = (item) => words.every((w) => w.test(item.content.toLowerCase()));
  const rank = (item) => (exact(item) ? 2 : whole(item) ? 1 : 0);
  found.sort((a, b) => rank(b) - rank(a));
  found.length = Math.min(found.length, 20);
  results.append(text('p', `${search.results.length} result${search.results.length === 1 ? '' : 's'} for “${term}”`));
  const list = document.createElement('ol');
  list.className = 'results';
  for (const item of found) {
    const li = document.createElement('li');
    const a = text('a', item.meta?.title ?? item.url);
    a.href = item.url;
    li.append(a);
    // What it is: id, kind and status, from the page's own metadata.
    const about = [item.meta?.id, item.meta?.type, item.meta?.status].filter(Boolean).join(' · ');
    if (about) li.append(text('p', about, 'result-meta'));
    // Excerpts come from the index as HTML with <mark>; show them as text only, spaced.
    li.append(text('p', item.excerpt.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim(), 'muted'));
    list.append(li);
  }
  results.append(list);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const term = input.value;
  history.replaceState(null, '', `?q=${encodeURIComponent(term)}`);
  run(term);
});

const initial = new URLSearchParams(location.search).get('q');
if (initial) {
  input.value = initial;
  run(initial);
}
