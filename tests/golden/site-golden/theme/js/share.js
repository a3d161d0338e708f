// Share box (theme/templates/macros/share.html), the QR sheet's print button and the kit's copy buttons: progressive enhancement.
// Without JavaScript the plain share links still work; with it, the phone's share sheet (Web Share API)
// and "Salin tautan" (Clipboard API) appear only where the browser has them. No third-party code.
(function () {
  "use strict";

  function absolute(url) {
    try { return new URL(url, window.location.href).href; } catch (e) { return url; }
  }

  function say(status, text) {
    if (!status) { return; }
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function reveal(button, onClick) {
    button.closest("li").hidden = false;
    button.addEventListener("click", onClick);
  }

  document.querySelectorAll("[data-share-url]").forEach(function (list) {
    var url = absolute(list.getAttribute("data-share-url"));
    var title = list.getAttribute("data-share-title") || document.title;
    var status = list.parentNode.querySelector(".share-status");
    var native = list.querySelector(".share-native");
    var copy = list.querySelector(".share-copy");
    if (native && typeof navigator.share === "function") {
      reveal(native, function () {
        navigator.share({ title: title, text: title, url: url }).catch(function () { /* closed by the user */ });
      });
    }
    if (copy && navigator.clipboard && window.isSecureContext) {
      reveal(copy, function () {
        navigator.clipboard.writeText(url).then(
          function () { say(status, list.getAttribute("data-copied")); },
          function () { say(status, list.getAttribute("data-copy-failed")); }
        );
      });
    }
  });

  document.querySelectorAll("button[data-copy]").forEach(function (button) {  // the staff's social kit
    if (!(navigator.clipboard && window.isSecureContext)) { return; }
    var status = document.getElementById(button.getAttribute("data-status"));
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(document.getElementById(button.getAttribute("data-copy")).textContent).then(
        function () { say(status, button.getAttribute("data-copied")); },
        function () { say(status, button.getAttribute("data-copy-failed")); }
      );
    });
  });

  document.querySelectorAll("button[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
}());
