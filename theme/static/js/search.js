// The search page (/cari/): a small UI on Pagefind's JavaScript API. No framework, no build step.
// The form in search.html works without this script (its browse links lead to every product);
// with it, the query, filters and order live in the URL (?q=kopi&kategori=minuman&urut=harga),
// results load as you type, and facet counts follow the search. See docs/search.md.

const form = document.getElementById("cari");
const input = document.getElementById("q");
const sortSelect = document.getElementById("urut");
const panel = document.getElementById("saring");
const activeNote = document.getElementById("saring-aktif");
const clearButton = document.getElementById("hapus");
const statusLine = document.getElementById("cari-status");
const heading = document.getElementById("hasil-judul");
const list = document.getElementById("hasil");
const showing = document.getElementById("cari-tampil");
const moreButton = document.getElementById("lebih");
const config = JSON.parse(document.getElementById("cari-data").textContent);
const t = config.t;
const bundle = form.dataset.bundle;
const base = form.dataset.base;
const numberFormat = new Intl.NumberFormat("id-ID");
const pageTitle = document.title;

let pagefind = null;
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

// With nothing typed, search for the word every record holds: a filter-only search(null) would make
// Pagefind 1.5 download every index chunk (see BROWSE_TERM in etalase/search/records.py).
const termOf = (state) => state.q || config.browseTerm;

// Filter values of one facet are alternatives (any); different facets must all match.
function pagefindFilters(filters, except) {
  const out = {};
  for (const [key, values] of Object.entries(filters)) if (key !== except) out[key] = { any: values };
  return out;
}

async function loadPagefind() {
  if (!pagefind) {
    pagefind = await import(`${bundle}pagefind.js`);
    await pagefind.options({ baseUrl: base, noWorker: true });
    await pagefind.init();
  }
  return pagefind;
}

async function orderOf(key) {
  if (!orders[key]) {
    orders[key] = (async () => {
      const manifest = await (await fetch(`${bundle}urutan.json`, { cache: "no-cache" })).json();
      const ids = await (await fetch(bundle + manifest[key])).json();
      return new Map(ids.map((id, rank) => [id, rank]));
    })();
  }
  return orders[key];
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
    Object.assign(img, { src: base + meta.foto, alt: "", width: 320, height: 240, loading: "lazy", decoding: "async" });
    frame.append(img);
  }
  const title = document.createElement("h3");
  title.className = "card-title";
  title.textContent = meta.title;
  link.append(frame, title);
  item.append(link);
  if (meta.harga) {
    const price = document.createElement("p");
    price.className = "price";
    price.textContent = meta.harga;
    if (meta.satuan) {
      const unit = document.createElement("span");
      unit.className = "unit";
      unit.textContent = ` ${meta.satuan}`;
      price.append(unit);
    }
    item.append(price);
  }
  const seller = document.createElement("p");
  seller.className = "seller";
  seller.textContent = meta.penjual || "";
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

// Counts per facet value. The page was built with the counts of the whole catalogue; once a search
// narrows it, counts need every filter chunk, which is loaded only when the filter panel is open.
// A facet with ticked values is counted as if it were untouched, so its other values show what
// ticking them would add.
async function showCounts(state, ticket) {
  const spans = form.querySelectorAll("[data-count]");
  if (!allFiltersLoaded) {
    const untouched = !state.q && !Object.keys(state.filters).length;
    if (untouched || !panel.open) {
      for (const span of spans) span.hidden = !untouched;
      return;
    }
    await pagefind.filters();
    allFiltersLoaded = true;
  }
  const term = termOf(state);
  const counts = {};
  const all = await pagefind.search(term, { filters: pagefindFilters(state.filters) });
  for (const key of config.facets) {
    const found = state.filters[key] ? await pagefind.search(term, { filters: pagefindFilters(state.filters, key) }) : all;
    counts[key] = found.filters[key] || {};
  }
  if (ticket !== run) return;
  for (const key of config.facets) {
    for (const box of boxes(key)) {
      const span = box.parentElement.querySelector("[data-count]");
      span.textContent = `(${numberFormat.format(counts[key][box.value] || 0)})`;
      span.hidden = false;
    }
  }
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
    const pf = await loadPagefind();
    const found = await pf.search(termOf(state), { filters: pagefindFilters(state.filters) });
    const sorted = await ordered(found.results, state.sort, !state.q);
    if (ticket !== run) return;
    results = sorted;
    shown = 0;
    list.replaceChildren();
    await showMore(false);
    if (ticket !== run) return;
    statusLine.textContent = countMessage(state, results.length);
    if (options.focusResults) heading.focus();
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

form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(typing);
  search({ focusResults: true });
});
input.addEventListener("input", () => {
  clearTimeout(typing);
  form.setAttribute("data-busy", "");
  if (pagefind && input.value.trim()) pagefind.preload(input.value.trim());
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
  panel.querySelector("summary").focus();
  search();
});
moreButton.addEventListener("click", () => showMore(true));
window.addEventListener("popstate", restore);
clearButton.textContent = t.clear;
restore();
