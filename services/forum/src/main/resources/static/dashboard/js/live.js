// Live updates of one forum: the server-sent event stream read with fetch (EventSource cannot send a bearer token),
// reconnecting with a growing pause after a drop, and when the server stops sending (not even heartbeats).

import * as auth from './auth.js';

const MAX_PAUSE_MS = 30_000;

/** Splits a text/event-stream into events: {event, data, id}; comment lines count as signs of life only. */
export function parser(onEvent, onAlive) {
  let buffer = '';
  let event = { event: 'message', data: [], id: null };
  return (chunk) => {
    buffer += chunk;
    const lines = buffer.split(/\r\n|\r|\n/);
    buffer = lines.pop();
    for (const line of lines) {
      onAlive();
      if (line === '') {
        if (event.data.length > 0) {
          onEvent({ event: event.event, data: event.data.join('\n'), id: event.id });
        }
        event = { event: 'message', data: [], id: null };
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') {
          event.event = value;
        } else if (field === 'data') {
          event.data.push(value);
        } else if (field === 'id') {
          event.id = value;
        }
      }
    }
  };
}

export class LiveFeed {
  /**
   * @param forumId the forum
   * @param onChange called with the names of the views to fetch again (all of them after a reconnect)
   * @param onState called with 'connecting', 'live', 'reconnecting' or 'offline'
   */
  constructor(forumId, onChange, onState) {
    this.forumId = forumId;
    this.onChange = onChange;
    this.onState = onState;
    this.stopped = false;
    this.connectedBefore = false;
    this.controller = null;
    this.watchdog = null;
  }

  start() {
    this.run();
    return this;
  }

  stop() {
    this.stopped = true;
    clearInterval(this.watchdog);
    if (this.controller) {
      this.controller.abort();
    }
  }

  async run() {
    let pause = 1000;
    while (!this.stopped) {
      this.onState(this.connectedBefore ? 'reconnecting' : 'connecting');
      const outcome = await this.connect().catch(() => 'dropped');
      if (this.stopped) {
        return;
      }
      if (outcome === 'gone') {
        this.onState('offline');
        return;
      }
      if (outcome === 'signed-out') {
        this.onState('offline');
        return;
      }
      if (outcome === 'was-live') {
        pause = 1000;
      }
      this.onState('reconnecting');
      await new Promise((resolve) => { setTimeout(resolve, pause + Math.random() * 500); });
      pause = Math.min(pause * 2, MAX_PAUSE_MS);
    }
  }

  /** One connection, until it ends; says how it ended. */
  async connect() {
    let token = await auth.token();
    if (!token) {
      return 'signed-out';
    }
    this.controller = new AbortController();
    const response = await fetch(`/forums/${encodeURIComponent(this.forumId)}/stream`, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
      cache: 'no-store',
      signal: this.controller.signal,
    });
    if (response.status === 401) {
      token = await auth.refresh();
      return token ? 'dropped' : 'signed-out';
    }
    if (response.status === 403 || response.status === 404) {
      return 'gone';
    }
    if (!response.ok || !response.body) {
      return 'dropped';
    }
    let lastSign = Date.now();
    let silenceMs = 45_000;
    let live = false;
    let ended = null;
    const feed = parser((message) => {
      if (message.event === 'ready') {
        const ready = JSON.parse(message.data);
        silenceMs = Math.max(10_000, ready.heartbeatSeconds * 2500 + 5000);
        live = true;
        this.onState('live');
        if (this.connectedBefore) {
          this.onChange(null); // changes may have been missed while away: fetch everything
        }
        this.connectedBefore = true;
      } else if (message.event === 'changed') {
        this.onChange(JSON.parse(message.data).views);
      } else if (message.event === 'closed') {
        ended = 'gone';
      } else if (message.event === 'expired') {
        ended = 'dropped';
      }
    }, () => { lastSign = Date.now(); });
    clearInterval(this.watchdog);
    this.watchdog = setInterval(() => {
      if (Date.now() - lastSign > silenceMs && this.controller) {
        this.controller.abort();
      }
    }, 2000);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          break;
        }
        feed(value);
      }
    } catch (e) {
      // aborted by the watchdog or by stop(), or the network dropped
    } finally {
      clearInterval(this.watchdog);
    }
    if (ended === 'gone') {
      return 'gone';
    }
    return live ? 'was-live' : 'dropped';
  }
}
