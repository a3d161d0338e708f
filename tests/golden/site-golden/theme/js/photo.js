// Product photos (theme/templates/product.html, macros/picture.html `zoomable`): each photo is a link to its
// largest JPEG, which is all a browser without JavaScript needs. With it, a tap opens the photo in a modal
// <dialog> instead: the same <picture> with its alt text (so the browser picks the WebP that fits the screen)
// and a close button; Escape, the button or a tap beside the photo closes it, and focus goes back to the photo
// that opened it. Loaded (defer) only on pages with photos; no third-party code.
(function () {
  "use strict";

  var gallery = document.querySelector("[data-lightbox]");
  if (!gallery || typeof HTMLDialogElement !== "function") { return; }

  var dialog = document.createElement("dialog");
  var close = document.createElement("button");
  var frame = document.createElement("div");
  var opener = null;
  dialog.className = "lightbox";
  dialog.setAttribute("aria-label", gallery.getAttribute("data-label"));
  close.type = "button";
  close.className = "button lightbox-close";
  close.textContent = gallery.getAttribute("data-close");
  frame.className = "lightbox-photo";
  dialog.append(close, frame);
  document.body.append(dialog);

  function widest(srcset) {
    return Math.max.apply(null, (srcset || "").split(",").map(function (entry) {
      return parseInt(entry.trim().split(/\s+/)[1], 10) || 0;
    }));
  }

  function show(link) {
    var picture = link.querySelector("picture").cloneNode(true);
    var img = picture.querySelector("img");
    var sizes = "min(100vw, " + widest(img.getAttribute("srcset")) + "px)";  // never wider than the photo
    picture.removeAttribute("class");
    picture.querySelectorAll("source, img").forEach(function (el) { el.setAttribute("sizes", sizes); });
    img.removeAttribute("loading");
    img.removeAttribute("fetchpriority");
    frame.replaceChildren(picture);
    opener = link;
    dialog.showModal();
    close.focus();
  }

  gallery.addEventListener("click", function (event) {
    var link = event.target.closest("a.zoom");
    if (!link || event.button || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) { return; }
    event.preventDefault();
    show(link);
  });
  close.addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("click", function (event) {
    if (!event.target.closest("img, button")) { dialog.close(); }
  });
  dialog.addEventListener("close", function () {
    frame.replaceChildren();
    if (opener) { opener.focus(); }
    opener = null;
  });
}());
