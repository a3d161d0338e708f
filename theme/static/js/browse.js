// The browse view of /cari/ (nothing typed, any filters, any order) from the static lists the build writes
// into pagefind/daftar/ (etalase/search/lists.py), without Pagefind: the manifest, the lists of the ticked
// facet values, the order files as far as the page needs, and the card files of the cards shown.
// Also the word list for "Mungkin maksud Anda" when a typed query finds nothing. See docs/search.md.

const files = new Map();
let manifest = null;

const manifestOf = (bundle) =>
  (manifest ??= fetch(`${bundle}daftar/indeks.json`, { cache: "no-cache" }).then((r) => r.json()));

// A list file (content-addressed folder: cached as it is), fetched once.
async function file(bundle, path) {
  const m = await manifestOf(bundle);
  const url = bundle + m.folder + path;
  if (!files.has(url)) files.set(url, fetch(url).then((r) => (r.ok ? r.json() : Promise.reject(new Error(url)))));
  return files.get(url);
}

// The ordinals of the records carrying one facet value, ascending (the file holds the first and the gaps).
const sets = new Map();
async function setOf(bundle, key, value) {
  const name = `${key}/${value}`;
  if (!sets.has(name)) {
    sets.set(name, file(bundle, `${name}.json`).then((gaps) => {
      let at = 0;
      return gaps.map((gap) => (at += gap));
    }));
  }
  return sets.get(name);
}

// Every facet value's list: what live counts need once the filters are shown.
export async function loadAllSets(bundle) {
  const m = await manifestOf(bundle);
  const loads = Object.entries(m.counts).flatMap(([key, values]) => Object.keys(values).map((v) => setOf(bundle, key, v)));
  await Promise.all(loads);
}

// The records matching the ticked values (values of one facet: any; facets: all), except facet `except`,
// as a Uint8Array of n flags, or null when nothing is ticked (every record matches).
async function matchFlags(bundle, n, filters, except) {
  const active = Object.entries(filters).filter(([key, values]) => key !== except && values.length);
  if (!active.length) return null;
  const hits = new Uint8Array(n);
  for (const [key, values] of active) {
    const seen = new Uint8Array(n);
    for (const value of values) for (const id of await setOf(bundle, key, value)) seen[id] = 1;
    for (let id = 0; id < n; id++) hits[id] += seen[id];
  }
  for (let id = 0; id < n; id++) hits[id] = hits[id] === active.length ? 1 : 0;
  return hits;
}

// The matching ordinals in an order: the order's files are read one at a time until the page is full;
// records without a value (a price on request, a seller) follow the listed ones in browse order.
function orderedIds(bundle, m, flags, sort, sorts) {
  const members = [];
  for (let id = 0; id < m.n; id++) if (!flags || flags[id]) members.push(id);
  if (!sort) return { length: members.length, take: async (from, to) => members.slice(from, to) };
  const [key, direction] = sorts[sort];
  const chunks = Math.ceil(m.orders[key] / m.orderChunk);
  const listed = new Uint8Array(m.n);
  const sequence = [];
  let read = 0;
  let tail = false;
  const fill = async (count) => {
    while (sequence.length < count && read < chunks) {
      const ids = await file(bundle, `urutan/${key}-${direction > 0 ? read : chunks - 1 - read}.json`);
      for (const id of direction > 0 ? ids : [...ids].reverse()) {
        listed[id] = 1;
        if (!flags || flags[id]) sequence.push(id);
      }
      read += 1;
    }
    if (sequence.length < count && read >= chunks && !tail) {
      tail = true;
      for (const id of members) if (!listed[id]) sequence.push(id);
    }
  };
  return { length: members.length, take: async (from, to) => (await fill(to), sequence.slice(from, to)) };
}

const cardOf = ([url, title, harga, satuan, penjual, foto, seller, halal, pdn]) =>
  ({ url, title, harga, satuan, penjual, foto, seller: seller === 1, halal: halal === 1, pdn: pdn === 1 });

// The results of a view with nothing typed: { length, load(from, to) -> cards }.
export async function browseResults(bundle, state, config) {
  const m = await manifestOf(bundle);
  const ids = orderedIds(bundle, m, await matchFlags(bundle, m.n, state.filters), state.sort, config.sorts);
  return {
    length: ids.length,
    load: async (from, to) => {
      const wanted = await ids.take(from, to);
      const chunks = await Promise.all(wanted.map((id) => file(bundle, `kartu-${Math.floor(id / m.perFile)}.json`)));
      return wanted.map((id, i) => cardOf(chunks[i][id % m.perFile]));
    },
  };
}

// Counts per facet value for a view with nothing typed (every list loaded: loadAllSets).
export async function browseCounts(bundle, filters, facets) {
  const m = await manifestOf(bundle);
  const all = await matchFlags(bundle, m.n, filters);
  const counts = {};
  for (const key of facets) {
    const flags = filters[key] ? await matchFlags(bundle, m.n, filters, key) : all;
    counts[key] = {};
    for (const value of Object.keys(m.counts[key] || {})) {
      const ids = await setOf(bundle, key, value);
      counts[key][value] = flags ? ids.reduce((sum, id) => sum + flags[id], 0) : ids.length;
    }
  }
  return counts;
}

// Optimal string alignment distance (an adjacent swap counts one), giving up above `limit`.
function distance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = null;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j], before[j - 2] + 1);
      }
    }
    [before, previous] = [previous, row];
  }
  return previous[b.length];
}

// The query with each unknown word replaced by the nearest word of names (most frequent on a tie), or
// null when nothing near is known. Words up to four letters may be one edit off, longer ones two.
export async function suggestion(bundle, query) {
  const words = await file(bundle, "kata.json");
  const known = new Set(words.map(([word]) => word));
  const typed = query.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().match(/[a-z]+/g) ?? [];
  let changed = false;
  const near = typed.map((word) => {
    if (word.length < 3 || known.has(word)) return word;
    const limit = word.length <= 4 ? 1 : 2;
    let best = null;
    let bestDistance = limit + 1;
    for (const [candidate] of words) {
      const d = distance(word, candidate, limit);
      if (d < bestDistance) [best, bestDistance] = [candidate, d];
    }
    changed ||= best !== null;
    return best ?? word;
  });
  return changed ? near.join(" ") : null;
}
