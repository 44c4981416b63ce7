// ==UserScript==
// @name         aspalint before send
// @namespace    aspalint
// @version      1.0.0
// @description  Lints a reply with a local aspalint serve before it is sent, in Zendesk, Freshdesk and Front, and shows the findings.
// @match        https://*.zendesk.com/agent/*
// @match        https://*.freshdesk.com/a/*
// @match        https://app.frontapp.com/*
// @grant        GM_xmlhttpRequest
// @connect      127.0.0.1
// ==/UserScript==
//
// Run `npx aspalint serve` on the agent's machine (or point ASPALINT_URL at a
// shared service). The script watches the helpdesk's Send button: on the first
// click it lints the reply (POST /v1/lint); when the draft has findings, it shows
// them and holds the reply back — a second click sends it as it is. A reply with
// no findings (or only hints) goes out at once.
(function () {
  'use strict';
  const ASPALINT_URL = globalThis.ASPALINT_URL ?? 'http://127.0.0.1:8080';
  // Where the reply and its Send button are, per helpdesk (their editors change; adjust here).
  const EDITOR = globalThis.ASPALINT_EDITOR ?? '[data-test-id="omnicomposer-rich-text-ckeditor"], .redactor_editor, .fr-element, [contenteditable="true"], textarea';
  const SEND = globalThis.ASPALINT_SEND ?? '[data-test-id="submit_button-button"], [data-test-id="ticket-reply-send"], button[type="submit"], .send-button';

  /** POST JSON: GM_xmlhttpRequest in a user-script manager, fetch elsewhere (needs aspalint serve --allow-origin). */
  function post(path, body) {
    const url = ASPALINT_URL + path;
    if (typeof GM_xmlhttpRequest === 'function') {
      return new Promise((resolve, reject) =>
        GM_xmlhttpRequest({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/json' },
          data: JSON.stringify(body),
          onload: (r) => (r.status === 200 ? resolve(JSON.parse(r.responseText)) : reject(new Error(`aspalint: ${r.status} ${r.responseText}`))),
          onerror: () => reject(new Error(`aspalint is not reachable at ${ASPALINT_URL}`)),
        }),
      );
    }
    return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => {
      if (!r.ok) throw new Error(`aspalint: ${r.status} ${await r.text()}`);
      return r.json();
    });
  }

  function replyText(editor) {
    return 'value' in editor && typeof editor.value === 'string' ? editor.value : editor.innerText;
  }

  function panel() {
    let box = document.getElementById('aspalint-panel');
    if (!box) {
      box = document.createElement('aside');
      box.id = 'aspalint-panel';
      box.setAttribute('role', 'status');
      box.style.cssText = 'position:fixed;right:16px;bottom:16px;max-width:420px;max-height:60vh;overflow:auto;z-index:99999;background:#fff;color:#222;border:1px solid #c8c8c8;border-radius:6px;box-shadow:0 4px 16px rgba(0,0,0,.2);font:14px/1.4 system-ui,sans-serif;padding:12px 14px';
      document.body.appendChild(box);
    }
    return box;
  }

  /** Text only, never HTML: messages quote the reply, which is the agent's (or the customer's) text. */
  function show(file, note) {
    const box = panel();
    box.replaceChildren();
    const head = document.createElement('strong');
    head.textContent = note ?? `aspalint: score ${file.score}${file.bingo.squares.length ? ` · bingo: ${file.bingo.squares.join(', ')}` : ''}`;
    box.appendChild(head);
    const list = document.createElement('ul');
    list.style.cssText = 'margin:8px 0 0;padding-left:18px';
    for (const f of file?.findings ?? []) {
      const item = document.createElement('li');
      item.dataset.rule = f.ruleId;
      item.textContent = `${f.message}${f.suggestions.length ? ` → ${f.suggestions.slice(0, 2).join(' / ')}` : ''} (${f.ruleId})`;
      list.appendChild(item);
    }
    box.appendChild(list);
    if (file && file.findings.some((f) => f.severity !== 'info')) {
      const hint = document.createElement('p');
      hint.style.margin = '8px 0 0';
      hint.textContent = 'Korjaa ja lähetä uudelleen – tai lähetä sellaisenaan painamalla uudelleen. / Rätta och skicka igen – eller klicka igen för att skicka ändå.';
      box.appendChild(hint);
    }
  }

  let approved = null; // the text the agent chose to send despite its findings

  document.addEventListener(
    'click',
    (event) => {
      const send = event.target instanceof Element ? event.target.closest(SEND) : null;
      const editor = send && document.querySelector(EDITOR);
      if (!editor) return;
      const text = replyText(editor);
      if (text.trim() === '' || approved === text) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      post('/v1/lint', { reply: text })
        .then((doc) => {
          const file = doc.files[0];
          show(file);
          if (file.findings.every((f) => f.severity === 'info')) {
            approved = text;
            send.click();
          } else approved = text; // a second click sends it as it is
        })
        .catch((err) => {
          // aspalint down: say so and let the reply go, never block the agent's work.
          show(null, err.message);
          approved = text;
        });
    },
    true,
  );
})();
