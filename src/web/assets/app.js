/* Cyberachat — progressive enhancement. Every page works without this file; with it:
 *  - the vendor section form ([data-autosave]) saves each answer as it changes (PUT, see
 *    docs/web-forms.md), shows/hides questions and sections as branching changes, updates progress,
 *    reports validation errors and conflicts;
 *  - [data-copy] copies the value of the element it names, [data-print] prints,
 *    [data-add-row] adds a row to an answer table;
 *  - a table wider than its box (.table-wrap) can be scrolled with the keyboard (it becomes a
 *    focusable, labelled group; the stylesheet shows the scroll shadows and bar without this).
 * No framework, no inline script (CSP script-src 'self').
 */
(function () {
  "use strict";

  var lang = (document.documentElement.getAttribute("lang") || "fr").slice(0, 2);

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  function percentText(n) {
    return lang === "en" ? n + "%" : n + "\u202F%";
  }

  function toArray(list) {
    return Array.prototype.slice.call(list || []);
  }

  /* ---- controls that only make sense with JavaScript ------------------------------------------ */

  function revealControls() {
    toArray(document.querySelectorAll("[data-copy], [data-print], [data-add-row]")).forEach(function (el) {
      el.hidden = false;
    });
  }

  /* ---- [data-copy] ------------------------------------------------------------------------------ */

  function copyFrom(button) {
    var target;
    try {
      target = document.querySelector(button.getAttribute("data-copy"));
    } catch (e) {
      return;
    }
    if (!target) return;
    var text = "value" in target ? target.value : target.textContent;
    var container = button.closest(".copy-field") || button.parentNode;
    var status = container ? container.querySelector("[data-copy-status]") : null;
    var done = function () {
      if (status) status.textContent = button.getAttribute("data-msg-copied") || (lang === "en" ? "Copied" : "Copié");
    };
    var fallback = function () {
      if (target.select) target.select();
      try {
        document.execCommand("copy");
        done();
      } catch (e) {
        /* the text stays selected: the user can copy it by hand */
      }
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
  }

  /* ---- [data-add-row] ------------------------------------------------------------------------ */

  function addRow(button) {
    var qid = button.getAttribute("data-add-row");
    var table = document.getElementById("table-" + qid);
    if (!table || !table.tBodies.length) return;
    var body = table.tBodies[0];
    var rows = toArray(body.rows);
    if (!rows.length) return;
    var next = 0;
    rows.forEach(function (row) {
      var n = parseInt(row.getAttribute("data-row"), 10);
      if (!isNaN(n) && n >= next) next = n + 1;
    });
    var rowWord = table.getAttribute("data-row-word") || "ligne";
    var clone = rows[rows.length - 1].cloneNode(true);
    clone.setAttribute("data-row", String(next));
    var number = clone.querySelector("th");
    if (number) number.textContent = String(next + 1);
    var labels = toArray(clone.querySelectorAll("label"));
    toArray(clone.querySelectorAll("input, select, textarea")).forEach(function (field) {
      var column = field.name.slice(field.name.lastIndexOf(":") + 1);
      var oldId = field.id;
      field.name = "a:" + qid + ":" + next + ":" + column;
      field.id = "a-" + qid + "-" + next + "-" + column;
      if (field.tagName === "SELECT") field.selectedIndex = 0;
      else field.value = "";
      field.removeAttribute("aria-invalid");
      labels.forEach(function (label) {
        if (label.htmlFor !== oldId) return;
        label.htmlFor = field.id;
        var columnLabel = label.getAttribute("data-col-label");
        if (columnLabel) label.textContent = columnLabel + ", " + rowWord + " " + (next + 1);
      });
    });
    body.appendChild(clone);
    var first = clone.querySelector("input, select, textarea");
    if (first) first.focus();
  }

  /* ---- autosave of the vendor section form ---------------------------------------------------- */

  // The digest of the branching this page shows ("state" of the last save or state answered): sent
  // with each save, so that a save which leaves it unchanged is answered without the lists.
  var knownState = "";

  function Autosave(form) {
    this.form = form;
    this.msg = {
      saving: form.getAttribute("data-msg-saving") || "…",
      saved: form.getAttribute("data-msg-saved") || "OK",
      error: form.getAttribute("data-msg-error") || "Erreur",
      conflict: form.getAttribute("data-msg-conflict") || "",
      conflictAfter: form.getAttribute("data-msg-conflict-after") || "",
      submitted: form.getAttribute("data-msg-submitted") || "",
      empty: form.getAttribute("data-msg-empty") || "—"
    };
    this.states = {};
    this.inFlight = 0;
    this.waiters = [];
    var self = this;
    toArray(form.querySelectorAll("[data-question]")).forEach(function (question) {
      self.state(question).saved = JSON.stringify(self.collect(question));
    });
    form.addEventListener("change", function (event) {
      self.onEdit(event.target);
    });
    form.addEventListener("focusout", function (event) {
      var el = event.target;
      if (el.tagName === "TEXTAREA" || (el.tagName === "INPUT" && /^(text|email|tel|date|number|search|url)$/.test(el.type)))
        self.onEdit(el);
    });
    // The explicit buttons post the whole form: first let running saves finish, so that the
    // posted revisions are the current ones.
    form.addEventListener("submit", function (event) {
      // "Save and continue" / "Save and go back" with every answer already saved: follow the
      // navigation link instead of posting, so that the page the browser prepared is shown at once.
      var go = event.submitter && event.submitter.name === "go" ? event.submitter.value : "";
      if (self.inFlight === 0 && (go === "next" || go === "previous") && self.allSaved()) {
        var link = document.querySelector(go === "next" ? "a.tool-next" : "a.tool-previous");
        if (link && !link.hidden) {
          event.preventDefault();
          goToSection(link.getAttribute("href"));
        }
        return;
      }
      if (self.inFlight === 0) return;
      event.preventDefault();
      var submitter = event.submitter;
      self.whenIdle(function () {
        if (form.requestSubmit) {
          form.requestSubmit(submitter || undefined);
        } else {
          if (submitter && submitter.name) {
            var hidden = document.createElement("input");
            hidden.type = "hidden";
            hidden.name = submitter.name;
            hidden.value = submitter.value;
            form.appendChild(hidden);
          }
          form.submit();
        }
      });
    });
  }

  Autosave.prototype.state = function (question) {
    var qid = question.getAttribute("data-question");
    if (!this.states[qid]) this.states[qid] = { saved: null, running: false, pending: false };
    return this.states[qid];
  };

  // Whether every question's fields hold what the server last confirmed.
  Autosave.prototype.allSaved = function () {
    var self = this;
    return toArray(this.form.querySelectorAll("[data-question]")).every(function (question) {
      return JSON.stringify(self.collect(question)) === self.state(question).saved;
    });
  };

  // Saves every question whose fields differ from what the server last confirmed (an edit whose
  // field never lost the focus, say).
  Autosave.prototype.saveChanged = function () {
    var self = this;
    toArray(this.form.querySelectorAll("[data-question]")).forEach(function (question) {
      if (JSON.stringify(self.collect(question)) !== self.state(question).saved) self.save(question);
    });
  };

  Autosave.prototype.whenIdle = function (callback) {
    if (this.inFlight === 0) callback();
    else this.waiters.push(callback);
  };

  Autosave.prototype.onEdit = function (el) {
    if (!el || !el.name || el.form !== this.form) return; // file inputs belong to their upload form
    if (el.name === "_csrf" || el.name === "go") return;
    var question = el.closest("[data-question]");
    if (question) this.save(question);
  };

  // The fields of the main form inside one question.
  Autosave.prototype.fields = function (question) {
    var form = this.form;
    return toArray(question.querySelectorAll("input, select, textarea")).filter(function (el) {
      return el.name && el.form === form;
    });
  };

  // The question's value in the API's shape (docs/web-forms.md) and its comment.
  Autosave.prototype.collect = function (question) {
    var qid = question.getAttribute("data-question");
    var kind = question.getAttribute("data-kind");
    var name = "a:" + qid;
    var prefix = name + ":";
    var fields = this.fields(question);
    var value = null;
    var i;
    if (kind === "document") {
      // Documents are uploaded as files; the value is only the statement "not available" with its
      // reason, when the page offers it (no file attached): not sent while its reason is empty.
      value = undefined;
      var box = null;
      var reason = null;
      fields.forEach(function (el) {
        if (el.name === prefix + "unavailable") box = el;
        if (el.name === prefix + "reason") reason = el;
      });
      if (box && reason) {
        if (!box.checked) value = null;
        else if (reason.value.trim() !== "") value = { unavailable: reason.value };
      }
    } else if (kind === "multiple_choice") {
      value = fields
        .filter(function (el) {
          return el.name === name && el.checked;
        })
        .map(function (el) {
          return el.value;
        });
    } else if (kind === "table" || kind === "contact") {
      var rows = {};
      var record = {};
      fields.forEach(function (el) {
        if (el.name.indexOf(prefix) !== 0 || el.value === "") return;
        var rest = el.name.slice(prefix.length);
        if (kind === "contact") {
          record[rest] = el.value;
          return;
        }
        var colon = rest.indexOf(":");
        var row = parseInt(rest.slice(0, colon), 10);
        if (isNaN(row)) return;
        (rows[row] = rows[row] || {})[rest.slice(colon + 1)] = el.value;
      });
      if (kind === "contact") {
        value = record;
      } else {
        value = Object.keys(rows)
          .map(Number)
          .sort(function (a, b) {
            return a - b;
          })
          .map(function (row) {
            return rows[row];
          });
      }
    } else {
      for (i = 0; i < fields.length; i++) {
        var el = fields[i];
        if (el.name !== name) continue;
        if ((el.type === "radio" || el.type === "checkbox") && !el.checked) continue;
        value = el.value;
        break;
      }
      if (value === "") value = null;
    }
    var comment = "";
    for (i = 0; i < fields.length; i++) {
      if (fields[i].name === "c:" + qid) comment = fields[i].value;
    }
    return { value: value, comment: comment };
  };

  Autosave.prototype.save = function (question) {
    var self = this;
    var st = this.state(question);
    var data = this.collect(question);
    var key = JSON.stringify(data);
    if (st.running) {
      st.pending = true;
      return;
    }
    if (key === st.saved) return;
    st.running = true;
    this.inFlight++;
    this.status(question, this.msg.saving, "saving");
    var qid = question.getAttribute("data-question");
    var revision = parseInt(question.getAttribute("data-revision") || "0", 10) || 0;
    var body = { comment: data.comment, base_revision: revision };
    if (data.value !== undefined) body.value = data.value;
    if (knownState) body.known_state = knownState;
    var finish = function (resend) {
      st.running = false;
      self.inFlight--;
      if (st.pending) {
        st.pending = false;
        if (resend) self.save(question);
      }
      if (self.inFlight === 0) {
        var waiters = self.waiters;
        self.waiters = [];
        waiters.forEach(function (callback) {
          callback();
        });
      }
    };
    fetch("/api/v1/vendor/answers/" + encodeURIComponent(qid), {
      method: "PUT",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        "X-CSRF-Token": csrfToken()
      },
      body: JSON.stringify(body)
    })
      .then(function (response) {
        return response
          .json()
          .catch(function () {
            return {};
          })
          .then(function (json) {
            return { status: response.status, body: json || {} };
          });
      })
      .then(
        function (result) {
          finish(self.handle(question, st, key, result));
        },
        function () {
          self.showError(question, self.msg.error);
          self.status(question, "", "error");
          finish(true);
        }
      );
  };

  // Applies a server answer; returns whether a pending change may be sent.
  Autosave.prototype.handle = function (question, st, key, result) {
    var body = result.body;
    var error = body.error || {};
    if (result.status === 200) {
      if (typeof body.revision === "number") this.setRevision(question, body.revision);
      st.saved = key;
      this.clearError(question);
      this.status(question, this.msg.saved, "saved");
      if (body.state_unchanged === true) {
        // The branching is the one of "state": the page's own unless another answer moved it meanwhile.
        if (body.state !== knownState) refreshBranching(this);
      } else {
        this.applyBranching(body);
      }
      return true;
    }
    if (result.status === 409 && error.code === "conflict") {
      var current = body.current || {};
      if (typeof current.revision === "number") this.setRevision(question, current.revision);
      st.saved = null;
      var text = (this.msg.conflict || error.message || "") + this.describe(question, current.value);
      if (this.msg.conflictAfter) text += " " + this.msg.conflictAfter;
      this.showError(question, text);
      this.status(question, "", "error");
      return false;
    }
    if (result.status === 409) {
      this.showError(question, error.message || this.msg.submitted);
      this.status(question, "", "error");
      return false;
    }
    this.showError(question, error.message || this.msg.error);
    this.status(question, "", "error");
    return result.status === 422;
  };

  Autosave.prototype.setRevision = function (question, revision) {
    question.setAttribute("data-revision", String(revision));
    var qid = question.getAttribute("data-question");
    this.fields(question).forEach(function (el) {
      if (el.name === "r:" + qid) el.value = String(revision);
    });
  };

  Autosave.prototype.status = function (question, text, state) {
    var el = question.querySelector("[data-save-status]");
    if (!el) return;
    el.textContent = text;
    el.setAttribute("data-state", state);
  };

  Autosave.prototype.showError = function (question, message) {
    var el = question.querySelector("[data-error]");
    if (el) el.textContent = message;
    question.classList.add("question-invalid");
    this.fields(question).forEach(function (field) {
      if (field.type !== "hidden") field.setAttribute("aria-invalid", "true");
    });
  };

  Autosave.prototype.clearError = function (question) {
    var el = question.querySelector("[data-error]");
    if (el) el.textContent = "";
    question.classList.remove("question-invalid");
    this.fields(question).forEach(function (field) {
      field.removeAttribute("aria-invalid");
    });
  };

  // A readable form of another person's value, shown with a conflict.
  Autosave.prototype.describe = function (question, value) {
    var self = this;
    var labelOf = function (v) {
      var text = String(v);
      var options = toArray(question.querySelectorAll("input[type=radio], input[type=checkbox], option"));
      for (var i = 0; i < options.length; i++) {
        if (options[i].value !== text) continue;
        if (options[i].tagName === "OPTION") return options[i].textContent;
        var label = options[i].id ? question.querySelector('label[for="' + options[i].id.replace(/"/g, '\\"') + '"]') : null;
        if (label) return label.textContent;
      }
      if (typeof v === "number" && lang !== "en") return text.replace(".", ",");
      return text;
    };
    if (value === null || value === undefined || value === "") return this.msg.empty;
    if (Array.isArray(value)) {
      if (!value.length) return this.msg.empty;
      return value
        .map(function (item) {
          return item !== null && typeof item === "object" ? self.describe(question, item) : labelOf(item);
        })
        .join(" ; ");
    }
    if (typeof value === "object") {
      return Object.keys(value)
        .map(function (k) {
          return labelOf(value[k]);
        })
        .join(", ");
    }
    return labelOf(value);
  };

  // The visible questions and sections, complete marks and progress of a save's or a state's answer.
  Autosave.prototype.applyBranching = function (body) {
    this.applyVisibility(body);
    this.applyCompletion(body.complete_sections);
    this.applyProgress(body.progress);
    if (typeof body.state === "string") knownState = body.state;
  };

  Autosave.prototype.applyVisibility = function (body) {
    if (Array.isArray(body.visible_questions)) {
      var questions = {};
      body.visible_questions.forEach(function (id) {
        questions[id] = true;
      });
      toArray(document.querySelectorAll("[data-question]")).forEach(function (el) {
        el.hidden = !questions[el.getAttribute("data-question")];
      });
    }
    if (Array.isArray(body.visible_sections)) {
      var sections = {};
      body.visible_sections.forEach(function (id) {
        sections[id] = true;
      });
      toArray(document.querySelectorAll("[data-section-link]")).forEach(function (el) {
        el.hidden = !sections[el.getAttribute("data-section-link")];
      });
      this.applyNavigation(sections);
    }
  };

  // Previous / next links skip the sections that no longer apply after a live change.
  Autosave.prototype.applyNavigation = function (sections) {
    var nav = document.querySelector("[data-section-order]");
    if (!nav) return;
    var order = nav.getAttribute("data-section-order").split(" ");
    var index = order.indexOf(nav.getAttribute("data-current-section"));
    if (index < 0) return;
    var previous = null, next = null, i;
    for (i = index - 1; i >= 0; i--) if (sections[order[i]]) { previous = order[i]; break; }
    for (i = index + 1; i < order.length; i++) if (sections[order[i]]) { next = order[i]; break; }
    var previousLink = nav.querySelector("a.tool-previous");
    if (previousLink) {
      previousLink.hidden = !previous;
      previousLink.setAttribute("href", previous ? "/vendor/sections/" + previous : "/vendor");
    }
    var nextLink = nav.querySelector("a.tool-next");
    if (nextLink) {
      nextLink.setAttribute("href", next ? "/vendor/sections/" + next : "/vendor/review");
      nextLink.textContent = nextLink.getAttribute(next ? "data-label-next" : "data-label-review");
    }
    prepareNeighbours();
  };

  // The side navigation marks each section complete or to complete as answers are saved.
  Autosave.prototype.applyCompletion = function (completeSections) {
    if (!Array.isArray(completeSections)) return;
    var complete = {};
    completeSections.forEach(function (id) {
      complete[id] = true;
    });
    toArray(document.querySelectorAll(".section-list[data-label-complete]")).forEach(function (list) {
      toArray(list.querySelectorAll("[data-section-link]")).forEach(function (link) {
        var done = !!complete[link.getAttribute("data-section-link")];
        link.classList.toggle("is-complete", done);
        link.classList.toggle("is-incomplete", !done);
        var status = link.querySelector(".section-link-status");
        if (status && !link.hidden) {
          status.textContent = list.getAttribute(done ? "data-label-complete" : "data-label-incomplete");
        }
      });
    });
  };

  Autosave.prototype.applyProgress = function (progress) {
    if (!progress || typeof progress !== "object") return;
    toArray(document.querySelectorAll("progress[data-progress]")).forEach(function (bar) {
      var n = progress[bar.getAttribute("data-progress")];
      if (typeof n !== "number") return;
      bar.value = n;
      bar.textContent = percentText(n);
    });
    toArray(document.querySelectorAll("[data-progress-text]")).forEach(function (el) {
      var n = progress[el.getAttribute("data-progress-text")];
      if (typeof n === "number") el.textContent = percentText(n);
    });
  };

  /* ---- tables wider than their box ------------------------------------------------------- */

  // A .table-wrap that scrolls is made focusable (the arrow keys then scroll it) and named after its
  // table's caption or its section's heading; it is put back when it fits again (a wider window).
  function labelOfWrap(wrap) {
    var table = wrap.querySelector("table");
    var caption = table && table.caption ? table.caption.textContent : "";
    if (!caption) {
      var section = wrap.closest("[aria-labelledby]");
      var heading = section ? document.getElementById(section.getAttribute("aria-labelledby").split(" ")[0]) : null;
      caption = heading ? heading.textContent : "";
    }
    var hint = lang === "en" ? "table, scroll sideways" : "tableau, à faire défiler horizontalement";
    return (caption ? caption.trim() + " — " : "") + hint;
  }

  function markScrollingTables() {
    toArray(document.querySelectorAll(".table-wrap")).forEach(function (wrap) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      var ours = wrap.hasAttribute("data-scroll-focus");
      if (scrolls && !ours && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("data-scroll-focus", "");
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "group");
        wrap.setAttribute("aria-label", labelOfWrap(wrap));
      } else if (!scrolls && ours) {
        ["data-scroll-focus", "tabindex", "role", "aria-label"].forEach(function (name) {
          wrap.removeAttribute(name);
        });
      }
    });
  }

  /* ---- a page shown after the browser prepared it ------------------------------------------ */

  // The next and previous sections are prerendered (Speculation Rules: src/web/speculative_loading.hpp)
  // before the vendor clicks, and a page may come back from the browser's history: when it is shown,
  // it asks for what may have changed since it was built and updates its progress, complete marks
  // and branching in place; when its own answers changed meanwhile (another tab, a colleague, an
  // import), it loads itself anew. If the question cannot be asked, it loads itself anew too.
  // GET the section's state (nav[data-state-url]): a promise of it (rejected when it cannot be
  // read), or null on a page without one.
  function fetchSectionState() {
    var nav = document.querySelector("nav[data-state-url]");
    if (!nav) return null;
    return fetch(nav.getAttribute("data-state-url"), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error("state " + response.status);
        return response.json();
      });
  }

  // The branching alone, asked again (a save's answer said it moved since the page last heard of it).
  function refreshBranching(autosave) {
    var asked = fetchSectionState();
    if (asked)
      asked.then(function (state) {
        autosave.applyBranching(state);
      }, function () {});
  }

  // Not location.reload(): the browser would put back the values the fields held, the stale ones.
  function loadAnew() {
    window.location.replace(window.location.href);
  }

  function refreshSectionState(autosave) {
    var nav = document.querySelector("nav[data-state-url]");
    var asked = fetchSectionState();
    if (!asked) return;
    asked
      .then(function (state) {
        if (state.fingerprint !== nav.getAttribute("data-state")) {
          loadAnew();
          return;
        }
        (autosave || Object.create(Autosave.prototype)).applyBranching(state);
        document.documentElement.setAttribute("data-state-checked", "1");
      })
      .catch(loadAnew);
  }

  // When the page is first shown to the vendor (at once, or when a prerendered page is activated):
  // the time of its first frame, on the page's clock (the browser benchmark reads it). Read inside
  // the frame's callback: the callback's argument is the frame's start, which may precede the load.
  // A section switched in place says so too: the event "cyberachat:shown" ({detail: {inPlace}}).
  function markShown(inPlace) {
    if (!window.requestAnimationFrame || !window.performance) return;
    requestAnimationFrame(function () {
      document.documentElement.setAttribute("data-shown-at", String(performance.timeOrigin + performance.now()));
      if (window.CustomEvent) document.dispatchEvent(new CustomEvent("cyberachat:shown", { detail: { inPlace: !!inPlace } }));
    });
  }

  function watchShowing() {
    var canAsk = !!(window.fetch && window.JSON);
    if (document.prerendering) {
      document.addEventListener(
        "prerenderingchange",
        function () {
          markShown(false);
          if (canAsk) refreshSectionState(currentAutosave);
          prepareNeighbours();
        },
        { once: true }
      );
    } else {
      markShown(false);
      // Prerendered, then shown before this script ran: ask all the same.
      var navigation = window.performance && performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
      if (navigation && navigation.activationStart > 0 && canAsk) refreshSectionState(currentAutosave);
    }
    window.addEventListener("pageshow", function (event) {
      if (event.persisted && canAsk) refreshSectionState(currentAutosave);
    });
  }

  /* ---- the next and previous sections, shown in place ---------------------------------------- */

  // Once shown and idle, a section page fetches the pages of its "previous" and "next" links
  // (X-Cyberachat-Prepare: the server treats it as a prerender) and parses them; on the click, the
  // prepared body replaces this one and the address is pushed: no new document. Then the page asks
  // for its state, as a prerendered one does (docs/performance.md). Not prepared, too old, other
  // assets, no fetch/DOMParser/pushState: the link is followed.
  var PREPARED_MAX_AGE_MS = 5 * 60 * 1000;
  var prepared = {}; // address → { doc: Document or null while loading, at: time fetched }
  var shownPath = window.location.pathname;
  var leaving = false;

  function canSwitchInPlace() {
    return !!(window.fetch && window.DOMParser && window.history && typeof history.pushState === "function" &&
              document.adoptNode && !document.prerendering);
  }

  function isSectionAddress(href) {
    return /^\/vendor\/sections\/[^/?#]+$/.test(href || "");
  }

  function neighbourLinks() {
    return toArray(document.querySelectorAll("a.tool-next, a.tool-previous")).filter(function (link) {
      return !link.hidden && isSectionAddress(link.getAttribute("href"));
    });
  }

  function prepareNeighbours() {
    if (!canSwitchInPlace() || !document.querySelector("nav[data-state-url]")) return;
    var wanted = {};
    neighbourLinks().forEach(function (link) {
      wanted[link.getAttribute("href")] = true;
    });
    Object.keys(prepared).forEach(function (href) {
      if (!wanted[href]) delete prepared[href];
    });
    neighbourLinks().forEach(function (link) {
      var entry = prepared[link.getAttribute("href")];
      if (!entry || !entry.doc) link.removeAttribute("data-prepared");
    });
    var later = window.requestIdleCallback || function (callback) { return setTimeout(callback, 50); };
    Object.keys(wanted).forEach(function (href) {
      var entry = prepared[href];
      if (entry && (!entry.doc || Date.now() - entry.at < PREPARED_MAX_AGE_MS)) return;
      entry = prepared[href] = { doc: null, at: Date.now() };
      later(function () {
        if (prepared[href] !== entry) return;
        fetch(href, { credentials: "same-origin", headers: { Accept: "text/html", "X-Cyberachat-Prepare": "section" } })
          .then(function (response) {
            var type = response.headers.get("Content-Type") || "";
            if (!response.ok || response.redirected || type.indexOf("text/html") !== 0) throw new Error("not a page");
            return response.text();
          })
          .then(function (html) {
            if (prepared[href] !== entry) return;
            entry.doc = new DOMParser().parseFromString(html, "text/html");
            entry.at = Date.now();
            neighbourLinks().forEach(function (link) {
              if (link.getAttribute("href") === href) link.setAttribute("data-prepared", "");
            });
          })
          .catch(function () {
            if (prepared[href] === entry) delete prepared[href];
          });
      });
    });
  }

  // The prepared page runs the same stylesheet and script as this one (not a page of a newer version).
  function sameAssets(doc) {
    var assets = function (d) {
      return toArray(d.querySelectorAll('link[rel="stylesheet"], script[src]'))
        .map(function (el) {
          return el.getAttribute("href") || el.getAttribute("src");
        })
        .join(" ");
    };
    return assets(doc) === assets(document);
  }

  function showPrepared(href) {
    var entry = prepared[href];
    if (!canSwitchInPlace() || !entry || !entry.doc || Date.now() - entry.at > PREPARED_MAX_AGE_MS) return false;
    var doc = entry.doc;
    if (!doc.body || !doc.querySelector("nav[data-state-url]") || !sameAssets(doc)) return false;
    prepared = {};
    knownState = ""; // until the page switched in has asked for its state
    var csrf = doc.querySelector('meta[name="csrf-token"]');
    var mine = document.querySelector('meta[name="csrf-token"]');
    if (csrf && mine) mine.setAttribute("content", csrf.getAttribute("content"));
    history.pushState({ cyberachat: "section" }, "", href);
    shownPath = window.location.pathname;
    document.title = doc.title;
    document.documentElement.replaceChild(document.adoptNode(doc.body), document.body);
    document.documentElement.removeAttribute("data-state-checked");
    window.scrollTo(0, 0);
    startPage(true);
    var main = document.getElementById("contenu");
    if (main && main.focus) main.focus({ preventScroll: true });
    return true;
  }

  // Follows a "previous" / "next" link: in place when its page is prepared, else as a link.
  function goToSection(href) {
    if (!showPrepared(href)) window.location.assign(href);
  }

  // "previous" / "next": once the running saves are done; not if one of them failed.
  function onNeighbourClick(event, link) {
    var href = link.getAttribute("href");
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (!isSectionAddress(href) || !canSwitchInPlace() || !prepared[href] || !prepared[href].doc) return;
    event.preventDefault();
    if (leaving) return; // a second click while the first waits for the saves
    leaving = true;
    var autosave = currentAutosave;
    var go = function () {
      leaving = false;
      if (autosave && !autosave.allSaved()) {
        var invalid = autosave.form.querySelector(".question-invalid");
        if (!invalid) return window.location.assign(href);
        var field = invalid.querySelector('[aria-invalid="true"]');
        if (field && field.focus) field.focus();
        else if (invalid.scrollIntoView) invalid.scrollIntoView({ block: "center" });
        return;
      }
      goToSection(href);
    };
    if (autosave) {
      autosave.saveChanged();
      autosave.whenIdle(go);
    } else {
      go();
    }
  }

  /* ---- start ------------------------------------------------------------------------------- */

  var currentAutosave = null;

  // What each page needs, on load and after a section is switched in place.
  function startPage(inPlace) {
    revealControls();
    currentAutosave = null;
    if (window.fetch && window.JSON) {
      toArray(document.querySelectorAll("form[data-autosave]")).forEach(function (form) {
        currentAutosave = new Autosave(form);
      });
    }
    if (inPlace) {
      markShown(true);
      refreshSectionState(currentAutosave);
    }
    if (!document.prerendering) prepareNeighbours();
    markScrollingTables();
    // After a failed post, bring the error summary into view for keyboard and screen-reader users.
    var summary = document.getElementById("error-summary");
    if (summary) summary.focus();
  }

  function start() {
    document.addEventListener("click", function (event) {
      var target = event.target instanceof Element ? event.target : null;
      if (!target) return;
      var neighbour = target.closest("a.tool-next, a.tool-previous");
      if (neighbour) {
        onNeighbourClick(event, neighbour);
        return;
      }
      var copy = target.closest("[data-copy]");
      if (copy) {
        event.preventDefault();
        copyFrom(copy);
        return;
      }
      if (target.closest("[data-print]")) {
        event.preventDefault();
        window.print();
        return;
      }
      var add = target.closest("[data-add-row]");
      if (add) {
        event.preventDefault();
        addRow(add);
      }
    });
    startPage(false);
    watchShowing();
    // Back or forward to a section shown in place: that address's page, loaded (a fragment link on
    // the same page moves nothing).
    window.addEventListener("popstate", function () {
      if (window.location.pathname !== shownPath) loadAnew();
    });
    var resizing = null;
    window.addEventListener("resize", function () {
      clearTimeout(resizing);
      resizing = setTimeout(markScrollingTables, 150);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
