// The forum dashboard: sign-in, the member's forums, one forum's views, kept up to date by its live stream.

import * as api from './api.js';
import * as auth from './auth.js';
import * as i18n from './i18n.js';
import { LiveFeed } from './live.js';
import * as views from './views.js';

const { t } = i18n;
const ALL_VIEWS = ['forum', 'tracker', 'needs-coverage', 'readiness', 'flags'];
const state = { config: null, forums: [], forumId: null, data: {}, feed: null, pending: new Set(), timer: null };

const $ = (id) => document.getElementById(id);

function show(id, visible) {
  $(id).hidden = !visible;
}

function message(text) {
  $('message').textContent = text || '';
  show('message', Boolean(text));
}

/** Says something to screen readers through the live region (cleared first, so a repeat is said again). */
function announce(text) {
  const region = $('announcer');
  region.textContent = '';
  setTimeout(() => { region.textContent = text; }, 50);
}

function problem(error) {
  if (error instanceof api.SignedOut) {
    return t('auth.ended');
  }
  if (error instanceof api.ApiError && error.status === 404) {
    return t('error.notFound');
  }
  if (error instanceof auth.SignInError) {
    return error.code === 'insecure' ? t('auth.insecure') : t('auth.failed', { detail: error.message });
  }
  return t('error.generic', { detail: error.message });
}

async function languages() {
  const select = $('language');
  const available = state.config.languages;
  await i18n.use(i18n.preferred(available), available);
  select.replaceChildren(...available.map((lang) => {
    const o = document.createElement('option');
    o.value = lang;
    o.lang = lang;
    o.textContent = i18n.languageName(lang);
    return o;
  }));
  select.value = i18n.current();
  select.addEventListener('change', async () => {
    await i18n.use(select.value, available);
    i18n.translate();
    redraw();
    announce(t('app.languageChanged'));
  });
  i18n.translate();
}

function who() {
  const user = auth.user();
  $('who').textContent = user ? t('auth.signedInAs', { name: user.name }) : '';
  show('who', Boolean(user));
  show('sign-out', Boolean(user));
}

async function loadForums() {
  state.forums = await api.get('/forums');
  drawForums();
}

function drawForums() {
  const list = $('forum-list');
  list.replaceChildren(...state.forums.map((f) => {
    const link = document.createElement('a');
    link.href = `#forum=${f.forumId}`;
    link.dataset.forumId = f.forumId;
    link.textContent = f.name || t('forums.unnamed');
    if (f.forumId === state.forumId) {
      link.setAttribute('aria-current', 'page');
    }
    const meta = document.createElement('span');
    meta.className = 'muted';
    meta.textContent = [f.area, f.seat ? i18n.label('seat', f.seat) : null].filter(Boolean).join(' · ');
    link.append(meta);
    const item = document.createElement('li');
    item.append(link);
    return item;
  }));
  show('no-forums', state.forums.length === 0);
}

function forumFromHash() {
  const match = /forum=([0-9a-f-]{36})/i.exec(location.hash);
  return match ? match[1].toLowerCase() : null;
}

async function openForum(forumId, focus) {
  if (state.feed) {
    state.feed.stop();
    state.feed = null;
  }
  state.forumId = forumId;
  state.data = {};
  drawForums();
  if (!forumId) {
    show('forum', false);
    return;
  }
  show('forum', true);
  try {
    await refresh(new Set(ALL_VIEWS));
  } catch (error) {
    message(problem(error));
    show('forum', false);
    return;
  }
  message('');
  if (focus) {
    $('forum-name').focus();
  }
  state.feed = new LiveFeed(forumId, hinted, liveState).start();
}

/** Fetches the named views of the open forum again and redraws them. */
async function refresh(names) {
  const id = state.forumId;
  const base = `/forums/${encodeURIComponent(id)}`;
  const jobs = [];
  if (names.has('forum')) {
    jobs.push(loadForums().then(() => {}));
  }
  if (names.has('tracker') || names.has('who-what-where') || names.has('forum')) {
    jobs.push(api.all(`${base}/tracker`).then((items) => { state.data.tracker = items; }));
  }
  if (names.has('needs-coverage') || names.has('forum')) {
    jobs.push(api.get(`${base}/needs-coverage`).then((cells) => { state.data.coverage = cells; }));
  }
  if (names.has('readiness') || names.has('forum')) {
    jobs.push(api.get(`${base}/readiness`).then((r) => { state.data.readiness = r; }));
  }
  if (names.has('flags') || names.has('forum')) {
    jobs.push(api.get(`${base}/flags`).then((f) => { state.data.flags = f; }));
  }
  await Promise.all(jobs);
  if (id !== state.forumId) {
    return;
  }
  redraw(names);
  $('updated-at').textContent = t('live.updatedAt', { time: i18n.time(new Date()) });
}

/** Draws the named views of the open forum (all of them without names), leaving the others as they are. */
function redraw(names = new Set(ALL_VIEWS)) {
  drawForums();
  if (!state.forumId) {
    return;
  }
  const all = names.has('forum');
  const forum = state.forums.find((f) => f.forumId === state.forumId);
  $('forum-name').textContent = forum && forum.name ? forum.name : t('forums.unnamed');
  $('forum-meta').textContent = forum ? [forum.area, forum.type ? i18n.label('forumType', forum.type) : null].filter(Boolean).join(' · ') : '';
  const d = state.data;
  if (d.tracker && (all || names.has('tracker') || names.has('who-what-where'))) {
    views.filters(d.tracker);
    views.tracker(d.tracker);
    views.sectors(d.tracker);
  }
  if (d.coverage && (all || names.has('needs-coverage'))) {
    views.coverage(d.coverage);
  }
  if (d.readiness && (all || names.has('readiness'))) {
    views.readiness(d.readiness);
  }
  if (d.flags && (all || names.has('flags'))) {
    views.flags(d.flags);
  }
  liveState(state.liveState || 'off');
}

/** A hint from the stream: gathers the views named within a short while, then fetches them once. */
function hinted(names) {
  (names || ALL_VIEWS).forEach((n) => state.pending.add(n));
  clearTimeout(state.timer);
  state.timer = setTimeout(async () => {
    const due = new Set(state.pending);
    state.pending.clear();
    try {
      await refresh(due);
      const labels = ALL_VIEWS.filter((n) => due.has(n)).map((n) => t(`live.view.${n}`));
      announce(t('live.updated', { views: i18n.list([...new Set(labels)]) }));
    } catch (error) {
      message(problem(error));
    }
  }, 300);
}

function liveState(value) {
  state.liveState = value;
  const element = $('live-state');
  element.dataset.state = value;
  element.textContent = t(`live.state.${value}`);
}

async function signedInView(returnTo) {
  show('signed-out', false);
  show('workspace', true);
  who();
  await loadForums();
  const forumId = forumFromHash();
  await openForum(forumId, Boolean(returnTo) && Boolean(forumId));
}

function signedOutView() {
  if (state.feed) {
    state.feed.stop();
    state.feed = null;
  }
  state.forumId = null;
  show('workspace', false);
  show('signed-out', true);
  who();
}

async function start() {
  try {
    const response = await fetch('config.json', { cache: 'no-cache' });
    state.config = await response.json();
    await languages();
  } catch (error) {
    show('loading', false);
    message(`The dashboard could not load its settings: ${error.message}`);
    return;
  }
  $('sign-in').addEventListener('click', () => auth.signIn().catch((e) => message(problem(e))));
  $('sign-out').addEventListener('click', () => auth.signOut());
  const filters = $('tracker-filters');
  filters.addEventListener('input', () => state.data.tracker && views.tracker(state.data.tracker));
  filters.addEventListener('change', () => state.data.tracker && views.tracker(state.data.tracker));
  filters.addEventListener('submit', (e) => e.preventDefault());
  filters.addEventListener('reset', () => setTimeout(() => state.data.tracker && views.tracker(state.data.tracker)));
  $('export-3w').addEventListener('click', () => api.download(`/forums/${state.forumId}/exports/3w.csv`, '3w.csv', 'text/csv')
    .catch((e) => message(problem(e))));
  $('export-iati').addEventListener('click', () => api.download(`/forums/${state.forumId}/exports/iati.xml`, 'iati-activities.xml', 'application/xml')
    .catch((e) => message(problem(e))));
  // the skip link moves focus without touching the address, which names the open forum
  document.querySelector('.skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    $('main').focus();
  });
  window.addEventListener('hashchange', () => {
    if (auth.signedIn() && forumFromHash() !== state.forumId) {
      openForum(forumFromHash(), true);
    }
  });
  auth.events.addEventListener('ended', async () => {
    signedOutView();
    message(t('auth.ended'));
    await auth.signInAgain().catch((e) => message(problem(e)));
  });
  let returnTo = null;
  try {
    returnTo = await auth.init(state.config);
  } catch (error) {
    message(problem(error));
  }
  show('loading', false);
  if (auth.signedIn()) {
    try {
      await signedInView(returnTo);
    } catch (error) {
      message(problem(error));
    }
  } else {
    signedOutView();
  }
  document.body.dataset.ready = 'true';
}

start();
