// Studies: search by patient name / ID / study date (POST /tools/find), paged; on a study,
// "send to modality ... and ask for commitment" as a store job whose progress is shown live.
'use strict';

function contains(v) {
  const t = (v || '').trim();
  return !t || /[*?]/.test(t) ? t : '*' + t + '*';
}

function dicomDate(isoDate) { return (isoDate || '').replaceAll('-', ''); }

document.addEventListener('alpine:init', () => {
  Alpine.data('studies', () => polled({
    form: { name: '', id: '', from: '', to: '' },
    asked: null,
    page: 0,
    size: 25,
    rows: [],
    more: false,
    open: null,
    modalities: [],
    target: '',
    commit: true,
    sendJob: null,
    job: null,
    init() {
      this.fromRoute();
      this.$watch('$store.route.params', () => this.fromRoute());
      api.get('/modalities').then(m => { this.modalities = m; this.target = this.target || m[0] || ''; },
        e => { this.error = e.message; });
    },
    fromRoute() {
      const p = Alpine.store('route').params;
      this.form = { name: p.name || '', id: p.id || '', from: p.from || '', to: p.to || '' };
      this.search();
    },
    query() {
      const q = {};
      if (this.asked.name.trim()) q.PatientName = contains(this.asked.name);
      if (this.asked.id.trim()) q.PatientID = contains(this.asked.id);
      const from = dicomDate(this.asked.from);
      const to = dicomDate(this.asked.to);
      if (from || to) q.StudyDate = from && from === to ? from : from + '-' + to;
      return { Level: 'Study', Query: q, Expand: true, CaseSensitive: false, Since: this.page * this.size, Limit: this.size + 1 };
    },
    search() {
      this.asked = Object.assign({}, this.form);
      this.page = 0;
      return this.refresh();
    },
    go(delta) {
      this.page = Math.max(0, this.page + delta);
      return this.refresh();
    },
    async refresh() {
      await this.safely(async () => {
        const found = await api.post('/tools/find', this.query());
        this.more = found.length > this.size;
        this.rows = found.slice(0, this.size);
        if (this.sendJob) this.job = await api.get('/jobs/' + encodeURIComponent(this.sendJob));
      });
    },
    toggle(study) { this.open = this.open === study.ID ? null : study.ID; },
    send(study) {
      if (!this.target) {
        this.actionError = 'No modality is configured to send to: add one under Modalities.';
        return;
      }
      this.job = null;
      const body = { Resources: [study.ID], Synchronous: false };
      if (this.commit) body.StorageCommitment = true;
      return this.act('/modalities/' + encodeURIComponent(this.target) + '/store', body,
        answer => { this.sendJob = answer.ID; });
    },
    transactionOf(job) {
      return job && job.Content && (job.Content.StorageCommitmentTransactionUID || job.Content.TransactionUid) || '';
    },
  }));
});
