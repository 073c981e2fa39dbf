// Modalities: those of the configuration file and those added at run time (PUT /modalities),
// with an echo button (C-ECHO through POST /modalities/{id}/echo) and its result.
'use strict';

document.addEventListener('alpine:init', () => {
  Alpine.data('modalities', () => polled({
    rows: [],
    echoes: {},
    init() { this.refresh(); },
    async refresh() {
      await this.safely(async () => {
        const all = await api.get('/modalities?expand');
        this.rows = Object.keys(all).sort().map(name => Object.assign({ Name: name }, all[name]));
      });
    },
    outcome(name) { return this.echoes[name] ? this.echoes[name].state : ''; },
    running(name) { return this.outcome(name) === 'running'; },
    async echo(name) {
      this.echoes[name] = { state: 'running', text: 'Echoing…' };
      const t0 = performance.now();
      try {
        await api.post('/modalities/' + encodeURIComponent(name) + '/echo', {});
        this.echoes[name] = { state: 'ok', text: 'Echo succeeded in ' + Math.round(performance.now() - t0) + ' ms' };
      } catch (e) {
        this.echoes[name] = { state: 'failed', text: 'Echo failed: ' + e.message };
      }
    },
  }));
});
