// The search page (/cari/): a small UI on Pagefind's JavaScript API. No framework, no build step.
// The form in search.html works without this script (its browse links lead to every product);
// with it, the query, filters and order live in the URL (?q=kopi&kategori=minuman&urut=harga),
// results load as you type, facet counts follow the search, and on a phone the filters open as a
// sheet. Every count counts results (products and sellers). With nothing typed, results come from
// the static browse lists (./browse.js), and Pagefind is not loaded at all. See docs/search.md.

import { browseCounts, browseResults, loadAllSets, suggestion } from "./browse.js";
import { lexiconOf } from "./lexicon.js";

const form = document.getElementById("cari");
const input = document.getElementById("q");
const sortSelect = document.getElementById("urut");
const panel = document.getElementById("saring");
const panelBody = document.getElementById("saring-isi");
const sheet = document.getElementById("saring-lembar");
const sheetSlot = document.getElementById("saring-tempat");
const applyButton = document.getElementById("terapkan");
const activeNote = document.getElementById("saring-aktif");
const clearButton = document.getElementById("hapus");
const statusLine = document.getElementById("cari-status");
const heading = document.getElementById("hasil-judul");
const list = document.getElementById("hasil");
const showing = document.getElementById("cari-tampil");
const moreButton = document.getElementById("lebih");
const suggestLine = document.getElementById("cari-saran");
const config = JSON.parse(document.getElementById("cari-data").textContent);
const t = config.t;
const lexicon = lexiconOf(config.lexicon);
const phone = window.matchMedia("(max-width: 47.99em)");
const bundle = form.dataset.bundle;
const base = form.dataset.base;
const numberFormat = new Intl.NumberFormat("id-ID");
const pageTitle = document.title;

let pagefind = null;
let sentinels = [];
let allFiltersLoaded = false;
let allSetsLoaded = false;
let run = 0;
let results = { length: 0, load: async () => [] };
let shown = 0;
let typing = 0;
const orders = {};

const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, key) => values[key] ?? "");
const boxes = (key) => [...form.querySelectorAll(`input[type=checkbox][name="${key}"]`)];

function readState(params) {
  const state = { q: (params.get("q") || "").trim(), sort: params.get("urut") || "", filters: {} };
  if (!(state.sort in config.sorts)) state.sort = "";
  for (const key of config.facets) {
    const values = params.getAll(key).filter((value) => boxes(key).some((box) => box.value === value));
    if (values.length) state.filters[key] = values;
  }
  return state;
}

function formState() {
  return readState(new FormData(form));
}

function showState(state) {
  input.value = state.q;
  sortSelect.value = state.sort;
  for (const key of config.facets) {
    for (const box of boxes(key)) box.checked = (state.filters[key] || []).includes(box.value);
  }
}

function stateUrl(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const key of config.facets) for (const value of state.filters[key] || []) params.append(key, value);
  if (state.sort) params.set("urut", state.sort);
  const query = params.toString();
  return location.pathname + (query ? `?${query}` : "");
}

// What Pagefind is asked for: the query's terms through the lexicon (only when something is typed: with
// nothing typed the browse lists answer). A query of nothing but punctuation asks for nothing.
function queryOf(state) {
  const terms = lexicon.terms(state.q);
  return { terms, text: terms.join(" "), empty: !terms.length };
}

// Filter values of one facet are alternatives (any); different facets must all match.
function pagefindFilters(filters, except) {
  const out = {};
  for (const [key, values] of Object.entries(filters)) if (key !== except) out[key] = { any: values };
  return out;
}

// The bundle's manifest (etalase/search/index.py): the order lists, each shard's sentinel page ID, and
// the folders of the shards other than the primary (etalase/search/shards.py).
let manifest = null;
const manifestOf = () => (manifest ??= fetch(`${bundle}cari.json`, { cache: "no-cache" }).then((r) => r.json()));

// Pagefind (its script, 68 KB of wasm, its metadata) starts only once the page has painted and a
// query is typed, so the page's first view never waits for it.
const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
let starting = null;
const loadPagefind = () => (starting ??= startPagefind().catch((error) => {
  starting = null;
  throw error;
}));

async function startPagefind() {
  await painted();
  const [module, { penjaga, bagian }] = await Promise.all([import(`${bundle}pagefind.js`), manifestOf()]);
  const shard = (index) => (bagian.length ? { mergeFilter: { bagian: String(index) } } : {});
  await module.options({ baseUrl: base, noWorker: true, ...shard(0) });
  await module.init();
  // Merged shards load their metadata and chunks only: the wasm is the primary's.
  await Promise.all(bagian.map((path, i) => module.mergeIndex(bundle + path, { baseUrl: base, ...shard(i + 1) })));
  [pagefind, sentinels] = [module, penjaga];
  return pagefind;
}

async function orderOf(key) {
  if (!orders[key]) {
    orders[key] = (async () => {
      const ids = await (await fetch(bundle + (await manifestOf()).urutan[key])).json();
      return new Map(ids.map((id, rank) => [id, rank]));
    })();
  }
  return orders[key];
}

// Pagefind answers a word that no indexed word starts with by the longest indexed word that begins it
// ("xyzzy" -> "x"), in each shard of the index on its own. Each shard's sentinel record
// (etalase/search/sentinel.py) holds every word such a fallback can land on: when it is among the
// unfiltered results and a term cannot match it as a prefix, the query matched nothing in that shard,
// and the shard's results are set aside (by its synthetic filter "bagian"). Sentinels are never shown.
async function matching(query, filters) {
  if (query.empty) return { results: [], filters: {} };
  const all = await pagefind.search(query.text);
  const checked = query.terms.some((term) => !lexicon.reachesSentinel(term));
  const hit = new Set(all.results.map((r) => r.id));
  const fell = checked ? sentinels.flatMap((id, shard) => (hit.has(id) ? [shard] : [])) : [];
  if (fell.length === sentinels.length) return { results: [], filters: {} };
  const kept = sentinels.map((_, shard) => String(shard)).filter((shard) => !fell.includes(Number(shard)));
  const scoped = fell.length ? { ...filters, bagian: { any: kept } } : filters;
  const found = Object.keys(scoped).length ? await pagefind.search(query.text, { filters: scoped }) : all;
  const hidden = new Set(sentinels);
  return { results: found.results.filter((r) => !hidden.has(r.id)), filters: found.filters };
}

// Results with a value come first, ordered; the others (e.g. price on request) follow in relevance order.
async function ordered(found, sort) {
  if (!sort) return found;
  const [key, direction] = config.sorts[sort];
  const rank = await orderOf(key);
  const listed = found.filter((r) => rank.has(r.id));
  listed.sort((a, b) => direction * (rank.get(a.id) - rank.get(b.id)));
  return listed.concat(found.filter((r) => !rank.has(r.id)));
}

// A Pagefind result's data as a card's fields (the same fields as a browse list's card, see browse.js).
// Its fragment holds the card's fields in clear (etalase/search/compact.py, records.card_meta).
function cardOf(data) {
  const meta = data.meta;
  const filters = data.filters;
  return {
    url: data.url, title: meta.title, harga: meta.harga || "", satuan: meta.satuan || "",
    penjual: meta.penjual || "", foto: meta.foto || "", seller: (filters.tipe || []).includes("penjual"),
    halal: (filters.sertifikasi || []).includes("halal"), pdn: Boolean((filters.pdn || []).length),
  };
}

// Pagefind's results as a list of cards loaded a step at a time (one fragment per result).
const pagefindList = (found) => ({
  length: found.length,
  load: async (from, to) => (await Promise.all(found.slice(from, to).map((result) => result.data()))).map(cardOf),
});

async function typedResults(state) {
  await loadPagefind();
  const found = await matching(queryOf(state), pagefindFilters(state.filters));
  return pagefindList(await ordered(found.results, state.sort));
}

function card(data) {
  const item = document.createElement("li");
  item.className = "card";
  const link = document.createElement("a");
  link.className = "card-link";
  link.href = data.url;
  const frame = document.createElement("span");
  frame.className = data.seller ? "thumb seller-thumb" : "thumb";
  if (data.foto) {
    const img = document.createElement("img");
    Object.assign(img, { src: base + data.foto, alt: "", width: 320, height: 240, loading: "lazy",
      decoding: "async" });
    frame.append(img);
  }
  const title = document.createElement("h3");
  title.className = "card-title";
  title.textContent = data.title;
  link.append(frame, title);
  item.append(link);
  if (data.harga) {
    const price = document.createElement("p");
    price.className = "price";
    price.textContent = data.harga;
    if (data.satuan) {
      const unit = document.createElement("span");
      unit.className = "unit";
      unit.textContent = ` ${data.satuan}`;
      price.append(unit);
    }
    item.append(price);
  }
  const seller = document.createElement("p");
  seller.className = "seller";
  seller.textContent = data.penjual;
  item.append(seller);
  const badges = [];
  if (data.halal) badges.push(["halal", t.halal]);
  if (data.pdn) badges.push(["pdn", t.must_buy]);
  if (badges.length) {
    const ul = document.createElement("ul");
    ul.className = "badges";
    for (const [kind, label] of badges) {
      const li = document.createElement("li");
      li.className = `badge ${kind}`;
      li.textContent = label;
      ul.append(li);
    }
    item.append(ul);
  }
  return item;
}

async function showMore(focusFirst) {
  const ticket = run;
  const datas = await results.load(shown, shown + config.perPage);
  if (ticket !== run) return;
  const cards = datas.map(card);
  list.append(...cards);
  shown += datas.length;
  const left = results.length - shown;
  showing.textContent = results.length ? fill(t.showing, { shown: numberFormat.format(shown),
    count: numberFormat.format(results.length) }) : "";
  moreButton.hidden = left <= 0;
  moreButton.textContent = fill(t.more, { count: numberFormat.format(Math.min(left, config.perPage)) });
  if (focusFirst && cards.length) cards[0].querySelector("a").focus();
}

function countMessage(state, count) {
  const values = { count: numberFormat.format(count), query: state.q };
  if (!count) return fill(state.q ? t.none_query : t.none, values);
  return fill(state.q ? t.count_query : t.count, values);
}

function showActive(state) {
  const active = Object.values(state.filters).reduce((sum, values) => sum + values.length, 0);
  activeNote.textContent = active ? `(${fill(t.active, { count: active })})` : "";
  clearButton.hidden = !active;
}

const filtersShown = () => panel.open || sheet.open;

// An option that no result carries is hidden, unless it is ticked; a fieldset with none left is hidden too.
function showOptions(counts) {
  for (const fieldset of form.querySelectorAll(".facets fieldset")) {
    let shown = 0;
    for (const box of fieldset.querySelectorAll("input[type=checkbox]")) {
      const count = counts ? counts[box.name][box.value] || 0 : null;
      const span = box.parentElement.querySelector("[data-count]");
      if (counts) span.textContent = `(${numberFormat.format(count)})`;
      box.parentElement.hidden = count === 0 && !box.checked;
      shown += box.parentElement.hidden ? 0 : 1;
    }
    fieldset.hidden = !shown;
  }
}

// Counts per facet value, in results (products and sellers) like the status line and the browse chips.
// The page was built with the counts of the whole catalogue; once a search narrows it, counts need every
// filter chunk (typed) or every facet value's list (nothing typed), loaded only while the filters are
// shown (panel or sheet). A facet with ticked values is counted as if it were untouched, so its other
// values show what ticking them would add.
async function showCounts(state, ticket) {
  const spans = form.querySelectorAll("[data-count]");
  if (state.q && !pagefind) return; // the typed search that loads Pagefind counts when it ends
  if (!(state.q ? allFiltersLoaded : allSetsLoaded)) {
    const untouched = !state.q && !Object.keys(state.filters).length;
    if (untouched || !filtersShown()) {
      for (const span of spans) span.hidden = !untouched;
      showOptions(null);
      return;
    }
    if (state.q) await pagefind.filters();
    else await loadAllSets(bundle);
    [allFiltersLoaded, allSetsLoaded] = state.q ? [true, allSetsLoaded] : [allFiltersLoaded, true];
  }
  const counts = state.q ? await typedCounts(state) : await browseCounts(bundle, state.filters, config.facets);
  if (ticket !== run) return;
  for (const span of spans) span.hidden = false;
  showOptions(counts);
}

async function typedCounts(state) {
  const query = queryOf(state);
  const counts = {};
  const all = await matching(query, pagefindFilters(state.filters));
  for (const key of config.facets) {
    const found = state.filters[key] ? await matching(query, pagefindFilters(state.filters, key)) : all;
    counts[key] = found.filters[key] || {};
  }
  return counts;
}

// When a typed query finds nothing: the nearest words of names ("Mungkin maksud Anda: kopi") and the
// browse view, from the small word list of the browse lists.
async function showSuggestion(state, ticket) {
  suggestLine.replaceChildren();
  if (!state.q || results.length) return;
  const words = await suggestion(bundle, state.q);
  if (ticket !== run) return;
  const link = (text, href) => Object.assign(document.createElement("a"), { textContent: text, href });
  const parts = words ? [`${t.suggest} `, link(words, `${location.pathname}?q=${encodeURIComponent(words)}`),
    ". "] : [];
  suggestLine.append(...parts, link(t.browse_all, location.pathname));
}

async function search(options = {}) {
  const ticket = ++run;
  const state = formState();
  const url = stateUrl(state);
  if (url !== location.pathname + location.search) history.replaceState(null, "", url);
  document.title = state.q ? `${state.q} – ${pageTitle}` : pageTitle;
  showActive(state);
  statusLine.textContent = t.loading;
  form.setAttribute("data-busy", "");
  try {
    const found = state.q ? await typedResults(state) : await browseResults(bundle, state, config);
    if (ticket !== run) return;
    results = found;
    shown = 0;
    list.replaceChildren();
    await showMore(false);
    if (ticket !== run) return;
    list.removeAttribute("data-start"); // the space kept for the first results (no layout shift) is theirs now
    statusLine.textContent = countMessage(state, results.length);
    applyButton.textContent = fill(t.apply, { count: numberFormat.format(results.length) });
    if (options.focusResults) showResults();
    await showSuggestion(state, ticket);
    await showCounts(state, ticket);
  } catch (error) {
    if (ticket === run) statusLine.textContent = t.error;
    console.error(error);
  } finally {
    if (ticket === run) form.removeAttribute("data-busy");
  }
}

function restore() {
  showState(readState(new URLSearchParams(location.search)));
  search();
}

// Focus the results heading (which also closes a phone's keyboard) and bring it to the top of the screen.
function showResults() {
  heading.focus({ preventScroll: true });
  heading.scrollIntoView({ block: "start" });
}

// On a phone the filters open as a modal sheet: the panel's body moves into a <dialog> (focus stays
// inside, Escape closes it) and back when it closes; focus then returns to the "Saring hasil" button.
function openSheet() {
  sheetSlot.append(panelBody);
  sheet.showModal();
  refreshCounts();
}

// Counts for the filters just shown (showCounts loads what they need once).
function refreshCounts() {
  const ticket = run;
  form.setAttribute("data-busy", "");
  showCounts(formState(), ticket).finally(() => ticket === run && form.removeAttribute("data-busy"));
}

sheet.addEventListener("close", () => {
  panel.append(panelBody);
  if (sheet.returnValue !== "apply") panel.querySelector("summary").focus();
  sheet.returnValue = "";
});
panel.querySelector("summary").addEventListener("click", (event) => {
  if (!phone.matches) return;
  event.preventDefault();
  openSheet();
});
document.getElementById("saring-tutup").addEventListener("click", () => sheet.close());

form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(typing);
  if (sheet.open) sheet.close("apply");
  search({ focusResults: true });
});
input.addEventListener("input", () => {
  clearTimeout(typing);
  form.setAttribute("data-busy", "");
  const query = queryOf({ q: input.value.trim() });
  if (pagefind && !query.empty) pagefind.preload(query.text);
  typing = setTimeout(search, 300);
});
form.addEventListener("change", (event) => {
  if (event.target !== input) search();
});
panel.addEventListener("toggle", () => {
  if (panel.open) refreshCounts();
});
clearButton.addEventListener("click", () => {
  for (const key of config.facets) for (const box of boxes(key)) box.checked = false;
  if (!sheet.open) panel.querySelector("summary").focus();
  search();
});
let loadingMore = null; // one step at a time: a second click while cards load would load the same ones again
moreButton.addEventListener("click", () => (loadingMore ??= showMore(true).finally(() => (loadingMore = null))));
input.addEventListener("focus", () => loadPagefind().catch(() => {}), { once: true }); // ready before typing ends
window.addEventListener("popstate", restore);
clearButton.textContent = t.clear;
restore();
