// The live dashboard: polls the status port's /dashboard/api/data, turns its cumulative counters into rates and
// latency percentiles between polls, and draws them with uPlot. Everything comes from this server; no network.
'use strict';

(function dashboard() {
  const POLL_MS = Number(new URLSearchParams(location.search).get('interval') || 1000);
  const MAX_POINTS = 300;
  const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f'];
  const state = { previous: undefined, samples: 0, times: [], qps: new Map(), p95: [], p99: [], plain: [], tls: [], tlsShare: [], failures: [], charts: {}, qpsTypes: '' };
  window.tidalDashboard = state;

  function chart(id, title, series, data) {
    const element = document.getElementById(id);
    const width = Math.max(element.clientWidth, 300);
    const options = {
      title: undefined,
      width,
      height: 230,
      scales: { x: { time: true } },
      axes: [{}, { size: 60 }],
      series: [{}, ...series.map((label, i) => ({ label, stroke: COLORS[i % COLORS.length], width: 2, spanGaps: false }))],
    };
    if (state.charts[id]) state.charts[id].destroy();
    element.textContent = '';
    state.charts[id] = new uPlot(options, data, element);
    state.charts[id].tidalTitle = title;
  }

  function push(list, value) {
    list.push(value);
    if (list.length > MAX_POINTS) list.shift();
  }

  /** The q-quantile (0..1) of the statements between two polls, from the histogram buckets' differences. */
  function quantile(q, now, before) {
    if (before === undefined) return null;
    const counts = now.counts.map((count, i) => count - (before.counts[i] || 0));
    const total = counts[counts.length - 1];
    if (!(total > 0)) return null;
    const rank = q * total;
    let lowerBound = 0;
    let lowerCount = 0;
    for (let i = 0; i < counts.length; i++) {
      const bound = now.bounds[i] === -1 ? lowerBound * 2 || 60 : now.bounds[i];
      if (counts[i] >= rank) {
        const inBucket = counts[i] - lowerCount;
        const fraction = inBucket > 0 ? (rank - lowerCount) / inBucket : 1;
        return (lowerBound + (bound - lowerBound) * fraction) * 1000;
      }
      lowerBound = bound;
      lowerCount = counts[i];
    }
    return null;
  }

  function sumValues(object) {
    return Object.values(object).reduce((sum, value) => sum + value, 0);
  }

  function record(data) {
    const previous = state.previous;
    const seconds = previous === undefined ? 0 : (data.time - previous.time) / 1000;
    state.times.push(data.time / 1000);
    if (state.times.length > MAX_POINTS) state.times.shift();
    for (const [type, counts] of Object.entries(data.queries)) {
      if (!state.qps.has(type)) state.qps.set(type, state.times.map(() => null));
    }
    for (const [type, values] of state.qps) {
      const now = data.queries[type] ? data.queries[type].ok + data.queries[type].error : 0;
      const then = previous && previous.queries[type] ? previous.queries[type].ok + previous.queries[type].error : now;
      push(values, seconds > 0 ? (now - then) / seconds : null);
      while (values.length > state.times.length) values.shift();
    }
    push(state.p95, quantile(0.95, data.latency, previous && previous.latency));
    push(state.p99, quantile(0.99, data.latency, previous && previous.latency));
    push(state.plain, data.connections.plain);
    push(state.tls, data.connections.tls);
    const total = data.connections.plain + data.connections.tls;
    push(state.tlsShare, total > 0 ? (100 * data.connections.tls) / total : null);
    const failuresNow = sumValues(data.handshakes.failures);
    const failuresThen = previous ? sumValues(previous.handshakes.failures) : failuresNow;
    push(state.failures, seconds > 0 ? (failuresNow - failuresThen) / seconds : null);
    state.previous = data;
    state.samples++;
  }

  function draw() {
    const times = state.times;
    const types = [...state.qps.keys()].sort();
    const qpsData = [times, ...types.map((type) => state.qps.get(type))];
    if (types.join(',') !== state.qpsTypes || !state.charts['chart-qps']) {
      state.qpsTypes = types.join(',');
      chart('chart-qps', 'QPS', types.length > 0 ? types : ['(none yet)'], types.length > 0 ? qpsData : [times, times.map(() => null)]);
    } else {
      state.charts['chart-qps'].setData(qpsData);
    }
    update('chart-latency', ['p95 ms', 'p99 ms'], [times, state.p95, state.p99]);
    update('chart-connections', ['plain', 'TLS'], [times, state.plain, state.tls]);
    update('chart-tls', ['TLS share %', 'handshake failures/s'], [times, state.tlsShare, state.failures]);
  }

  function update(id, series, data) {
    if (state.charts[id]) state.charts[id].setData(data);
    else chart(id, id, series, data);
  }

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    row.appendChild(td);
  }

  function fill(tableId, rows, render) {
    const body = document.querySelector(`#${tableId} tbody`);
    body.textContent = '';
    for (const item of rows) {
      const row = document.createElement('tr');
      render(row, item);
      body.appendChild(row);
    }
  }

  function left(ms) {
    if (ms < 0) return `expired ${Math.floor(-ms / 86400000)} days ago`;
    const days = Math.floor(ms / 86400000);
    const hours = Math.floor((ms % 86400000) / 3600000);
    const minutes = Math.floor((ms % 3600000) / 60000);
    const seconds = Math.floor((ms % 60000) / 1000);
    return `${days}d ${hours}h ${minutes}m ${seconds}s`;
  }

  function tables(data) {
    const now = Date.now();
    fill('certificates', data.certificates, (row, certificate) => {
      const remaining = certificate.notAfter - now;
      row.className = remaining < 0 ? 'expired' : remaining < 30 * 86400000 ? 'expiring' : '';
      cell(row, certificate.role);
      cell(row, certificate.subject);
      cell(row, certificate.file);
      cell(row, new Date(certificate.notAfter).toISOString());
      cell(row, left(remaining), 'num countdown');
    });
    const ms = (value) => value.toFixed(2);
    fill('slowest', data.slowest, (row, statement) => {
      cell(row, statement.type);
      cell(row, statement.schema);
      cell(row, statement.digestText, 'sql');
      cell(row, ms(statement.maxLatencyMs), 'num');
      cell(row, ms(statement.avgLatencyMs), 'num');
      cell(row, String(statement.execCount), 'num');
    });
    fill('statements', data.statements, (row, statement) => {
      cell(row, statement.type);
      cell(row, statement.schema);
      cell(row, statement.digestText, 'sql');
      cell(row, String(statement.execCount), 'num');
      cell(row, String(statement.errors), 'num');
      cell(row, ms(statement.sumLatencyMs), 'num');
      cell(row, ms(statement.avgLatencyMs), 'num');
      cell(row, statement.avgRows.toFixed(1), 'num');
    });
  }

  async function poll() {
    const status = document.getElementById('state');
    try {
      const response = await fetch('api/data', { cache: 'no-store' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const data = await response.json();
      record(data);
      draw();
      tables(data);
      status.textContent = `live · updated ${new Date(data.time).toLocaleTimeString()}`;
      status.className = 'state';
      document.body.dataset.samples = String(state.samples);
    } catch (error) {
      status.textContent = `cannot reach the server: ${error.message}`;
      status.className = 'state error';
    } finally {
      setTimeout(poll, POLL_MS);
    }
  }

  void poll();
})();
