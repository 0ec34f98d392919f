// Sign-in with the OpenID provider as a public client: authorization code flow with PKCE (S256).
// The pending sign-in (state, code verifier, nonce) and the tokens live in sessionStorage: per tab, gone when it closes.

const SESSION = 'arrival.dashboard.session';
const PENDING = 'arrival.dashboard.sign-in';
const AUTO = 'arrival.dashboard.auto-sign-in';
const REFRESH_BEFORE_MS = 60_000;

let config = null;
let provider = null;
let session = null;
let refreshing = null;
let refreshTimer = null;

/** Fires 'ended' when the session can no longer be renewed. */
export const events = new EventTarget();

export class SignInError extends Error {
  constructor(code, detail) {
    super(detail || code);
    this.code = code;
  }
}

function base64url(bytes) {
  let text = '';
  bytes.forEach((b) => { text += String.fromCharCode(b); });
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function random(length) {
  return base64url(crypto.getRandomValues(new Uint8Array(length)));
}

async function challengeOf(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

function decode(jwt) {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(part), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''));
    return JSON.parse(json);
  } catch (e) {
    return {};
  }
}

function redirectUri() {
  return `${location.origin}${location.pathname}`;
}

async function discover(issuer) {
  const response = await fetch(`${issuer}/.well-known/openid-configuration`);
  if (!response.ok) {
    throw new SignInError('discovery', `${response.status}`);
  }
  const document = await response.json();
  if (document.issuer !== issuer) {
    throw new SignInError('discovery', `issuer ${document.issuer} is not ${issuer}`);
  }
  return document;
}

/**
 * Reads the provider's endpoints and the stored session; completes a sign-in when the page is the redirect target
 * (?code=…&state=…). Returns the path to go back to after a completed sign-in, or null.
 */
export async function init(settings) {
  config = settings;
  provider = await discover(settings.issuer);
  const stored = sessionStorage.getItem(SESSION);
  session = stored ? JSON.parse(stored) : null;
  const query = new URLSearchParams(location.search);
  if (query.has('code') || query.has('error')) {
    return complete(query);
  }
  if (session) {
    schedule();
  }
  return null;
}

export function signedIn() {
  return session !== null;
}

/** Who is signed in, from the access token's claims. */
export function user() {
  if (!session) {
    return null;
  }
  const claims = decode(session.accessToken);
  return {
    name: claims.preferred_username || claims.name || claims.sub,
    organisationId: claims.org_id || null,
    roles: (claims.realm_access && claims.realm_access.roles) || [],
  };
}

/** Starts a sign-in: off to the provider's authorization endpoint, back to this page with a code. */
export async function signIn(returnTo = location.hash, language = document.documentElement.lang) {
  if (!window.isSecureContext || !crypto.subtle) {
    throw new SignInError('insecure');
  }
  const verifier = random(48);
  const pending = { state: random(24), verifier, nonce: random(24), returnTo, redirectUri: redirectUri() };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const url = new URL(provider.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: pending.redirectUri,
    scope: config.scope,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
    ui_locales: language,
  }).toString();
  location.assign(url.toString());
}

async function complete(query) {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  // the code and state leave the address bar (and the history) at once
  history.replaceState(null, '', `${location.pathname}${pending && pending.returnTo ? pending.returnTo : ''}`);
  if (query.has('error')) {
    throw new SignInError(query.get('error'), query.get('error_description'));
  }
  if (!pending || query.get('state') !== pending.state) {
    throw new SignInError('state');
  }
  const tokens = await tokenRequest({
    grant_type: 'authorization_code',
    code: query.get('code'),
    redirect_uri: pending.redirectUri,
    client_id: config.clientId,
    code_verifier: pending.verifier,
  });
  if (tokens.id_token && decode(tokens.id_token).nonce !== pending.nonce) {
    throw new SignInError('nonce');
  }
  keep(tokens);
  sessionStorage.removeItem(AUTO);
  return pending.returnTo || '';
}

async function tokenRequest(form) {
  const response = await fetch(provider.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.access_token) {
    throw new SignInError(body.error || `${response.status}`, body.error_description);
  }
  return body;
}

function keep(tokens) {
  const now = Date.now();
  session = {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token || (session && session.refreshToken) || null,
    idToken: tokens.id_token || (session && session.idToken) || null,
    expiresAt: now + (tokens.expires_in || 60) * 1000,
  };
  sessionStorage.setItem(SESSION, JSON.stringify(session));
  schedule();
}

function schedule() {
  clearTimeout(refreshTimer);
  const wait = Math.max(5_000, session.expiresAt - Date.now() - REFRESH_BEFORE_MS);
  refreshTimer = setTimeout(() => { refresh(); }, wait);
}

/** A valid access token (renewed first when it is about to expire), or null when signed out. */
export async function token() {
  if (!session) {
    return null;
  }
  if (session.expiresAt - Date.now() > 15_000) {
    return session.accessToken;
  }
  return refresh();
}

/** Renews the access token with the refresh token; ends the session when that fails. */
export function refresh() {
  if (!refreshing) {
    refreshing = renew().finally(() => { refreshing = null; });
  }
  return refreshing;
}

async function renew() {
  if (!session || !session.refreshToken) {
    end();
    return null;
  }
  try {
    keep(await tokenRequest({ grant_type: 'refresh_token', refresh_token: session.refreshToken, client_id: config.clientId }));
    return session.accessToken;
  } catch (e) {
    end();
    return null;
  }
}

function end() {
  clearTimeout(refreshTimer);
  session = null;
  sessionStorage.removeItem(SESSION);
  events.dispatchEvent(new Event('ended'));
}

/**
 * Signs in again after the session ended, unless that was tried in the last minute (so a provider that keeps
 * refusing cannot send the page round in circles). Returns whether it went.
 */
export async function signInAgain() {
  const last = Number(sessionStorage.getItem(AUTO) || 0);
  if (Date.now() - last < 60_000) {
    return false;
  }
  sessionStorage.setItem(AUTO, String(Date.now()));
  await signIn();
  return true;
}

/** Forgets the tokens and ends the provider's session, coming back to this page. */
export function signOut() {
  const idToken = session && session.idToken;
  clearTimeout(refreshTimer);
  session = null;
  sessionStorage.removeItem(SESSION);
  if (!provider.end_session_endpoint) {
    location.assign(redirectUri());
    return;
  }
  const url = new URL(provider.end_session_endpoint);
  const params = new URLSearchParams({ client_id: config.clientId, post_logout_redirect_uri: redirectUri() });
  if (idToken) {
    params.set('id_token_hint', idToken);
  }
  url.search = params.toString();
  location.assign(url.toString());
}
