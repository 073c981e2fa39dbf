// Storage Commitment views. Incoming (we are the SCP): the StorageCommitmentScp jobs, their
// per-instance results as a job output. Outgoing (we are the SCU): /storage-commitment.
'use strict';

// The job output holding an incoming transaction's per-instance results (GET /jobs/{id}/{output}).
const SCP_RESULTS_OUTPUT = 'results';

// GET /storage-commitment: a list of transactions (objects, or IDs to expand one by one).
async function outgoingList() {
  const answer = await api.get('/storage-commitment?expand');
  const items = Array.isArray(answer) ? answer : (answer && (answer.Transactions || answer.Items)) || [];
  const out = [];
  for (const item of items) {
    if (typeof item === 'string') {
      const t = await api.get('/storage-commitment/' + encodeURIComponent(item));
      out.push(Object.assign({ ID: item }, t));
    } else {
      out.push(Object.assign({ ID: item.ID || item.TransactionUID || item.TransactionUid }, item));
    }
  }
  return out;
}

// One instance's result: the SCP job's results output ({SOPClassUID, SOPInstanceUID, Committed:
// true|false|null (not checked yet), FailureReason, Description}) or an item of Orthanc's
// Success / Failures lists.
function instanceResult(row) {
  const reason = row.FailureReason;
  const failed = row.Committed === false || (reason !== undefined && reason !== null && reason !== '');
  return {
    sopClass: row.SOPClassUID || '',
    sopInstance: row.SOPInstanceUID || '',
    result: row.Committed === null ? 'Not checked yet' : failed ? 'Failed' : 'Committed',
    reason: failed ? failureReason(reason) : '',
    description: row.Description || '',
  };
}

document.addEventListener('alpine:init', () => {
  Alpine.data('incoming', () => polled(Object.assign(pager(25), {
    rows: [],
    state: '',
    init() {
      const fromRoute = () => { this.state = Alpine.store('route').params.state || ''; this.page = 0; this.refresh(); };
      this.$watch('$store.route.params', fromRoute);
      fromRoute();
    },
    async refresh() {
      await this.safely(async () => {
        const jobs = await api.get('/jobs?expand');
        this.rows = jobs.filter(j => j.Type === SCP.TYPE && (!this.state || j.State === this.state))
          .sort((a, b) => (b.CreationTime || '').localeCompare(a.CreationTime || ''));
        this.clamp(this.rows);
      });
    },
  })));

  Alpine.data('incomingDetail', () => polled({
    job: null,
    results: null,
    resultsError: '',
    init() {
      this.$watch('$store.route.id', () => { this.job = null; this.results = null; this.refresh(); });
      this.refresh();
    },
    async refresh() {
      const id = Alpine.store('route').id;
      if (!id) return;
      await this.safely(async () => {
        this.job = await api.get('/jobs/' + encodeURIComponent(id));
        try {
          const out = await api.get('/jobs/' + encodeURIComponent(id) + '/' + SCP_RESULTS_OUTPUT);
          this.results = (Array.isArray(out) ? out : []).map(instanceResult);
          this.resultsError = '';
        } catch (e) {
          this.results = null;
          this.resultsError = e.message;
        }
      });
    },
    action(name) {
      return this.act('/jobs/' + encodeURIComponent(this.job.ID) + '/' + name, {},
        () => { this.notice = name + ' asked'; });
    },
  }));

  Alpine.data('outgoing', () => polled(Object.assign(pager(25), {
    rows: [],
    status: '',
    missing: false,
    init() {
      const fromRoute = () => { this.status = Alpine.store('route').params.status || ''; this.page = 0; this.refresh(); };
      this.$watch('$store.route.params', fromRoute);
      fromRoute();
    },
    async refresh() {
      await this.safely(async () => {
        try {
          const all = await outgoingList();
          this.missing = false;
          this.rows = all.filter(t => !this.status || t.Status === this.status);
          this.clamp(this.rows);
        } catch (e) {
          if (e.status !== 404) throw e;
          this.missing = true;
        }
      });
    },
  })));

  Alpine.data('outgoingDetail', () => polled({
    t: null,
    init() {
      this.$watch('$store.route.id', () => { this.t = null; this.refresh(); });
      this.refresh();
    },
    async refresh() {
      const id = Alpine.store('route').id;
      if (!id) return;
      await this.safely(async () => {
        this.t = await api.get('/storage-commitment/' + encodeURIComponent(id));
      });
    },
    committed() { return ((this.t && this.t.Success) || []).map(instanceResult); },
    failures() { return ((this.t && this.t.Failures) || []).map(instanceResult); },
    confirming: false,
    removeLocal() {
      this.confirming = false;
      const id = Alpine.store('route').id;
      return this.act('/storage-commitment/' + encodeURIComponent(id) + '/remove', {},
        () => { this.notice = 'Local copies removed.'; });
    },
  }));
});
