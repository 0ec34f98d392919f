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
}());
