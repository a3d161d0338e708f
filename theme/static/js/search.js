// The search page (/cari/): a small UI on Pagefind's JavaScript API. No framework, no build step.
// The form in search.html works without this script (its browse links lead to every product);
// with it, the query, filters and order live in the URL (?q=kopi&kategori=minuman&urut=harga),
// results load as you type, facet counts follow the search, and on a phone the filters open as a
// sheet. Every count counts results (products and sellers). See docs/search.md.

import { lexiconOf, reveal } from "./lexicon.js";

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
const config = JSON.parse(document.getElementById("cari-data").textContent);
const t = config.t;
const lexicon = lexiconOf(config.lexicon);
const phone = window.matchMedia("(max-width: 47.99em)");
const bundle = form.dataset.bundle;
const base = form.dataset.base;
const numberFormat = new Intl.NumberFormat("id-ID");
const pageTitle = document.title;

let pagefind = null;
let sentinel = null;
let allFiltersLoaded = false;
let run = 0;
let results = [];
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

// What Pagefind is asked for: the query's terms through the lexicon, or with nothing typed the word every
// record holds (a filter-only search(null) would make Pagefind 1.5 download every index chunk, see
// BROWSE_TERM in etalase/search/records.py). A query of nothing but punctuation asks for nothing.
function queryOf(state) {
  const terms = lexicon.terms(state.q);
  return { terms, text: state.q ? terms.join(" ") : config.browseTerm, empty: Boolean(state.q) && !terms.length };
}

// Filter values of one facet are alternatives (any); different facets must all match.
function pagefindFilters(filters, except) {
  const out = {};
  for (const [key, values] of Object.entries(filters)) if (key !== except) out[key] = { any: values };
  return out;
}

// The bundle's manifest (etalase/search/index.py): the order lists and the sentinel's page ID.
let manifest = null;
const manifestOf = () => (manifest ??= fetch(`${bundle}cari.json`, { cache: "no-cache" }).then((r) => r.json()));

async function loadPagefind() {
  if (!pagefind) {
    const [module, { penjaga }] = await Promise.all([import(`${bundle}pagefind.js`), manifestOf()]);
    await module.options({ baseUrl: base, noWorker: true });
    await module.init();
    [pagefind, sentinel] = [module, penjaga];
  }
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
// ("xyzzy" -> "x"). The sentinel record (etalase/search/sentinel.py) holds every word such a fallback
// can land on: when it is among the unfiltered results and a term cannot match it as a prefix, the
// query matched nothing. The sentinel itself is never shown or counted.
async function matching(query, filters) {
  if (query.empty) return { results: [], filters: {} };
  const found = await pagefind.search(query.text, { filters });
  const results = found.results.filter((r) => r.id !== sentinel);
  if (results.length && query.terms.some((term) => !lexicon.reachesSentinel(term))) {
    const all = Object.keys(filters).length ? await pagefind.search(query.text) : found;
    if (all.results.some((r) => r.id === sentinel)) return { results: [], filters: {} };
  }
  return { results, filters: found.filters };
}

// Results with a value come first, ordered; the others (e.g. price on request) follow in relevance order.
// With nothing typed, relevance means nothing: results go by page ID (a hash of the URL: stable, favours no one).
async function ordered(found, sort, browsing) {
  if (!sort) return browsing ? [...found].sort((a, b) => (a.id < b.id ? -1 : 1)) : found;
  const [key, direction] = config.sorts[sort];
  const rank = await orderOf(key);
  const listed = found.filter((r) => rank.has(r.id));
  listed.sort((a, b) => direction * (rank.get(a.id) - rank.get(b.id)));
  return listed.concat(found.filter((r) => !rank.has(r.id)));
}

function card(data) {
  const meta = data.meta;
  const item = document.createElement("li");
  item.className = "card";
  const link = document.createElement("a");
  link.className = "card-link";
  link.href = data.url;
  const frame = document.createElement("span");
  frame.className = (data.filters.tipe || []).includes("penjual") ? "thumb seller-thumb" : "thumb";
  if (meta.foto) {
    const img = document.createElement("img");
    Object.assign(img, { src: base + reveal(meta.foto), alt: "", width: 320, height: 240, loading: "lazy",
      decoding: "async" });
    frame.append(img);
  }
  const title = document.createElement("h3");
  title.className = "card-title";
  title.textContent = lexicon.shown(meta.title);
  link.append(frame, title);
  item.append(link);
  if (meta.harga) {
    const price = document.createElement("p");
    price.className = "price";
    price.textContent = reveal(meta.harga);
    if (meta.satuan) {
      const unit = document.createElement("span");
      unit.className = "unit";
      unit.textContent = ` ${reveal(meta.satuan)}`;
      price.append(unit);
    }
    item.append(price);
  }
  const seller = document.createElement("p");
  seller.className = "seller";
  seller.textContent = meta.penjual ? reveal(meta.penjual) : "";
  item.append(seller);
  const badges = [];
  if ((data.filters.sertifikasi || []).includes("halal")) badges.push(["halal", t.halal]);
  if ((data.filters.pdn || []).length) badges.push(["pdn", t.must_buy]);
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
  const next = results.slice(shown, shown + config.perPage);
  const datas = await Promise.all(next.map((result) => result.data()));
  if (ticket !== run) return;
  const cards = datas.map(card);
  list.append(...cards);
  shown += next.length;
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
// filter chunk, which is loaded only while the filters are shown (panel or sheet). A facet with ticked
// values is counted as if it were untouched, so its other values show what ticking them would add.
async function showCounts(state, ticket) {
  const spans = form.querySelectorAll("[data-count]");
  if (!allFiltersLoaded) {
    const untouched = !state.q && !Object.keys(state.filters).length;
    if (untouched || !filtersShown()) {
      for (const span of spans) span.hidden = !untouched;
      showOptions(null);
      return;
    }
    await pagefind.filters();
    allFiltersLoaded = true;
  }
  const query = queryOf(state);
  const counts = {};
  const all = await matching(query, pagefindFilters(state.filters));
  for (const key of config.facets) {
    const found = state.filters[key] ? await matching(query, pagefindFilters(state.filters, key)) : all;
    counts[key] = found.filters[key] || {};
  }
  if (ticket !== run) return;
  for (const span of spans) span.hidden = false;
  showOptions(counts);
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
    await loadPagefind();
    const found = await matching(queryOf(state), pagefindFilters(state.filters));
    const sorted = await ordered(found.results, state.sort, !state.q);
    if (ticket !== run) return;
    results = sorted;
    shown = 0;
    list.replaceChildren();
    await showMore(false);
    if (ticket !== run) return;
    statusLine.textContent = countMessage(state, results.length);
    applyButton.textContent = fill(t.apply, { count: numberFormat.format(results.length) });
    if (options.focusResults) showResults();
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
  if (!allFiltersLoaded && pagefind) {
    const ticket = run;
    form.setAttribute("data-busy", "");
    showCounts(formState(), ticket).finally(() => ticket === run && form.removeAttribute("data-busy"));
  }
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
  if (pagefind && query.terms.length) pagefind.preload(query.text);
  typing = setTimeout(search, 300);
});
form.addEventListener("change", (event) => {
  if (event.target !== input) search();
});
panel.addEventListener("toggle", () => {
  if (!panel.open || allFiltersLoaded || !pagefind) return;
  const ticket = run;
  form.setAttribute("data-busy", "");
  showCounts(formState(), ticket).finally(() => ticket === run && form.removeAttribute("data-busy"));
});
clearButton.addEventListener("click", () => {
  for (const key of config.facets) for (const box of boxes(key)) box.checked = false;
  if (!sheet.open) panel.querySelector("summary").focus();
  search();
});
moreButton.addEventListener("click", () => showMore(true));
window.addEventListener("popstate", restore);
clearButton.textContent = t.clear;
restore();
