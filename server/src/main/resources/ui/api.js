// The page's only way to the server: the public REST API, same origin, same credentials.
// Every failure becomes an ApiError whose message a person can read (never a stack trace).
'use strict';

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// The API's root: where /ui/ is served from (works behind a proxy that adds a prefix). Built from
// location.origin, which never carries user:password@, so fetch() accepts it.
const API_ROOT = location.origin + location.pathname.replace(/\/ui(\/.*)?$/, '');

const api = {
  async request(method, path, body) {
    const init = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(API_ROOT + path, init);
    } catch (e) {
      throw new ApiError(0, 'Custodian did not answer (' + method + ' ' + path + '): is the server running?');
    }
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (e) {
      json = null;
    }
    if (!response.ok) {
      throw new ApiError(response.status, api.describe(response.status, json, text));
    }
    return json;
  },

  // Orthanc's error body: {"Message": "...", "Details": "..."}; anything else: the status alone.
  describe(status, json, text) {
    if (status === 401) {
      return 'Not signed in: this server needs a user name and password (reload the page to sign in).';
    }
    if (json && typeof json === 'object' && json.Message) {
      return json.Message + (json.Details ? ': ' + json.Details : '');
    }
    const plain = (text || '').trim();
    if (plain && plain.length < 200 && !plain.startsWith('<')) {
      return 'HTTP ' + status + ': ' + plain;
    }
    return 'HTTP ' + status + ' from the server';
  },

  get(path) { return api.request('GET', path); },
  post(path, body) { return api.request('POST', path, body === undefined ? {} : body); },
};

// Presentation helpers shared by the views.
const fmt = {
  // Orthanc's "20261127T101530.123000" (UTC) -> "2026-11-27 10:15:30 UTC"
  time(t) {
    if (!t || typeof t !== 'string') return '';
    const m = t.match(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})/);
    return m ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]} UTC` : t;
  },
  date(d) {
    const m = (d || '').match(/^(\d{4})(\d{2})(\d{2})$/);
    return m ? `${m[1]}-${m[2]}-${m[3]}` : (d || '');
  },
  epoch(t) {
    const m = (t || '').match(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})/);
    return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : NaN;
  },
  bytes(n) {
    const v = Number(n);
    if (!isFinite(v)) return '';
    const units = ['B', 'KB', 'MB', 'GB', 'TB'];
    let i = 0;
    let x = v;
    while (x >= 1024 && i < units.length - 1) { x /= 1024; i++; }
    return (i === 0 ? x : x.toFixed(1)) + ' ' + units[i];
  },
  name(pn) { return (pn || '').replace(/\^+/g, ' ').trim(); },
  short(id) { return (id || '').length > 20 ? id.slice(0, 8) + '…' + id.slice(-6) : (id || ''); },
};

// PS3.3 C.14.1.1 / PS3.4 Annex J Failure Reason values, in words.
const FAILURE_REASONS = {
  0x0110: 'Processing failure (file missing or damaged, or the check could not run)',
  0x0112: 'No such object instance (not held by the archive)',
  0x0119: 'Class / instance conflict (stored under another SOP class)',
  0x0122: 'Referenced SOP class not supported',
  0x0131: 'Duplicate transaction UID',
  0x0213: 'Resource limitation',
};

// Orthanc writes FailureReason as a decimal integer (274 = 0112H); "0112H" and "0x0112" are read too.
function failureReason(code) {
  if (code === undefined || code === null || code === '') return '';
  const text = String(code).trim();
  let n;
  if (typeof code === 'number') n = code;
  else if (/^0x[0-9a-f]+$/i.test(text)) n = parseInt(text.slice(2), 16);
  else if (/^[0-9a-f]+h$/i.test(text)) n = parseInt(text.slice(0, -1), 16);
  else n = parseInt(text, 10);
  if (isNaN(n)) return text;
  const hex = n.toString(16).toUpperCase().padStart(4, '0') + 'H';
  const words = FAILURE_REASONS[n];
  return words ? `${words} [${hex}]` : `Failure reason ${hex}`;
}
