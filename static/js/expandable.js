/*
 * "Lire la suite / Fermer" sections. Without this script every section is open and its
 * button hidden; with it, sections start closed. Closed content uses hidden="until-found",
 * so find-in-page and links to anchors inside it still reach it (and open it).
 *
 * The CSS already shows them closed from the first paint (under the "js" class, until the
 * section carries data-expandable-ready): this script changes nothing that is painted, it
 * hands the closing over to hidden="until-found" and wires the button.
 */
(function () {
  "use strict";

  function parts(section) {
    return {
      button: section.querySelector("[data-expandable-toggle]"),
      label: section.querySelector("[data-expandable-label]"),
      content: section.querySelector("[data-expandable-content]"),
    };
  }

  function setOpen(section, open) {
    var p = parts(section);
    p.button.setAttribute("aria-expanded", open ? "true" : "false");
    p.label.textContent = open ? p.label.dataset.labelOpen : p.label.dataset.labelClosed;
    if (open) {
      p.content.removeAttribute("hidden");
    } else {
      p.content.setAttribute("hidden", "until-found");
    }
  }

  function openTarget() {
    if (!location.hash) return;
    var target;
    try {
      target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    } catch (error) {
      return;
    }
    if (!target) return;
    var section = target.closest("[data-expandable]");
    while (section) {
      setOpen(section, true);
      section = section.parentElement && section.parentElement.closest("[data-expandable]");
    }
    target.scrollIntoView();
  }

  var sections = document.querySelectorAll("[data-expandable]");
  sections.forEach(function (section) {
    var p = parts(section);
    setOpen(section, false);
    p.button.hidden = false;
    section.setAttribute("data-expandable-ready", "");
    p.button.addEventListener("click", function () {
      setOpen(section, p.button.getAttribute("aria-expanded") !== "true");
    });
    // Find-in-page opened the content itself: bring the button in step.
    p.content.addEventListener("beforematch", function () {
      setOpen(section, true);
    });
  });

  openTarget();
  window.addEventListener("hashchange", openTarget);

  // Print everything; restore what the visitor had closed afterwards.
  var closedBeforePrint = [];
  window.addEventListener("beforeprint", function () {
    closedBeforePrint = Array.prototype.filter.call(sections, function (section) {
      return parts(section).button.getAttribute("aria-expanded") !== "true";
    });
    closedBeforePrint.forEach(function (section) { setOpen(section, true); });
  });
  window.addEventListener("afterprint", function () {
    closedBeforePrint.forEach(function (section) { setOpen(section, false); });
    closedBeforePrint = [];
  });
})();
