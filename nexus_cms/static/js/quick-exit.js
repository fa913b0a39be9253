// Quick exit ("Lämna sidan snabbt"): click, tap or Shift pressed three times leaves at once.
// The page is blanked first, then replaced in history with the neutral site (location.replace),
// so Back does not return to it and history.length does not grow. Without JavaScript the button
// is a plain link to the same neutral site (rel="noreferrer nofollow").
(function () {
  "use strict";

  var PRESSES_NEEDED = 3;
  var WINDOW_MS = 5000;
  var leaving = false;

  function exitUrl() {
    var link = document.querySelector("a[data-quick-exit]");
    return link ? link.href : "about:blank";
  }

  function statusElement() {
    return document.querySelector("[data-quick-exit-status]");
  }

  function leave(url) {
    if (leaving) {
      return;
    }
    leaving = true;
    // Blank first: nothing of the page stays on screen while the neutral site loads.
    var status = statusElement();
    var activated = status ? status.getAttribute("data-activated") : "";
    document.documentElement.classList.add("quick-exit-active");
    document.title = activated || " ";
    var overlay = document.createElement("div");
    overlay.className = "quick-exit-overlay";
    overlay.setAttribute("role", "alert");
    overlay.textContent = activated;
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
  // True while Shift is held together with another key (Shift+Tab, a capital letter):
  // such a press is typing, not a quick-exit press.
  var shiftUsedAsModifier = false;

  function announce(attribute) {
    var status = statusElement();
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

  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) {
        shiftUsedAsModifier = false;
      }
      return;
    }
    // Any other key breaks the sequence.
    shiftUsedAsModifier = true;
    if (presses > 0) {
      reset(false);
    }
  });

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || shiftUsedAsModifier) {
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
    // The window restarts with every press.
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      reset(true);
    }, WINDOW_MS);
  });

  // Coming back through the browser cache must not leave a blank page.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) {
      return;
    }
    leaving = false;
    document.documentElement.classList.remove("quick-exit-active");
    var overlay = document.querySelector(".quick-exit-overlay");
    if (overlay) {
      overlay.remove();
    }
  });
})();
