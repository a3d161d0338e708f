// The buyer's shortlist (daftar pilihan), loaded with `defer` on every page: progressive enhancement only.
// Every page: reveal the "Simpan ke daftar" toggles (button[data-save]) and the header's count. /daftar/
// (#daftar): fetch the data files (daftar/produk/<n>.json) that hold the listed IDs and show the list with
// quantities, total, compare, share, CSV and print. The list lives in localStorage as [[id, quantity], ...];
// nothing leaves the browser but the data file requests, which name only a file number. Texts come from the
// page (strings.py); data is put in with textContent, never as HTML.
(function () {
  "use strict";
  var KEY = "etalase-daftar", MAX_COMPARE = 4;
  var doc = document;

  function load() {
    try {
      var list = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(list) ? list.filter(function (e) { return Array.isArray(e) && typeof e[0] === "string"; }) : [];
    } catch (e) { return []; }
  }
  function store(list) {
    try { window.localStorage.setItem(KEY, JSON.stringify(list)); } catch (e) { /* private mode: this page only */ }
  }
  function find(list, id) {
    for (var i = 0; i < list.length; i++) { if (list[i][0] === id) { return i; } }
    return -1;
  }
  function fill(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }
  function say(node, text) {
    if (!node) { return; }
    node.textContent = "";
    window.setTimeout(function () { node.textContent = text; }, 50);
  }

  // Every page: toggles and the header count.
  function refresh() {
    var list = load();
    doc.querySelectorAll("[data-shortlist-count]").forEach(function (n) { n.textContent = "(" + list.length + ")"; });
    doc.querySelectorAll("[data-shortlist-nav]").forEach(function (n) { n.hidden = false; });
    doc.querySelectorAll("button[data-save]").forEach(function (b) {
      b.hidden = false;
      b.setAttribute("aria-pressed", String(find(list, b.getAttribute("data-save")) >= 0));
    });
  }
  doc.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-save]");
    if (!button) { return; }
    var id = button.getAttribute("data-save"), list = load(), at = find(list, id);
    if (at >= 0) { list.splice(at, 1); } else { list.push([id, Number(button.getAttribute("data-min")) || 1]); }
    store(list);
    refresh();
    var status = doc.querySelector("[data-shortlist-status]");
    if (status) {
      say(status, fill(status.getAttribute(at >= 0 ? "data-removed" : "data-added"),
                       { name: button.getAttribute("data-name"), count: list.length }));
    }
  });
  window.addEventListener("storage", function (event) { if (event.key === KEY) { refresh(); } });
  refresh();

  var root = doc.getElementById("daftar");
  if (!root) { return; }

  // /daftar/
  var T = JSON.parse(doc.getElementById("daftar-teks").textContent);
  var site = root.getAttribute("data-site");
  var shared = new URLSearchParams(window.location.search).get("d");
  var items = shared !== null ? parse(shared) : load();
  var data = null, comparing = [];
  var part = function (name) { return root.querySelector("[data-" + name + "]"); };
  var list = part("items"), notices = part("notices");

  function parse(text) {
    var out = [];
    text.split(",").forEach(function (pair) {
      var bits = pair.split(":"), id = bits[0], q = parseInt(bits[1], 10);
      if (/^[a-z0-9-]{1,80}$/.test(id) && find(out, id) < 0) { out.push([id, q > 0 ? q : 1]); }
    });
    return out;
  }
  function el(tag, attrs, children) {
    var node = doc.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; } else if (attrs[k] !== null && attrs[k] !== false) {
        node.setAttribute(k, attrs[k] === true ? "" : attrs[k]);
      }
    });
    (children || []).forEach(function (c) { if (c) { node.appendChild(c); } });
    return node;
  }
  function rupiah(n) { return "Rp\u00a0" + String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "."); }
  function range(low, high) { return low === high ? rupiah(low) : rupiah(low) + "\u2013" + rupiah(high); }
  function absolute(url) { return new URL(url, window.location.href).href; }
  function product(id) { return data.products[id]; }
  function seller(p) { return data.sellers[p.seller] || {}; }
  function priced(p) { return p.price.kind !== "permintaan" && p.price.low !== null; }
  function subtotal(p, q) { return [p.price.low * q, (p.price.high === null ? p.price.low : p.price.high) * q]; }
  function save() { if (shared === null) { store(items); refresh(); } }
  function note(text, extra) { notices.appendChild(el("p", { "class": "notice", text: text }, extra)); }

  // Old IDs follow their product (id_lama); unknown IDs stay in place, reported.
  function resolve() {
    var out = [], changed = false;
    items.forEach(function (entry) {
      var id = entry[0], now = product(id) ? id : data.moved[id];
      if (now && now !== id) { changed = true; note(fill(T.moved, { old: id, id: now, name: product(now).name })); }
      if (now && find(out, now) < 0) { out.push([now, entry[1]]); } else if (!now) { out.push(entry); }
    });
    items = out;
    if (changed) { save(); }
  }

  function fact(label, value) { return [el("dt", { text: label }), el("dd", { text: value })]; }
  function facts(p, s) {
    var rows = [
      fact(T.price, p.price.text + (priced(p) ? " " + fill(T.per, { unit: p.unit }) : "")),
      fact(T.min_order, p.min_order + " " + p.unit),
      fact(T.tkdn, p.tkdn ? p.tkdn.text : T.none), fact(T.bmp, p.bmp ? p.bmp.text : T.none),
      fact(T.must_buy, p.must_buy ? T.yes : T.no),
      fact(T.certificates, p.certificates.length ? p.certificates.join("; ") : T.none),
      fact(T.seller_kind, s.kind + " · " + s.city)
    ];
    return el("dl", { "class": "facts" }, [].concat.apply([], rows));
  }
  function links(p, s) {
    var out = [];
    if (s.ekatalog) { out.push(el("a", { href: s.ekatalog, rel: "noopener", text: T.ekatalog })); }
    if (s.whatsapp) {
      var text = fill(T.chat_message, { product: p.name, site: site, url: absolute(p.url) });
      out.push(el("a", { "class": "button chat", href: "https://wa.me/" + s.whatsapp + "?text=" + encodeURIComponent(text),
        rel: "noopener", "aria-label": fill(T.chat_label, { name: s.name }), text: T.chat }));
    }
    return out.length ? el("p", { "class": "links" }, out) : null;
  }
  function button(act, label, name, text) {
    return el("button", { type: "button", "class": "tool", "data-act": act, "aria-label": fill(label, { name: name }), text: text });
  }
  function row(entry, index) {
    var id = entry[0], p = product(id);
    if (!p) {
      return el("li", { "class": "item missing", "data-id": id }, [el("p", { text: fill(T.missing, { id: id }) }),
        shared === null ? el("p", { "class": "tools" }, [button("remove", T.remove_label, id, T.remove)]) : null]);
    }
    var s = seller(p), qid = "jumlah-" + index, hid = "produk-" + index;
    var qty = shared === null
      ? el("input", { id: qid, type: "number", min: "1", step: "1", inputmode: "numeric", value: entry[1], "data-act": "qty",
                      "aria-label": fill(T.qty_label, { name: p.name, unit: p.unit }) })
      : el("span", { id: qid, text: String(entry[1]) });
    var tools = [el("label", {}, [el("input", { type: "checkbox", "data-act": "compare", checked: comparing.indexOf(id) >= 0 }),
      doc.createTextNode(" " + T.compare)])];
    if (shared === null) {
      tools.push(button("up", T.up_label, p.name, T.up), button("down", T.down_label, p.name, T.down),
                 button("remove", T.remove_label, p.name, T.remove));
    }
    return el("li", { "class": "item", "data-id": id }, [
      p.photo ? el("img", { "class": "thumb", src: p.photo, alt: p.alt, width: "96", height: "72", loading: "lazy" }) : null,
      el("div", { "class": "info" }, [
        el("h2", { id: hid }, [el("a", { href: p.url, text: p.name })]),
        el("p", { "class": "seller" }, [doc.createTextNode(T.seller + ": "), el("a", { href: s.url, text: s.name })]),
        facts(p, s), links(p, s)]),
      el("div", { "class": "qty" }, [el("label", { "for": qid, text: T.qty }), doc.createTextNode(" "), qty,
        doc.createTextNode(" " + p.unit), el("p", { "class": "subtotal", "data-subtotal": true })]),
      el("p", { "class": "tools" }, tools),
      el("img", { "class": "qr", "data-qr": p.qr, src: qrShown ? p.qr : null, alt: fill(T.qr_alt, { name: p.name }),
                  width: "96", height: "96" })
    ]);
  }

  // The QR codes show only in print: each SVG costs Chromium a document of its own (about 5 ms), so they
  // load once the browser is idle after showing the list, or at once when printing starts.
  var qrShown = false;
  function showQr() {
    qrShown = true;
    list.querySelectorAll("img[data-qr]:not([src])").forEach(function (img) { img.src = img.getAttribute("data-qr"); });
  }
  window.addEventListener("beforeprint", showQr);
  if (window.matchMedia) {
    var printing = window.matchMedia("print");
    if (printing.addEventListener) { printing.addEventListener("change", function (m) { if (m.matches) { showQr(); } }); }
  }

  function totals() {
    var low = 0, high = 0, asked = 0;
    items.forEach(function (entry) {
      var p = product(entry[0]), node = list.querySelector("[data-id='" + entry[0] + "'] [data-subtotal]");
      if (!p) { return; }
      if (!priced(p)) { asked++; if (node) { node.textContent = p.price.text; } return; }
      var sum = subtotal(p, entry[1]);
      low += sum[0]; high += sum[1];
      if (node) { node.textContent = T.subtotal + ": " + range(sum[0], sum[1]); }
    });
    part("total").textContent = range(low, high);
    part("on-request").textContent = asked ? fill(T.on_request, { count: asked }) : "";
    part("count").textContent = fill(T.count, { count: items.length });
    var link = absolute(window.location.pathname) + "?d=" + items.map(function (e) { return e[0] + ":" + e[1]; }).join(",");
    part("share-url").value = link;
    part("share-wa").href = "https://wa.me/?text=" + encodeURIComponent(fill(T.share_text, { site: site }) + " " + link);
  }

  function compare() {
    comparing = comparing.filter(function (id) { return find(items, id) >= 0 && product(id); });
    var box = part("compare");
    box.textContent = "";
    part("compare-hint").hidden = comparing.length >= 2;
    if (comparing.length < 2) { return; }
    var shown = comparing.map(product);
    var cells = function (label, value) {
      return el("tr", {}, [el("th", { scope: "row", text: label })].concat(shown.map(function (p) { return el("td", { text: value(p) }); })));
    };
    var head = el("tr", {}, [el("td")].concat(shown.map(function (p) { return el("th", { scope: "col", text: p.name }); })));
    var lines = [
      [T.seller, function (p) { return seller(p).name; }],
      [T.price, function (p) { return p.price.text; }], [T.unit, function (p) { return p.unit; }],
      [T.min_order, function (p) { return p.min_order + " " + p.unit; }],
      [T.tkdn, function (p) { return p.tkdn ? p.tkdn.text : T.none; }], [T.bmp, function (p) { return p.bmp ? p.bmp.text : T.none; }],
      [T.must_buy, function (p) { return p.must_buy ? T.yes : T.no; }],
      [T.certificates, function (p) { return p.certificates.join("; ") || T.none; }],
      [T.city, function (p) { return seller(p).city; }], [T.seller_kind, function (p) { return seller(p).kind; }]
    ];
    box.appendChild(el("table", {}, [el("caption", { text: T.compare_title }), el("thead", {}, [head]),
      el("tbody", {}, lines.map(function (line) { return cells(line[0], line[1]); }))]));
  }

  function render(focus) {
    list.textContent = "";
    items.forEach(function (entry, i) { list.appendChild(row(entry, i)); });
    part("empty").hidden = items.length > 0;
    part("filled").hidden = items.length === 0;
    totals();
    compare();
    if (focus) {
      var target = list.querySelector("[data-id='" + focus[0] + "'] [data-act='" + focus[1] + "']") ||
                   list.querySelector("[data-act='remove']") || part("heading");
      target.focus();
    }
  }

  list.addEventListener("input", function (event) {
    if (event.target.getAttribute("data-act") !== "qty") { return; }
    var at = find(items, event.target.closest("li").getAttribute("data-id")), q = parseInt(event.target.value, 10);
    if (at < 0 || !(q > 0)) { return; }
    items[at][1] = q;
    save();
    totals();
  });
  list.addEventListener("change", function (event) {
    if (event.target.getAttribute("data-act") !== "compare") { return; }
    var id = event.target.closest("li").getAttribute("data-id"), at = comparing.indexOf(id);
    if (!event.target.checked && at >= 0) { comparing.splice(at, 1); }
    if (event.target.checked && at < 0) {
      if (comparing.length >= MAX_COMPARE) { event.target.checked = false; say(part("status"), T.compare_limit); return; }
      comparing.push(id);
    }
    compare();
  });
  list.addEventListener("click", function (event) {
    var b = event.target.closest("button[data-act]");
    if (!b) { return; }
    var act = b.getAttribute("data-act"), id = b.closest("li").getAttribute("data-id"), at = find(items, id);
    var to = act === "up" ? at - 1 : at + 1;
    if (act === "remove") {
      var next = items[at + 1] || items[at - 1];
      items.splice(at, 1);
      save();
      return render(next ? [next[0], "remove"] : ["", ""]);
    }
    if (to < 0 || to >= items.length) { return; }
    items.splice(to, 0, items.splice(at, 1)[0]);
    save();
    render([id, act]);
  });
  root.addEventListener("click", function (event) {
    var b = event.target.closest("button[data-do]");
    if (!b) { return; }
    var act = b.getAttribute("data-do");
    if (act === "print") { showQr(); window.print(); }
    if (act === "csv") { download(); }
    if (act === "copy") {
      navigator.clipboard.writeText(part("share-url").value).then(function () { say(part("status"), T.share_copied); });
    }
    if (act === "clear" && window.confirm(T.clear_confirm)) { items = []; save(); render(["", ""]); }
    if (act === "adopt") {
      var own = load(), added = 0;
      items.forEach(function (e) { if (product(e[0]) && find(own, e[0]) < 0) { own.push(e); added++; } });
      store(own);
      refresh();
      say(part("status"), fill(T.adopted, { count: added }));
    }
  });

  // CSV for spreadsheets: UTF-8 with a BOM, CRLF, RFC 4180 quoting, formula-looking cells as text.
  function cell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) { text = "'" + text; }
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function csv() {
    var rows = [T.csv_columns.split("|")], n = 0;
    items.forEach(function (entry) {
      var p = product(entry[0]);
      if (!p) { return; }
      var s = seller(p), sum = priced(p) ? subtotal(p, entry[1]) : ["", ""];
      rows.push([++n, entry[0], p.name, s.name, s.kind, s.city, priced(p) ? p.price.low : "",
        priced(p) ? (p.price.high === null ? p.price.low : p.price.high) : "", p.price.text, p.unit, p.min_order, entry[1],
        sum[0], sum[1], p.tkdn ? p.tkdn.value : "", p.bmp ? p.bmp.value : "", p.must_buy ? T.yes : T.no,
        p.certificates.join("; "), s.ekatalog, absolute(p.url)]);
    });
    return "\ufeff" + rows.map(function (r) { return r.map(cell).join(","); }).join("\r\n") + "\r\n";
  }
  function download() {
    var url = URL.createObjectURL(new Blob([csv()], { type: "text/csv;charset=utf-8" }));
    var a = el("a", { href: url, download: "daftar-pilihan.csv" });
    doc.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  // The data files hold up to about 64 products each, by a hash of the ID (etalase.site.urls.shortlist_file_of):
  // fetch those of the listed IDs, then those of the IDs they say moved (id_lama).
  var files = Math.max(1, parseInt(root.getAttribute("data-files"), 10) || 1), fetched = {};
  function fileOf(id) {
    var h = 0x811c9dc5;
    for (var i = 0; i < id.length; i++) { h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0; }
    return h % files;
  }
  function fetchFor(ids) {
    var wanted = [];
    ids.forEach(function (id) {
      var n = fileOf(id);
      if (!fetched[n] && wanted.indexOf(n) < 0) { wanted.push(n); }
    });
    return Promise.all(wanted.map(function (n) {
      fetched[n] = true;
      return window.fetch(root.getAttribute("data-src").replace("{n}", n)).then(function (r) {
        if (!r.ok) { throw new Error(r.status); }
        return r.json();
      }).then(function (json) {
        ["products", "sellers", "moved"].forEach(function (k) { Object.assign(data[k], json[k]); });
        if (json.files > 0 && json.files !== files) { files = json.files; fetched = {}; } // a page older than its data
      });
    }));
  }
  function ids() { return items.map(function (entry) { return entry[0]; }); }

  part("loading").hidden = false;
  data = { products: {}, sellers: {}, moved: {} };
  fetchFor(ids()).then(function () {
    return fetchFor(ids()); // nothing to fetch unless a file said the count changed
  }).then(function () {
    return fetchFor(ids().map(function (id) { return data.moved[id]; }).filter(Boolean));
  }).then(function () {
    part("loading").hidden = true;
    part("app").hidden = false;
    part("shared").hidden = shared === null;
    root.querySelectorAll("[data-own]").forEach(function (n) { n.hidden = shared !== null; });
    resolve();
    render();
    root.setAttribute("data-ready", "");
    if (window.performance && performance.mark) { performance.mark("daftar-siap"); }
    if (window.requestIdleCallback) { window.requestIdleCallback(showQr, { timeout: 2000 }); } else { window.setTimeout(showQr, 500); }
  }).catch(function () {
    part("loading").textContent = T.error;
  });
}());
