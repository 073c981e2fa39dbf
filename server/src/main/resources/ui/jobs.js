// Jobs: every job with its state and progress, filtered by state or type, paged; actions
// pause / resume / cancel / resubmit; a job's detail with its Content.
'use strict';

document.addEventListener('alpine:init', () => {
  Alpine.data('jobs', () => polled(Object.assign(pager(25), {
    all: [],
    rows: [],
    state: '',
    type: '',
    init() {
      this.fromRoute();
      this.$watch('$store.route.params', () => this.fromRoute());
    },
    fromRoute() {
      const p = Alpine.store('route').params;
      this.state = p.state || '';
      this.type = p.type || '';
      this.page = 0;
      this.refresh();
    },
    types() { return [...new Set(this.all.map(j => j.Type))].sort(); },
    async refresh() {
      await this.safely(async () => {
        this.all = (await api.get('/jobs?expand'))
          .sort((a, b) => (b.CreationTime || '').localeCompare(a.CreationTime || ''));
        this.filter();
      });
    },
    filter() {
      this.rows = this.all.filter(j => (!this.state || j.State === this.state) && (!this.type || j.Type === this.type));
      this.clamp(this.rows);
    },
    allowed(job) { return jobActions(job.State); },
    action(job, name) {
      return this.act('/jobs/' + encodeURIComponent(job.ID) + '/' + name, {});
    },
  })));

  Alpine.data('jobDetail', () => polled({
    job: null,
    init() {
      this.$watch('$store.route.id', () => { this.job = null; this.refresh(); });
      this.refresh();
    },
    async refresh() {
      const id = Alpine.store('route').id;
      if (!id) return;
      await this.safely(async () => { this.job = await api.get('/jobs/' + encodeURIComponent(id)); });
    },
    allowed() { return jobActions(this.job ? this.job.State : ''); },
    action(name) { return this.act('/jobs/' + encodeURIComponent(this.job.ID) + '/' + name, {}); },
    entries() {
      const c = (this.job && this.job.Content) || {};
      return Object.keys(c).map(k => [k, typeof c[k] === 'object' ? JSON.stringify(c[k]) : String(c[k])]);
    },
  }));
});
