// The page's frame: hash routes (#/view/id?param=value), a clock that makes the visible view
// refresh itself (?poll=ms in the page's address, default 2000), and the dashboard.
'use strict';

const POLL_MS = Number(new URLSearchParams(location.search).get('poll')) || 2000;

// Incoming commitments are the jobs of this type; the names their Content uses (docs/CONFIGURATION.md).
const SCP = {
  TYPE: 'StorageCommitmentScp',
  pick(content, names) {
    for (const n of names) {
      if (content && content[n] !== undefined && content[n] !== null) return content[n];
    }
    return null;
  },
  instances(job) { return SCP.pick(job.Content, ['InstancesCount']); },
  committed(job) { return SCP.pick(job.Content, ['Committed']); },
  failed(job) { return SCP.pick(job.Content, ['Failed']); },
  attempts(job) { return SCP.pick(job.Content, ['DeliveryAttempts']); },
  lastError(job) { return SCP.pick(job.Content, ['LastError']); },
  nextAttempt(job) { return job.NextAttemptTime || ''; },
  // delivered / retrying / failed, or where the job is before the report goes out
  delivery(job) {
    switch (job.State) {
      case 'Success': return 'Delivered';
      case 'Retry': return 'Retrying';
      case 'Failure': return 'Failed';
      case 'Paused': return 'Paused';
      case 'Running': return 'Checking / delivering';
      default: return 'Waiting';
    }
  },
  awaiting(job) { return job.State !== 'Success' && job.State !== 'Failure'; },
};

const JOB_STATES = ['Pending', 'Running', 'Retry', 'Paused', 'Success', 'Failure'];

function jobActions(state) {
  return {
    pause: ['Pending', 'Running', 'Retry'].includes(state),
    resume: state === 'Paused',
    cancel: ['Pending', 'Running', 'Retry', 'Paused'].includes(state),
    resubmit: state === 'Failure',
  };
}

// A view that loads itself when shown, then at every tick; errors go to `error`, readable.
function polled(extra) {
  return Object.assign({
    error: '',
    actionError: '',
    notice: '',
    loaded: false,
    busy: false,
    async safely(work) {
      try {
        await work();
        this.error = '';
      } catch (e) {
        this.error = e && e.message ? e.message : String(e);
      } finally {
        this.loaded = true;
      }
    },
    // An action's failure stays shown (the next poll would clear `error`) until another action.
    async act(path, body, done) {
      this.busy = true;
      this.notice = '';
      this.actionError = '';
      try {
        const answer = await api.post(path, body);
        if (done) done(answer);
        await this.refresh();
      } catch (e) {
        this.actionError = e.message;
      } finally {
        this.busy = false;
      }
    },
  }, extra);
}

function pager(size) {
  return {
    page: 0,
    size,
    pageOf(rows) { return rows.slice(this.page * this.size, (this.page + 1) * this.size); },
    pages(rows) { return Math.max(1, Math.ceil(rows.length / this.size)); },
    clamp(rows) { if (this.page >= this.pages(rows)) this.page = this.pages(rows) - 1; },
  };
}

document.addEventListener('alpine:init', () => {
  Alpine.store('route', { view: 'dashboard', id: null, params: {} });
  const route = Alpine.store('route');
  const parse = () => {
    const hash = location.hash.replace(/^#\/?/, '');
    const [path, query] = hash.split('?');
    const parts = (path || '').split('/').filter(Boolean).map(decodeURIComponent);
    route.view = parts[0] || 'dashboard';
    route.id = parts.length > 1 ? parts.slice(1).join('/') : null;
    route.params = Object.fromEntries(new URLSearchParams(query || ''));
  };
  window.addEventListener('hashchange', parse);
  parse();
  setInterval(() => window.dispatchEvent(new CustomEvent('tick')), POLL_MS);

  Alpine.data('dashboard', () => polled({
    summary: null,
    incoming: { transactions: 0, committed: 0, failed: 0, awaiting: 0, undelivered: 0 },
    outgoing: null,
    init() { this.refresh(); },
    async refresh() {
      await this.safely(async () => {
        const [summary, jobs] = await Promise.all([api.get('/summary'), api.get('/jobs?expand')]);
        this.summary = summary;
        const since = fmt.epoch(summary.Time) - 3600 * 1000;
        const recent = jobs.filter(j => j.Type === SCP.TYPE && fmt.epoch(j.CreationTime) >= since);
        // committed / failed as the delivered reports said; a report not delivered promised nothing
        const delivered = recent.filter(j => j.State === 'Success');
        this.incoming = {
          transactions: recent.length,
          committed: delivered.reduce((n, j) => n + Number(SCP.committed(j) || 0), 0),
          failed: delivered.reduce((n, j) => n + Number(SCP.failed(j) || 0), 0),
          awaiting: recent.filter(SCP.awaiting).length,
          undelivered: recent.filter(j => j.State === 'Failure').length,
        };
        this.outgoing = await outgoingLastHour(since);
      });
    },
    usedShare() {
      const d = this.summary && this.summary.Disk;
      if (!d || !d.TotalBytes) return 0;
      return Math.min(100, Math.round(100 * (d.TotalBytes - d.FreeBytes) / d.TotalBytes));
    },
  }));
});

// The outgoing (SCU) transactions begun in the last hour, counted by Status; null when the
// server has no /storage-commitment list.
async function outgoingLastHour(since) {
  let list;
  try {
    list = await outgoingList({ from: listTime(since), limit: 10000 });
  } catch (e) {
    if (e.status === 404) return null;
    throw e;
  }
  const counts = { Pending: 0, Success: 0, Failure: 0, Timeout: 0 };
  for (const t of list) {
    counts[t.Status] = (counts[t.Status] || 0) + 1;
  }
  return counts;
}
