// Storage Commitment views. Incoming (we are the SCP): the StorageCommitmentScp jobs, their
// per-instance results as a job output. Outgoing (we are the SCU): /storage-commitment.
'use strict';

// The job output holding an incoming transaction's per-instance results (GET /jobs/{id}/{output}).
const SCP_RESULTS_OUTPUT = 'results';

// GET /storage-commitment: transaction summaries (ID, Modality, RemoteAET, Status, CreationTime,
// CompletionTime, Reports, LastError, ...), oldest first, filtered and paged by the server.
function outgoingList(params) {
  const q = new URLSearchParams(params || {}).toString();
  return api.get('/storage-commitment' + (q ? '?' + q : ''));
}

// Epoch ms -> the list's YYYYMMDDTHHMMSS (UTC) filter form.
function listTime(ms) {
  return new Date(ms).toISOString().replace(/[-:]/g, '').slice(0, 15);
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

  Alpine.data('outgoing', () => polled({
    rows: [],
    status: '',
    missing: false,
    page: 0,
    size: 25,
    more: false,
    init() {
      const fromRoute = () => { this.status = Alpine.store('route').params.status || ''; this.page = 0; this.refresh(); };
      this.$watch('$store.route.params', fromRoute);
      fromRoute();
    },
    go(delta) {
      this.page = Math.max(0, this.page + delta);
      return this.refresh();
    },
    async refresh() {
      await this.safely(async () => {
        const params = { since: this.page * this.size, limit: this.size + 1 };
        if (this.status) params.status = this.status;
        try {
          const found = await outgoingList(params);
          this.missing = false;
          this.more = found.length > this.size;
          this.rows = found.slice(0, this.size);
        } catch (e) {
          if (e.status !== 404) throw e;
          this.missing = true;
        }
      });
    },
  }));

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
