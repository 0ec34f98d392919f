// Small enhancements on top of htmx; every page works without them.
(function () {
  'use strict';

  // The live state of a page: a text in the reader's language (data-text-<state>) beside a symbol.
  function liveState(state) {
    var el = document.getElementById('live-state');
    if (!el) { return; }
    el.dataset.state = state;
    el.textContent = el.dataset['text' + state.charAt(0).toUpperCase() + state.slice(1)] || '';
  }

  // Tells screen readers what was refreshed, through the page's polite live region.
  function announce(text) {
    var region = document.getElementById('announcer');
    if (!region || !text) { return; }
    region.textContent = '';
    window.setTimeout(function () { region.textContent = text; }, 50);
  }

  document.addEventListener('htmx:sseOpen', function () { liveState('live'); });
  document.addEventListener('htmx:sseError', function () { liveState('reconnecting'); });
  document.addEventListener('htmx:sseClose', function () { liveState('offline'); });
  document.addEventListener('htmx:afterSwap', function (event) {
    var target = event.detail && event.detail.elt;
    if (target && target.dataset && target.dataset.updatedText && event.detail.requestConfig
        && event.detail.requestConfig.triggeringEvent && /^sse:/.test(event.detail.requestConfig.triggeringEvent.type)) {
      announce(target.dataset.updatedText);
    }
  });
  // A large spreadsheet: the upload is sent by XHR to show its progress; without scripts the form posts as usual.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form || !form.dataset || !form.dataset.uploadProgress || !window.FormData || !window.XMLHttpRequest) { return; }
    var input = form.querySelector('input[type=file]');
    var file = input && input.files && input.files[0];
    if (!file) { return; }
    var max = Number(input.dataset.maxBytes || 0);
    if (max > 0 && file.size > max) { return; } // the server says it at the field, in the page's language
    var box = document.getElementById(form.dataset.uploadProgress);
    var bar = box && box.querySelector('progress');
    var text = box && box.querySelector('[role=status]');
    if (!box || !bar) { return; }
    event.preventDefault();
    var button = form.querySelector('button[type=submit]');
    if (button) { button.disabled = true; }
    box.hidden = false;
    bar.value = 0;
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    var token = form.querySelector('input[name=_csrf]');
    if (token) { xhr.setRequestHeader('X-CSRF-TOKEN', token.value); }
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); }
    });
    xhr.upload.addEventListener('load', function () {
      bar.value = 100;
      if (text) { text.textContent = text.dataset.textSent || ''; }
    });
    xhr.addEventListener('load', function () {
      // a preview was made: the server redirected to it; otherwise the form came back with what to correct
      if (xhr.responseURL && xhr.responseURL.split('#')[0] !== form.action) {
        window.location.assign(xhr.responseURL);
        return;
      }
      var page = new DOMParser().parseFromString(xhr.responseText, 'text/html');
      document.title = page.title;
      document.body.replaceWith(document.adoptNode(page.body));
      var summary = document.getElementById('error-summary');
      if (summary) { summary.focus(); }
    });
    xhr.addEventListener('error', function () { form.submit(); });
    xhr.send(new FormData(form));
  });
}());
