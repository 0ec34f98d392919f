// The forum service's API with the signed-in user's bearer token; a 401 renews the token once and tries again.

import * as auth from './auth.js';

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
  }
}

export class SignedOut extends Error {}

async function authorised(path, accept) {
  let token = await auth.token();
  if (!token) {
    throw new SignedOut();
  }
  const request = (bearer) => fetch(path, { headers: { Authorization: `Bearer ${bearer}`, Accept: accept }, cache: 'no-store' });
  let response = await request(token);
  if (response.status === 401) {
    token = await auth.refresh();
    if (!token) {
      throw new SignedOut();
    }
    response = await request(token);
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new ApiError(response.status, problem && problem.detail);
  }
  return response;
}

export async function get(path) {
  return (await authorised(path, 'application/json')).json();
}

/** Every item of a paged listing. */
export async function all(path) {
  const items = [];
  for (let page = 0; ; page += 1) {
    const separator = path.includes('?') ? '&' : '?';
    const result = await get(`${path}${separator}size=200&page=${page}`);
    items.push(...result.items);
    if (page + 1 >= result.totalPages) {
      return items;
    }
  }
}

/** Fetches a file with the token and hands it to the browser as a download. */
export async function download(path, filename, accept) {
  const blob = await (await authorised(path, accept)).blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
