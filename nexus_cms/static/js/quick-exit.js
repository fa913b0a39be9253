// Quick exit ("Lämna sidan snabbt"): click, tap or Shift pressed three times leaves at once.
// The page is blanked first, then replaced in history with the neutral site, so Back does not
// return to it. Without JavaScript the button is a plain link to the same neutral site.
(function () {
  "use strict";

  var PRESSES_NEEDED = 3;
  var WINDOW_MS = 5000;

  function exitUrl() {
    var link = document.querySelector("a[data-quick-exit]");
    return link ? link.href : "about:blank";
  }

  function leave(url) {
    document.documentElement.classList.add("quick-exit-active");
    var overlay = document.createElement("div");
    overlay.className = "quick-exit-overlay";
    overlay.setAttribute("role", "alert");
    var status = document.querySelector("[data-quick-exit-status]");
    overlay.textContent = status ? status.getAttribute("data-activated") : "";
    document.body.appendChild(overlay);
    window.location.replace(url);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-quick-exit]") : null;
    if (!link || event.defaultPrevented || event.button !== 0) {
      return;
    }
    event.preventDefault();
    leave(link.href);
  });

  var presses = 0;
  var timer = null;

  function announce(attribute) {
    var status = document.querySelector("[data-quick-exit-status]");
    if (status) {
      status.textContent = attribute ? status.getAttribute(attribute) : "";
    }
  }

  function reset(timedOut) {
    presses = 0;
    window.clearTimeout(timer);
    timer = null;
    document.documentElement.removeAttribute("data-quick-exit-presses");
    announce(timedOut ? "data-timed-out" : null);
  }

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") {
      return;
    }
    presses += 1;
    if (presses >= PRESSES_NEEDED) {
      reset(false);
      leave(exitUrl());
      return;
    }
    document.documentElement.setAttribute("data-quick-exit-presses", String(presses));
    announce(presses === 1 ? "data-two-more" : "data-one-more");
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      reset(true);
    }, WINDOW_MS);
  });

  document.addEventListener("keydown", function (event) {
    // Any other key (or Shift combined with one) breaks the sequence.
    if (event.key !== "Shift" && presses > 0) {
      reset(false);
    }
  });

  // Coming back through the browser cache must not leave a blank page.
  window.addEventListener("pageshow", function () {
    document.documentElement.classList.remove("quick-exit-active");
    var overlay = document.querySelector(".quick-exit-overlay");
    if (overlay) {
      overlay.remove();
    }
  });
})();
